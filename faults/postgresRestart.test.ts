import { afterAll, expect, it } from 'vitest';
import { converse, moreAcknowledged, openChats } from './harness/chats.ts';
import { type Cluster, startCluster } from './harness/cluster.ts';
import { probe } from './harness/probe.ts';
import { waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';
import { settle, tally } from './harness/tally.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('PostgreSQL restarted while conversations are under way', () => {
  it('the API answers 503 with Retry-After during the gap, sockets stay open, sends are retried with the same clientId, and nothing is lost or doubled', async () => {
    cluster = await startCluster({ nodes: { a: 'web', b: 'web', worker: 'worker' } });
    const chats = await openChats(cluster, 100);
    const visitor = chats.visitors[0]!;
    // A REST read that needs the database, as the widget makes it, through nginx.
    const api = probe(`${cluster.url}/api/v1/widget/wait`, { headers: { authorization: `Bearer ${visitor.token}` } });
    const traffic = converse(chats);
    await moreAcknowledged(chats, 300, 'under load');

    await cluster.pg.stop();
    const unavailableFrames = () => [...chats.visitors, ...chats.agents].reduce((n, c) => n + c.stats.unavailable, 0);
    await waitFor(
      'a 503 from the API and an unavailable frame on a socket while PostgreSQL is down',
      () => api.with(503).length > 0 && unavailableFrames() > 0,
      { timeoutMs: 30_000 },
    );
    await cluster.pg.start();
    await moreAcknowledged(chats, 300, 'after PostgreSQL is back');
    await traffic.stop();
    await api.stop();
    await settle(chats);

    const t = await tally(cluster, chats, 'PostgreSQL restart');
    const refused = api.answers.filter((a) => a.status !== 200 && a.status !== 503);
    process.stdout.write(
      `[PostgreSQL restart] API answers: ${api.with(200).length}×200, ${api.with(503).length}×503 (Retry-After ${[
        ...new Set(api.with(503).map((a) => a.retryAfter)),
      ].join(', ')}), ${refused.length} other\n`,
    );
    expect(t.problems).toEqual([]);
    expect(t.acknowledged).toBe(t.written);
    expect(t.seen).toBe(t.shouldSee);
    expect(t.unavailable).toBeGreaterThan(0);
    expect(t.resent).toBeGreaterThan(0);
    // Sockets stayed open through the gap: no client had to reconnect.
    expect(t.reconnects).toBe(0);
    for (const a of api.with(503)) {
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(a.body)).toEqual({
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/database/i),
          details: { retryAfterSeconds: expect.any(Number) },
        },
      });
    }
    expect(refused).toEqual([]);
  });
});
