import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  runDueJobs,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-02-05T10:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

/** Amina answers a call the customer places; both sockets carry it. */
async function aCallUnderWay() {
  clock.set(new Date('2031-02-05T10:00:00Z'));
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const aminaRecord = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' });
  const amina = await signIn(t, aminaRecord);
  const customer = await buildConversation(t, workspace, 'Can I talk to someone?');
  const app = await agentSocket(t, amina);
  const widget = await visitorSocket(t, customer.visitorToken);
  widget.send({ type: 'call.place' });
  const placed = (await widget.next('visitor_call', (f) => f.iceServers !== undefined)).call;
  await app.next('call', (f) => f.call.id === placed.id && f.call.status === 'ringing');
  app.send({ type: 'call.answer', callId: placed.id });
  await app.next('call', (f) => f.call.id === placed.id && f.here === true);
  await widget.next('visitor_call', (f) => f.call.id === placed.id && f.call.status === 'answered');
  return { workspace, amina, customer, app, widget, callId: placed.id };
}

const later = (seconds: number) => clock.set(new Date(clock().getTime() + seconds * 1000));

async function statusOf(api: ReturnType<typeof client>, callId: string) {
  return (await api.get(`/api/v1/calls/${callId}`)).body.call as { status: string; outcome: string | null };
}

/** Closes a socket and waits until it is closed on this side. */
async function closeAndSettle(socket: TestSocket) {
  socket.close();
  await socket.closed;
}

describe(`a call survives its signalling socket reconnecting (${backend})`, () => {
  it('the agent’s socket drops mid-call: a new socket resumes it, and signalling reaches the new one', async () => {
    const s = await aCallUnderWay();
    await closeAndSettle(s.app);
    const back = await agentSocket(t, s.amina);
    back.send({ type: 'call.resume', callId: s.callId });
    const resumed = await back.next('call', (f) => f.call.id === s.callId && f.here === true);
    expect(resumed.call.status).toBe('answered');
    expect(resumed.iceServers).toBeDefined();

    s.widget.send({ type: 'call.signal', callId: s.callId, signal: { kind: 'offer', sdp: 'v=0 again' } });
    expect((await back.next('call.signal')).signal).toEqual({ kind: 'offer', sdp: 'v=0 again' });
    // The grace passes: the resumed call is not ended by the old socket's sweep.
    later(t.config.callReconnectSeconds + 1);
    await runDueJobs(t, s.workspace);
    expect(await statusOf(client(t, s.amina), s.callId)).toMatchObject({ status: 'answered', outcome: null });
  });

  it('nobody comes back within CALL_RECONNECT_SECONDS: the call ends, as failed when it was the agent who dropped', async () => {
    const s = await aCallUnderWay();
    await closeAndSettle(s.app);
    await expect
      .poll(async () => {
        const [row] = await t.db.query<{ n: number }>(
          `select count(*)::int as n from jobs where workspace_id = $1 and kind = 'call_socket_lost' and status = 'pending'`,
          [s.workspace.id],
        );
        return row!.n;
      })
      .toBe(1);
    later(t.config.callReconnectSeconds - 1);
    await runDueJobs(t, s.workspace);
    expect((await statusOf(client(t, s.amina), s.callId)).status).toBe('answered');
    later(2);
    await runDueJobs(t, s.workspace);
    expect(await statusOf(client(t, s.amina), s.callId)).toMatchObject({ status: 'ended', outcome: 'failed' });
    const ended = await s.widget.next('visitor_call', (f) => f.call.id === s.callId && f.call.status === 'ended');
    expect(ended.call.outcome).toBe('failed');
  });

  it('the customer’s tab reconnects and resumes; another customer, or a colleague, cannot take the call over', async () => {
    const s = await aCallUnderWay();
    await closeAndSettle(s.widget);
    const tab = await visitorSocket(t, s.customer.visitorToken);
    tab.send({ type: 'call.resume', callId: s.callId });
    const resumed = await tab.next('visitor_call', (f) => f.call.id === s.callId && f.iceServers !== undefined);
    expect(resumed.call.status).toBe('answered');
    s.app.send({ type: 'call.signal', callId: s.callId, signal: { kind: 'answer', sdp: 'v=0 back' } });
    expect((await tab.next('call.signal')).signal).toEqual({ kind: 'answer', sdp: 'v=0 back' });

    const stranger = await visitorSocket(t, (await buildConversation(t, s.workspace, 'hello')).visitorToken);
    stranger.send({ type: 'call.resume', callId: s.callId });
    expect((await stranger.next('error')).error.code).toBe('not_found');
    const bo = await agentSocket(t, await signIn(t, await buildAgent(t, s.workspace, { displayName: 'Bo' })));
    bo.send({ type: 'call.resume', callId: s.callId });
    expect((await bo.next('error')).error.message).toBe('Only the person on a call resumes it.');
  });

  it('a call still ringing ends at once when the customer’s page closes: nobody is left ringing', async () => {
    clock.set(new Date('2031-02-05T11:00:00Z'));
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const customer = await buildConversation(t, workspace, 'Ring please');
    const app = await agentSocket(t, amina);
    const widget = await visitorSocket(t, customer.visitorToken);
    widget.send({ type: 'call.place' });
    const placed = (await widget.next('visitor_call', (f) => f.iceServers !== undefined)).call;
    await app.next('call', (f) => f.call.id === placed.id);
    widget.close();
    const gone = await app.next('call', (f) => f.call.id === placed.id && f.call.status === 'ended');
    expect(gone.call.outcome).toBe('cancelled');
  });
});
