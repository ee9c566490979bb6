import { CloseCode } from '@warmline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildWorkspace,
  runDueJobs,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { type MortalNode, startMortalNode } from '../../testing/mortalNode.ts';
import { agentSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-03-04T10:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const later = (seconds: number) => clock.set(new Date(clock().getTime() + seconds * 1000));

/** Nodes this test started beside `t`; those still alive are stopped after it. */
let started: MortalNode[] = [];
async function anotherNode() {
  const node = await startMortalNode(t);
  started.push(node);
  return node;
}
beforeEach(() => clock.set(new Date('2031-03-04T10:00:00Z')));
afterEach(async () => {
  await Promise.all(started.map((n) => n.stop()));
  started = [];
});

/** Where each party's socket is: `t` (which sweeps) or another node. */
type Place = TestServer | MortalNode;

/** A customer calls Amina: the widget's socket on `widgetOn`, her app's on `appOn`; answered unless `ringing`. */
async function aCall(opts: { widgetOn: Place; appOn: Place; ringing?: boolean }) {
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
  const customer = await buildConversation(t, workspace, 'Can I talk to someone?');
  const app = await agentSocket(opts.appOn, amina);
  const widget = await visitorSocket(opts.widgetOn, customer.visitorToken);
  widget.send({ type: 'call.place' });
  const callId = (await widget.next('visitor_call', (f) => f.iceServers !== undefined)).call.id;
  await app.next('call', (f) => f.call.id === callId && f.call.status === 'ringing');
  if (!opts.ringing) {
    app.send({ type: 'call.answer', callId });
    await app.next('call', (f) => f.call.id === callId && f.here === true);
    await widget.next('visitor_call', (f) => f.call.id === callId && f.call.status === 'answered');
  }
  return { workspace, amina, customer, app, widget, callId };
}

async function callRow(callId: string) {
  const [row] = await t.db.query<{ status: string; outcome: string | null }>('select status, outcome from calls where id = $1', [
    callId,
  ]);
  return row!;
}

async function pendingSocketLost(workspaceId: string) {
  const [row] = await t.db.query<{ n: number }>(
    `select count(*)::int as n from jobs where workspace_id = $1 and kind = 'call_socket_lost' and status = 'pending'`,
    [workspaceId],
  );
  return row!.n;
}

async function nodeIds() {
  return (await t.db.query<{ id: string }>('select id from nodes order by id')).map((r) => r.id);
}

/** Past the threshold since the call began; the living nodes beat (as their timers would), the dead one cannot. */
async function pastTheThreshold(...alive: Place[]) {
  later(t.config.nodeDeadAfterSeconds + 1);
  await t.node.beat();
  for (const place of alive) await place.node.beat();
}

describe(`a node that dies without closing its sockets leaves no call behind (${backend})`, () => {
  it('a call ringing through a dead node’s socket ends as cancelled once the node is past the threshold, and the node is forgotten', async () => {
    const b = await anotherNode();
    const s = await aCall({ widgetOn: b, appOn: t, ringing: true });
    await b.kill();
    later(t.config.nodeDeadAfterSeconds - 1);
    await t.node.beat();
    expect(await t.node.sweep()).toEqual([]);
    expect((await callRow(s.callId)).status).toBe('ringing');

    later(2);
    expect(await t.node.sweep()).toEqual([b.node.id]);
    const ended = await s.app.next('call', (f) => f.call.id === s.callId && f.call.status === 'ended');
    expect(ended.call.outcome).toBe('cancelled');
    expect(await callRow(s.callId)).toMatchObject({ status: 'ended', outcome: 'cancelled' });
    expect(await nodeIds()).not.toContain(b.node.id);
  });

  it('an answered call whose agent’s node died waits CALL_RECONNECT_SECONDS, then ends as failed', async () => {
    const b = await anotherNode();
    const s = await aCall({ widgetOn: t, appOn: b });
    await b.kill();
    await pastTheThreshold();
    expect(await t.node.sweep()).toEqual([b.node.id]);
    expect((await callRow(s.callId)).status).toBe('answered');
    expect(await pendingSocketLost(s.workspace.id)).toBe(1);

    later(t.config.callReconnectSeconds - 1);
    await runDueJobs(t, s.workspace);
    expect((await callRow(s.callId)).status).toBe('answered');
    later(2);
    await runDueJobs(t, s.workspace);
    expect(await callRow(s.callId)).toMatchObject({ status: 'ended', outcome: 'failed' });
    const ended = await s.widget.next('visitor_call', (f) => f.call.id === s.callId && f.call.status === 'ended');
    expect(ended.call.outcome).toBe('failed');
  });

  it('the agent resumes from another node within the grace: the call carries on, its signalling on the new socket', async () => {
    const b = await anotherNode();
    const s = await aCall({ widgetOn: t, appOn: b });
    await b.kill();
    await pastTheThreshold();
    expect(await t.node.sweep()).toEqual([b.node.id]);

    const back = await agentSocket(t, s.amina);
    back.send({ type: 'call.resume', callId: s.callId });
    expect((await back.next('call', (f) => f.call.id === s.callId && f.here === true)).call.status).toBe('answered');
    s.widget.send({ type: 'call.signal', callId: s.callId, signal: { kind: 'offer', sdp: 'v=0 again' } });
    expect((await back.next('call.signal')).signal).toEqual({ kind: 'offer', sdp: 'v=0 again' });

    later(t.config.callReconnectSeconds + 1);
    await runDueJobs(t, s.workspace);
    expect(await callRow(s.callId)).toMatchObject({ status: 'answered', outcome: null });
  });

  it('a call resumed elsewhere before its old node is found dead is left alone by the sweep', async () => {
    const b = await anotherNode();
    const s = await aCall({ widgetOn: t, appOn: b });
    await b.kill();
    const back = await agentSocket(t, s.amina);
    back.send({ type: 'call.resume', callId: s.callId });
    await back.next('call', (f) => f.call.id === s.callId && f.here === true);

    await pastTheThreshold();
    expect(await t.node.sweep()).toEqual([b.node.id]);
    expect(await pendingSocketLost(s.workspace.id)).toBe(0);
    expect((await callRow(s.callId)).status).toBe('answered');
  });

  it('a live node’s calls are never touched, however long the sweeper’s clock has moved', async () => {
    const c = await anotherNode();
    const b = await anotherNode();
    const onLive = await aCall({ widgetOn: c, appOn: c });
    const onDead = await aCall({ widgetOn: b, appOn: t, ringing: true });
    await b.kill();
    for (let round = 0; round < 3; round++) {
      await pastTheThreshold(c);
      await t.node.sweep();
    }
    expect(await callRow(onLive.callId)).toMatchObject({ status: 'answered', outcome: null });
    expect(await pendingSocketLost(onLive.workspace.id)).toBe(0);
    expect(await nodeIds()).toContain(c.node.id);
    expect(await callRow(onDead.callId)).toMatchObject({ status: 'ended', outcome: 'cancelled' });
  });

  it('two sweepers never both let go of one dead node: the call ends once', async () => {
    const c = await anotherNode();
    const b = await anotherNode();
    const s = await aCall({ widgetOn: b, appOn: t, ringing: true });
    await b.kill();
    await pastTheThreshold(c);

    // While one sweeper holds the dead node's row, another passes it by rather than waiting to sweep it again.
    await t.db.transaction(async (tx) => {
      await tx.query('select id from nodes where id = $1 for update', [b.node.id]);
      expect(await c.node.sweep()).toEqual([]);
    });
    const [byT, byC] = await Promise.all([t.node.sweep(), c.node.sweep()]);
    expect([...byT, ...byC]).toEqual([b.node.id]);

    expect(await callRow(s.callId)).toMatchObject({ status: 'ended', outcome: 'cancelled' });
    const [entries] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from entries where conversation_id = $1 and event_type = 'call'`,
      [s.customer.conversationId],
    );
    expect(entries!.n).toBe(1);
  });

  it('a node wrongly taken for dead (a long pause) writes its row again and sends its clients to resume: the call carries on', async () => {
    const c = await anotherNode();
    const s = await aCall({ widgetOn: t, appOn: c });
    // Node c freezes: no beats for longer than the threshold, and t lets go of its sockets.
    c.node.stop();
    await pastTheThreshold();
    expect(await t.node.sweep()).toEqual([c.node.id]);
    expect(await pendingSocketLost(s.workspace.id)).toBe(1);

    // It wakes up: its next beat finds its row gone; its clients reconnect and resume within the grace.
    await c.node.beat();
    expect((await s.app.closed).code).toBe(CloseCode.shuttingDown);
    expect(await nodeIds()).toContain(c.node.id);
    const back = await agentSocket(c, s.amina);
    back.send({ type: 'call.resume', callId: s.callId });
    await back.next('call', (f) => f.call.id === s.callId && f.here === true);
    later(t.config.callReconnectSeconds + 1);
    await runDueJobs(t, s.workspace);
    expect(await callRow(s.callId)).toMatchObject({ status: 'answered', outcome: null });
  });
});
