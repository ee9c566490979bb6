import { Counter, type Registry } from 'prom-client';
import { afterCommit, type Services } from '../context.ts';
import type { Sql } from '../db/client.ts';
import { Unavailable } from '../errors.ts';
import type { WarmlineEvent } from '../events.ts';
import { type JobRecord, jobs } from './jobs.ts';

const MAX_ATTEMPTS = 5;

/** Does a due job's work inside the transaction that marks it done; events are announced after commit. */
export type JobHandler = (tx: Sql, job: JobRecord, now: Date, events: WarmlineEvent[]) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/**
 * Runs due jobs (callbacks, time-to-human checks, promises, continuity holds). Each job is taken under a row
 * lock and marked done in the same transaction as its effects, so it fires once whichever node runs it,
 * and survives restarts because it lives in the database.
 */
export function startJobRunner(services: Services, jobHandlers: JobHandlers, opts: { pollMs?: number; metrics?: Registry } = {}) {
  const pollMs = opts.pollMs ?? 1000;
  // Counted after commit: across all worker nodes, the sum for a kind is how many of its jobs have fired.
  const ran = new Counter({
    name: 'warmline_jobs_total',
    help: 'Durable jobs run by this node, by kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers: opts.metrics ? [opts.metrics] : [],
  });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  /**
   * Runs one due job. The background loop never takes a job before its real time, even when the application's clock
   * has been moved ahead (a test living on another day runs its own workspace's jobs with `runDue(workspaceId)`), so
   * it never fires other workspaces' timers early.
   */
  async function runOne(workspaceId?: string): Promise<boolean> {
    let taken: JobRecord | null = null;
    const events: WarmlineEvent[] = [];
    try {
      const done = await services.db.transaction(async (tx) => {
        const appNow = services.now();
        const dueBy = workspaceId ? appNow : new Date(Math.min(appNow.getTime(), Date.now()));
        taken = await jobs.takeDue(tx, dueBy, workspaceId);
        if (!taken) return null;
        const handler = jobHandlers[taken.kind];
        if (handler) await handler(tx, taken, services.now(), events);
        else services.log.warn({ job: taken.kind, id: taken.id }, 'no handler for this kind of job; marking it done');
        await jobs.markDone(tx, taken.workspaceId, taken.id);
        return taken as JobRecord;
      });
      if (!done) return false;
      ran.inc({ kind: done.kind, outcome: 'done' });
      services.log.debug({ job: done.kind, id: done.id }, 'job done');
      await afterCommit(services, events);
      return true;
    } catch (err) {
      const job = taken as JobRecord | null;
      if (!job || err instanceof Unavailable) throw err;
      services.log.error({ err, job: job.kind, id: job.id }, 'job failed');
      ran.inc({ kind: job.kind, outcome: 'failed' });
      const retryAt = job.attempts + 1 < MAX_ATTEMPTS ? new Date(services.now().getTime() + 30_000 * (job.attempts + 1)) : null;
      await jobs.markFailed(services.db, job.workspaceId, job.id, String(err), retryAt).catch(() => {});
      return true;
    }
  }

  let unreachable = false;
  async function tick() {
    try {
      for (let i = 0; i < 50 && !stopped; i++) if (!(await runOne())) break;
      if (unreachable) services.log.info('job runner reached the database again');
      unreachable = false;
    } catch (err) {
      // Once per outage, not once per poll.
      if (!unreachable) services.log.warn({ err }, 'job runner could not reach the database; retrying');
      unreachable = true;
    }
    if (!stopped) timer = setTimeout(() => (current = tick()), pollMs);
  }

  timer = setTimeout(() => (current = tick()), 0);
  return {
    /** Runs every job due now, or every one of a workspace by the application's clock (tests and shutdown use it). */
    async runDue(workspaceId?: string) {
      await current;
      while (await runOne(workspaceId)) {}
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
