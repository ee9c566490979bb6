import { afterAll, expect, it } from 'vitest';
import { converse, moreAcknowledged, openChats } from './harness/chats.ts';
import { type Cluster, startCluster } from './harness/cluster.ts';
import { waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';
import { settle, tally } from './harness/tally.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('a web node killed with kill -9 while 200 conversations are under way', () => {
  it('clients reconnect through nginx to the other node; every acknowledged message is stored and seen once, in order, and unacknowledged ones are resent with the same clientId', async () => {
    // Node b starts after the clients have connected, so every socket is on node a when it dies.
    cluster = await startCluster({ nodes: { a: 'web', b: 'web', worker: 'worker' }, later: ['b'] });
    const chats = await openChats(cluster, 200);
    await cluster.start('b');
    const traffic = converse(chats);
    await moreAcknowledged(chats, 600, 'under load');

    // Node a hangs first, so messages are sent that it will never acknowledge; then it is killed.
    cluster.node('a').service.signal('SIGSTOP');
    const clients = [...chats.visitors, ...chats.agents];
    const inFlight = () => clients.reduce((n, c) => n + [...c.outbox.values()].filter((m) => m.sent).length, 0);
    await waitFor('50 messages sent to node a and not acknowledged', () => inFlight() >= 50, { timeoutMs: 20_000 });
    const unacknowledgedAtKill = inFlight();
    await cluster.node('a').kill9();

    await waitFor('every client to be connected again, through nginx to node b', () => clients.every((c) => c.isReady), {
      timeoutMs: 60_000,
    });
    await moreAcknowledged(chats, 600, 'after the failover');
    await traffic.stop();
    await settle(chats);

    const t = await tally(cluster, chats, 'kill -9');
    process.stdout.write(`[kill -9] sent to node a and unacknowledged when it died: ${unacknowledgedAtKill}\n`);
    expect(t.problems).toEqual([]);
    expect(t.acknowledged).toBe(t.written);
    expect(t.stored).toBe(t.acknowledged);
    expect(t.seen).toBe(t.shouldSee);
    expect(t.resent).toBeGreaterThanOrEqual(unacknowledgedAtKill);
    expect(t.reconnects).toBeGreaterThanOrEqual(clients.length);
  });
});
