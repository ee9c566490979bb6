import { afterAll, expect, it } from 'vitest';
import { AgentClient, VisitorClient } from './harness/clients.ts';
import { type Cluster, DEMO, startCluster } from './harness/cluster.ts';
import { describeWithEngines } from './harness/suite.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

describeWithEngines('a call under way through a web node killed with kill -9', () => {
  it('nobody resumes it: once the node is found dead and the grace is over, the call ends as failed, not stuck', async () => {
    cluster = await startCluster({
      nodes: { a: 'web', b: 'web', worker: 'worker' },
      env: { NODE_HEARTBEAT_SECONDS: '1', NODE_DEAD_AFTER_SECONDS: '3', CALL_RECONNECT_SECONDS: '2' },
    });
    const c = cluster;
    await c.pg.query(`update agents set presence = case when email = $1 then 'available' else 'away' end`, [DEMO.amina]);

    // Amina's app holds its socket on node a, the customer's widget on node b.
    const amina = await AgentClient.signIn('amina on a', c.node('a').url, DEMO.amina, DEMO.password);
    const widget = await VisitorClient.open('customer on b', c.node('b').url, DEMO.workspaceKey);
    const placed = widget.next('visitor_call', (f) => f.iceServers !== undefined);
    widget.sendFrame({ type: 'call.place' });
    const callId = (await placed).call.id;
    const answered = widget.next('visitor_call', (f) => f.call.id === callId && f.call.status === 'answered');
    await amina.next('call', (f) => f.call.id === callId && f.call.status === 'ringing');
    amina.sendFrame({ type: 'call.answer', callId });
    await answered;

    const ended = widget.next('visitor_call', (f) => f.call.id === callId && f.call.status === 'ended');
    const killedAt = Date.now();
    await c.node('a').kill9();
    amina.stop();
    const status = async () =>
      (await c.pg.query<{ status: string }>('select status from calls where id = $1', [callId]))[0]!.status;
    expect(await status()).toBe('answered');

    expect((await ended).call.outcome).toBe('failed');
    const nodes = await c.pg.query<{ role: string }>('select role from nodes order by role');
    expect(nodes.map((n) => n.role)).toEqual(['web', 'worker']);
    process.stdout.write(`[call kill -9] the call through the dead node ended ${Date.now() - killedAt} ms after the kill\n`);
  });
});
