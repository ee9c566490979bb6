import type { WarmlineEvent } from '../bus/events.ts';
import { publishAll, type Services } from '../commands/context.ts';
import { type JobRecord, jobs } from '../repositories/jobs.ts';
import { jobHandlers } from './handlers.ts';

const MAX_ATTEMPTS = 5;

/**
 * Runs due jobs (callbacks, time-to-human checks, promises, continuity holds). Each job is taken under a row
 * lock and marked done in the same transaction as its effects, so it fires once whichever node runs it,
 * and survives restarts because it lives in the database.
 */
export function startJobRunner(services: Services, opts: { pollMs?: number } = {}) {
  const pollMs = opts.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  async function runOne(): Promise<boolean> {
    let taken: JobRecord | null = null;
    const events: WarmlineEvent[] = [];
    try {
      const ran = await services.db.transaction(async (tx) => {
        taken = await jobs.takeDue(tx);
        if (!taken) return false;
        const handler = jobHandlers[taken.kind];
        if (handler) await handler(tx, taken, services.now(), events);
        await jobs.markDone(tx, taken.workspaceId, taken.id);
        return true;
      });
      if (ran) await publishAll(services, events);
      return ran;
    } catch (err) {
      const job = taken as JobRecord | null;
      if (!job) throw err;
      services.log.error({ err, job: job.kind, id: job.id }, 'job failed');
      const retryAt = job.attempts + 1 < MAX_ATTEMPTS ? new Date(services.now().getTime() + 30_000 * (job.attempts + 1)) : null;
      await jobs.markFailed(services.db, job.workspaceId, job.id, String(err), retryAt).catch(() => {});
      return true;
    }
  }

  async function tick() {
    try {
      for (let i = 0; i < 50 && !stopped; i++) if (!(await runOne())) break;
    } catch (err) {
      services.log.warn({ err }, 'job runner could not reach the database; retrying');
    }
    if (!stopped) timer = setTimeout(() => (current = tick()), pollMs);
  }

  timer = setTimeout(() => (current = tick()), 0);
  return {
    /** Runs every job due now (tests and shutdown use it). */
    async runDue() {
      await current;
      while (await runOne()) {}
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
