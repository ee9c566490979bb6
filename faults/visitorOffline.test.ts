import { afterAll, expect, it } from 'vitest';
import { openChats } from './harness/chats.ts';
import { type Cluster, startCluster } from './harness/cluster.ts';
import { metric } from './harness/probe.ts';
import { pause, waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';
import { settle, tally } from './harness/tally.ts';

/** Two real minutes: longer than the server's heartbeat needs to give up on a silent socket (30–60 s). */
const OFFLINE_MS = Number(process.env.FAULTS_OFFLINE_SECONDS ?? 120) * 1000;

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('a visitor offline for 2 minutes while the agent writes', () => {
  it('on return the gap is filled from the database, what the visitor wrote offline is sent once, and nothing shows twice', async () => {
    cluster = await startCluster({ nodes: { a: 'web', b: 'web', worker: 'worker' } });
    const chats = await openChats(cluster, 20);
    const away = chats.visitors.slice(0, 10);
    const visitorSockets = () =>
      Promise.all(['a', 'b'].map((n) => metric(cluster!.node(n).url, 'warmline_websocket_connections', { kind: 'visitor' })));
    expect((await visitorSockets()).reduce((a, b) => a + b)).toBe(20);

    // The network goes: no close, no pongs. The visitors keep typing; the messages wait in their outboxes.
    for (const v of away) v.goOffline();
    const offlineWrites = away.map((v, i) => [v.say(`visitor ${i}, typed offline`), v.say(`visitor ${i}, typed offline again`)]);
    const started = Date.now();
    let agentWrites = 0;
    const heardWhileAway = new Map(away.map((v) => [v.conversationId!, v.timeline.lastSeq()]));
    while (Date.now() - started < OFFLINE_MS) {
      // Every conversation hears from its agent every few seconds.
      await Promise.all(
        chats.visitors.map((v, i) => chats.agentFor(i).reply(v.conversationId!, `note ${agentWrites} for visitor ${i}`)),
      );
      agentWrites++;
      await pause(3000);
    }
    // The server's heartbeat found the silent sockets and closed them; the online visitors are still there.
    await waitFor(
      'the server to have closed the 10 silent sockets',
      async () => (await visitorSockets()).reduce((a, b) => a + b) === 10,
    );

    for (const v of away) v.reconnect();
    await Promise.all(offlineWrites.flat());
    await settle(chats);
    const t = await tally(cluster, chats, 'visitor offline');
    const filled = away.map((v) => v.timeline.lastSeq() - heardWhileAway.get(v.conversationId!)!);
    process.stdout.write(
      `[visitor offline] ${OFFLINE_MS / 1000} s offline, ${agentWrites} agent messages per conversation meanwhile; ` +
        `entries caught up on return per visitor: ${Math.min(...filled)}–${Math.max(...filled)}\n`,
    );
    expect(t.problems).toEqual([]);
    expect(t.acknowledged).toBe(t.written);
    expect(t.seen).toBe(t.shouldSee);
    for (const v of away) expect(v.stats.resent).toBe(0); // typed offline, sent once on return
    expect(Math.min(...filled)).toBeGreaterThanOrEqual(agentWrites + 2);
  });
});
