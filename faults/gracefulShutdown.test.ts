import { afterAll, expect, it } from 'vitest';
import { converse, moreAcknowledged, openChats } from './harness/chats.ts';
import { type Cluster, startCluster } from './harness/cluster.ts';
import { probe } from './harness/probe.ts';
import { waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';
import { settle, tally } from './harness/tally.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('a web node shut down gracefully (SIGTERM) under load', () => {
  it('readiness goes false first, clients are told to reconnect (4503) and see nothing else, writes under way finish, and it exits 0', async () => {
    cluster = await startCluster({ nodes: { a: 'web', b: 'web', worker: 'worker' } });
    const chats = await openChats(cluster, 100);
    const traffic = converse(chats);
    await moreAcknowledged(chats, 300, 'under load');

    const ready = probe(`${cluster.node('a').url}/readyz`, { everyMs: 50 });
    await waitFor('node a to answer /readyz', () => ready.with(200).length > 0);
    const exitCode = await cluster.node('a').terminate();
    await ready.stop();

    const clients = [...chats.visitors, ...chats.agents];
    await waitFor('every client to be connected again', () => clients.every((c) => c.isReady), { timeoutMs: 30_000 });
    await moreAcknowledged(chats, 300, 'on node b');
    await traffic.stop();
    await settle(chats);

    const t = await tally(cluster, chats, 'graceful shutdown');
    const sequence = ready.answers.map((a) => a.status).filter((s, i, all) => s !== all[i - 1]);
    const draining = ready.with(503).filter((a) => JSON.parse(a.body).status === 'draining');
    process.stdout.write(
      `[graceful shutdown] exit code ${exitCode}; node a's /readyz went ${sequence.join(' → ')} (${draining.length} answers "draining"); ` +
        `inbox reads retried ${chats.agents.reduce((n, a) => n + a.inboxRetries, 0)}\n`,
    );
    expect(exitCode).toBe(0);
    expect(t.problems).toEqual([]); // includes: no error frame of any kind reached a client
    expect(t.acknowledged).toBe(t.written);
    expect(t.seen).toBe(t.shouldSee);
    expect(t.unavailable).toBe(0);
    // The only thing clients saw was a request to reconnect.
    expect(Object.keys(t.closes)).toEqual(['4503']);
    expect(chats.agents.reduce((n, a) => n + a.inboxRetries, 0)).toBe(0);
    expect(sequence).toEqual([200, 503, 'refused']);
    expect(draining.length).toBeGreaterThan(0);
  });
});
