import { afterAll, expect, it } from 'vitest';
import { type Cluster, startCluster } from './harness/cluster.ts';
import { metric } from './harness/probe.ts';
import { waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';

const JOBS = 2000;

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('two worker nodes taking durable jobs', () => {
  it('each due job runs exactly once, whichever worker takes it; web nodes run none and workers serve no public API', async () => {
    cluster = await startCluster({ nodes: { web: 'web', one: 'worker', two: 'worker' } });
    const [demo] = await cluster.pg.query<{ id: string }>(`select id from workspaces where key = 'demo'`);
    const before = await cluster.pg.query<{ n: number }>(`select count(*)::int as n from jobs`);
    // "route" jobs for conversations that do not exist: each run is harmless and counted. Due now and over
    // the next two seconds, so both workers are polling while they fall due.
    await cluster.pg.query(
      `insert into jobs (workspace_id, kind, run_at, payload)
       select $1, 'route', now() + (i % 20) * interval '100 milliseconds', jsonb_build_object('conversationId', gen_random_uuid())
       from generate_series(1, $2) as i`,
      [demo!.id, JOBS],
    );
    await waitFor(
      `all ${JOBS} jobs done`,
      async () => {
        const [row] = await cluster!.pg.query<{ n: number }>(
          `select count(*)::int as n from jobs where kind = 'route' and status = 'done'`,
        );
        return row!.n >= JOBS;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const ran = await Promise.all(
      ['one', 'two', 'web'].map((n) => metric(cluster!.node(n).url, 'warmline_jobs_total', { kind: 'route', outcome: 'done' })),
    );
    const [rows] = await cluster.pg.query<{ once: number; more: number }>(
      `select count(*) filter (where attempts = 1)::int as once, count(*) filter (where attempts > 1)::int as more
       from jobs where kind = 'route'`,
    );
    process.stdout.write(
      `[two workers] ${JOBS} jobs scheduled (beside ${before[0]!.n} of the demo) · run ${ran[0]! + ran[1]!} times ` +
        `(worker one ${ran[0]}, worker two ${ran[1]}, web node ${ran[2]}) · done once in the database ${rows!.once}, more than once ${rows!.more}\n`,
    );
    expect(ran[0]! + ran[1]!).toBe(JOBS);
    expect(ran[0]).toBeGreaterThan(0);
    expect(ran[1]).toBeGreaterThan(0);
    expect(ran[2]).toBe(0);
    expect(rows).toEqual({ once: JOBS, more: 0 });

    // A worker answers operators, not customers.
    const worker = cluster.node('one').url;
    expect((await fetch(`${worker}/healthz`)).status).toBe(200);
    expect((await fetch(`${worker}/readyz`)).status).toBe(200);
    expect((await fetch(`${worker}/api/v1/openapi.json`)).status).toBe(404);
    expect((await fetch(`${worker}/api/v1/widget/session`, { method: 'POST' })).status).toBe(404);
  });
});
