import { afterAll, expect, it } from 'vitest';
import { AgentClient } from './harness/clients.ts';
import { type Cluster, DEMO, startCluster } from './harness/cluster.ts';
import { waitFor } from './harness/processes.ts';
import { describeWithEngines } from './harness/suite.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

const JONAS = 'jonas@juniper-rye.example';

describeWithEngines('an agent whose socket moves to another node', () => {
  it('stays available past the grace time while connected through the other node, and goes away once gone from both', async () => {
    cluster = await startCluster({ nodes: { a: 'web', b: 'web' } });
    const c = cluster;
    await c.pg.query('update workspaces set presence_grace_seconds = 1');
    const presence = async (email: string) =>
      (await c.pg.query<{ presence: string }>('select presence from agents where email = $1', [email]))[0]!.presence;

    // Amina holds a socket on each node; Jonas and Priya only on node a, as controls whose grace timers run beside hers.
    const a = c.node('a').url;
    const b = c.node('b').url;
    const aminaOnA = await AgentClient.signIn('amina on a', a, DEMO.amina, DEMO.password);
    const aminaOnB = await AgentClient.signIn('amina on b', b, DEMO.amina, DEMO.password);
    const jonasOnA = await AgentClient.signIn('jonas on a', a, JONAS, DEMO.password);
    const priyaOnA = await AgentClient.signIn('priya on a', a, DEMO.priya, DEMO.password);
    await waitFor('every socket to be served', () => [aminaOnA, aminaOnB, jonasOnA, priyaOnA].every((x) => x.isReady));
    await c.pg.query(`update agents set presence = 'available' where email = any($1::text[])`, [[DEMO.amina, JONAS, DEMO.priya]]);

    // Node a loses Amina's socket and Jonas's at once: both grace timers start there together.
    aminaOnA.stop();
    jonasOnA.stop();
    await waitFor('node a to set Jonas away after the grace time', async () => (await presence(JONAS)) === 'away', {
      timeoutMs: 20_000,
    });
    // Node a has decided about Amina too by now: Priya's timer, started after Jonas was away, has run out as well.
    priyaOnA.stop();
    await waitFor('node a to set Priya away after the grace time', async () => (await presence(DEMO.priya)) === 'away', {
      timeoutMs: 20_000,
    });
    expect(await presence(DEMO.amina)).toBe('available');

    // Gone from node b as well: now she is away.
    aminaOnB.stop();
    await waitFor('node b to set Amina away after the grace time', async () => (await presence(DEMO.amina)) === 'away', {
      timeoutMs: 20_000,
    });
    process.stdout.write(
      '[presence] Amina kept "available" with a socket on node b while node a dropped hers; away once both were gone\n',
    );
  });
});
