import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../apps/server/src/core/config.ts';
import type { WarmlineEvent } from '../apps/server/src/core/events.ts';
import { hashPassword } from '../apps/server/src/modules/auth/auth.ts';
import { fillAgent } from '../apps/server/src/modules/routing/routing.ts';
import { newWorkspaceKey } from '../apps/server/src/modules/workspaces/settings.ts';
import { openServices } from '../apps/server/src/server.ts';
import type { Figure } from './index.ts';
import { simulateDay } from './routing/waitSimulation.ts';
import { percentile } from './serverProcess.ts';
import { round } from './size.ts';

const WAITING = 1_000;
const AGENTS = 50;
const DECISIONS = 300;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * routing.decision_p99: from "an agent has room" to the committed assignment, with 1,000 waiting and 50 agents,
 * on the embedded database. Baseline: the bare atomic step (take the oldest waiting row with SKIP LOCKED and
 * assign it) in the same database, without the policy, continuity, eligibility or timeline entry.
 * routing.wait_estimate_error: the simulated day of bench/routing/waitSimulation.ts over ten seeds.
 */
export async function routingBenchmarks(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-routing-'));
  const services = await openServices(loadConfig({ WARMLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  try {
    const { workspaceId, agentIds } = await seed(services.db);
    const decision: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const agentId = agentIds[i % agentIds.length]!;
      const events: WarmlineEvent[] = [];
      const t0 = performance.now();
      const assigned = await services.db.transaction((tx) => fillAgent(tx, workspaceId, agentId, new Date(), events));
      decision.push(performance.now() - t0);
      if (assigned !== 1) throw new Error(`expected one assignment, got ${assigned}`);
      await refill(services.db, workspaceId, agentId);

      const t1 = performance.now();
      const [row] = await services.db.transaction((tx) =>
        tx.query<{ id: string }>(
          `update conversations set assignee_id = $2 where id = (select id from conversations where workspace_id = $1 and status = 'waiting'
             and assignee_id is null order by priority desc, queue_since, id limit 1 for update skip locked) returning id`,
          [workspaceId, agentId],
        ),
      );
      bare.push(performance.now() - t1);
      await services.db.query('update conversations set assignee_id = null where id = $1', [row!.id]);
    }
    const p99 = percentile(decision, 99);
    const bareP99 = percentile(bare, 99);
    const runs = SEEDS.map((seed) => simulateDay({ seed }));
    const ratio = runs.reduce((s, r) => s + r.ratio, 0) / runs.length;
    return [
      {
        bench: 'routing.decision_p99',
        value: round(p99, 2),
        unit: 'ms',
        baseline: round(bareP99, 2),
        ratio: round(p99 / bareP99),
        notes: `${DECISIONS} decisions, ${WAITING} waiting, ${AGENTS} agents, embedded database (p50 ${round(percentile(decision, 50), 2)} ms); baseline: bare SKIP LOCKED take-and-assign. Target ≤ 20 ms`,
      },
      {
        bench: 'routing.wait_estimate_error',
        value: round(ratio, 3),
        unit: 'MAE / mean wait',
        baseline: null,
        ratio: null,
        notes: `simulated 8-hour day (docs/routing.md), mean over seeds ${SEEDS[0]}–${SEEDS.at(-1)}: ${runs.map((r) => round(r.ratio, 2)).join(', ')}; mean actual wait ${round(runs.reduce((s, r) => s + r.meanActualWait, 0) / runs.length, 0)} s. Target ≤ 0.25`,
      },
    ];
  } finally {
    await services.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type Db = Awaited<ReturnType<typeof openServices>>['db'];

/** A workspace with 50 available agents (chat capacity 1) and 1,000 customers waiting, inserted in bulk. */
async function seed(db: Db) {
  const [workspace] = await db.query<{ id: string }>('insert into workspaces (name, key) values ($1, $2) returning id', [
    'Routing bench',
    newWorkspaceKey(),
  ]);
  const workspaceId = workspace!.id;
  const hash = await hashPassword(randomUUID());
  const agents = await db.query<{ id: string }>(
    `insert into agents (workspace_id, email, display_name, role, password_hash, presence, capacity)
     select $1, 'bench-' || g || '-' || $3 || '@example.com', 'Agent ' || g, 'agent', $2, 'available', '{"chat":1}'
     from generate_series(1, ${AGENTS}) g returning id`,
    [workspaceId, hash, randomUUID()],
  );
  await db.query(
    `with c as (insert into customers (workspace_id) select $1 from generate_series(1, ${WAITING}) returning id)
     insert into conversations (workspace_id, customer_id, status, queue_since)
     select $1, c.id, 'waiting', now() - (row_number() over ()) * interval '1 second' from c`,
    [workspaceId],
  );
  return { workspaceId, agentIds: agents.map((a) => a.id) };
}

/** Frees the agent again and puts a new customer at the back of the queue, so 1,000 are always waiting. */
async function refill(db: Db, workspaceId: string, agentId: string) {
  await db.query(
    `update conversations set status = 'resolved', resolved_at = now() where workspace_id = $1 and assignee_id = $2 and status <> 'resolved'`,
    [workspaceId, agentId],
  );
  await db.query(
    `with c as (insert into customers (workspace_id) values ($1) returning id)
     insert into conversations (workspace_id, customer_id, status) select $1, id, 'waiting' from c`,
    [workspaceId],
  );
}
