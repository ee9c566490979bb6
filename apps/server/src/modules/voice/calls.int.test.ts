import type { ServerFrame } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { afterCommit } from '../../core/context.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, layouts, nodesOf, type TestServer } from '../../testing/testServer.ts';
import { voiceJobHandlers } from './jobs.ts';
import { RING_TIMEOUT } from './ringing.ts';

type VisitorCallFrame = Extract<ServerFrame, { type: 'visitor_call' }>;

/**
 * Calls from the widget. With PostgreSQL and Redis each case also runs across two nodes: the customer's socket is
 * on node a, the agents' on node b, so ringing, the answer and the signalling all cross the bus.
 */
describe.each(layouts)(`calls (%s, ${backend})`, (layout) => {
  let a: TestServer;
  let b: TestServer;
  nodesOf(layout, (nodes) => {
    ({ a, b } = nodes);
  });

  /**
   * Amina helped the customer in chat (it is hers); Bo is available too, with nothing open. Both have the agent
   * app open on node b; the customer's widget is open on node a.
   */
  async function shop() {
    const workspace = await buildWorkspace(a);
    const aminaRecord = await buildAgent(a, workspace, { displayName: 'Amina', presence: 'available' });
    const amina = await signIn(a, aminaRecord);
    const customer = await buildConversation(a, workspace, 'My parcel never came');
    const replied = await client(a, amina).post(`/api/v1/conversations/${customer.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'I am looking into it now.',
    });
    expect(replied.status).toBe(201);
    const boRecord = await buildAgent(a, workspace, { displayName: 'Bo', presence: 'available' });
    const bo = await signIn(a, boRecord);
    const aminaApp = await agentSocket(b, amina);
    const boApp = await agentSocket(b, bo);
    const widget = await visitorSocket(a, customer.visitorToken);
    return { workspace, amina, aminaRecord, bo, boRecord, customer, aminaApp, boApp, widget };
  }

  /** The customer presses "Call us"; resolves with the ringing call as they see it. */
  async function place(widget: TestSocket): Promise<VisitorCallFrame['call']> {
    const before = widget.frames.length;
    widget.send({ type: 'call.place' });
    return (await widget.next('visitor_call', (f) => f.iceServers !== undefined && widget.frames.indexOf(f) >= before)).call;
  }

  const entriesOf = async (t: TestServer, who: Signed, conversationId: string) =>
    (await client(t, who).get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as Array<{
      kind: string;
      body: string;
      event: { type: string; data: Record<string, unknown> } | null;
    }>;

  it('a call rings the person who is helping the customer, named to them, and not a colleague', async () => {
    const s = await shop();
    const call = await place(s.widget);
    expect(call).toMatchObject({
      status: 'ringing',
      person: { displayName: 'Amina' },
      conversationId: s.customer.conversationId,
    });
    const ringing = await s.aminaApp.next('call', (f) => f.call.id === call.id);
    expect(ringing.call).toMatchObject({
      status: 'ringing',
      ringing: { displayName: 'Amina' },
      customer: { id: expect.any(String) },
    });
    await s.boApp.sync();
    expect(s.boApp.frames.some((f) => f.type === 'call')).toBe(false);
  });

  it('when the person rung declines, the next one rings; when everyone declines the customer is told, never left ringing', async () => {
    const s = await shop();
    const call = await place(s.widget);
    s.aminaApp.send({ type: 'call.decline', callId: call.id });
    await s.boApp.next('call', (f) => f.call.id === call.id && f.call.ringing?.displayName === 'Bo');
    await s.widget.next('visitor_call', (f) => f.call.person?.displayName === 'Bo');
    s.boApp.send({ type: 'call.decline', callId: call.id });
    const ended = await s.widget.next('visitor_call', (f) => f.call.status === 'ended');
    expect(ended.call.outcome).toBe('declined');
  });

  it('of two answers of the same call from two tabs on two nodes exactly one wins; the other hears it was answered elsewhere', async () => {
    const s = await shop();
    const otherTab = await agentSocket(a, s.amina);
    const call = await place(s.widget);
    await s.aminaApp.next('call', (f) => f.call.id === call.id);
    await otherTab.next('call', (f) => f.call.id === call.id);
    s.aminaApp.send({ type: 'call.answer', callId: call.id });
    otherTab.send({ type: 'call.answer', callId: call.id });
    const outcomes = await Promise.all(
      [s.aminaApp, otherTab].map((tab) =>
        Promise.race([
          tab.next('call', (f) => f.here === true).then(() => 'won' as const),
          tab.next('error').then((f) => f.error),
        ]),
      ),
    );
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    const lost = outcomes.find((o) => o !== 'won') as { code: string; message: string };
    expect(lost.code).toBe('conflict');
    expect(lost.message).toMatch(/answered this call in another tab|answered elsewhere/);
    const answered = await s.widget.next('visitor_call', (f) => f.call.status === 'answered');
    expect(answered.call.person?.displayName).toBe('Amina');

    // Signalling reaches the answering tab only, and comes back to the customer.
    const winner = outcomes[0] === 'won' ? s.aminaApp : otherTab;
    const loser = winner === otherTab ? s.aminaApp : otherTab;
    s.widget.send({ type: 'call.signal', callId: call.id, signal: { kind: 'offer', sdp: 'v=0 offer' } });
    expect((await winner.next('call.signal')).signal).toEqual({ kind: 'offer', sdp: 'v=0 offer' });
    winner.send({ type: 'call.signal', callId: call.id, signal: { kind: 'answer', sdp: 'v=0 answer' } });
    expect((await s.widget.next('call.signal')).signal).toEqual({ kind: 'answer', sdp: 'v=0 answer' });
    await loser.sync();
    expect(loser.frames.some((f) => f.type === 'call.signal')).toBe(false);
    // Someone else's socket may not signal into the call.
    s.boApp.send({ type: 'call.signal', callId: call.id, signal: { kind: 'answer', sdp: 'v=0 intruder' } });
    expect((await s.boApp.next('error')).error.code).toBe('not_found');
    otherTab.close();
  });

  it('the customer hanging up while it rings cancels the call, and so does closing the page', async () => {
    const s = await shop();
    const call = await place(s.widget);
    s.widget.send({ type: 'call.hangup', callId: call.id });
    expect((await s.widget.next('visitor_call', (f) => f.call.status === 'ended')).call.outcome).toBe('cancelled');
    expect((await s.aminaApp.next('call', (f) => f.call.status === 'ended')).call.outcome).toBe('cancelled');

    const again = await place(s.widget);
    expect(again.id).not.toBe(call.id);
    await s.aminaApp.next('call', (f) => f.call.id === again.id);
    s.widget.close();
    const gone = await s.aminaApp.next('call', (f) => f.call.id === again.id && f.call.status === 'ended');
    expect(gone.call.outcome).toBe('cancelled');
    const timeline = await entriesOf(a, s.amina, s.customer.conversationId);
    expect(timeline.filter((e) => e.event?.type === 'call').map((e) => e.body)).toEqual([
      'The customer hung up before anyone answered',
      'The customer hung up before anyone answered',
    ]);
  });

  it('an answered call is on the timeline with who took it and how long; its answer is the time to human; wrap-up notes follow', async () => {
    const workspace = await buildWorkspace(a);
    const amina = await signIn(a, await buildAgent(a, workspace, { displayName: 'Amina', presence: 'available' }));
    const aminaApp = await agentSocket(b, amina);
    // A first-time customer who calls without writing: the call opens a phone conversation.
    const { buildVisitor } = await import('../../testing/factories.ts');
    const visitor = await buildVisitor(a, workspace);
    const widget = await visitorSocket(a, visitor.visitorToken);
    const call = await place(widget);
    expect(call.person?.displayName).toBe('Amina');
    aminaApp.send({ type: 'call.answer', callId: call.id });
    const answered = await aminaApp.next('call', (f) => f.here === true);
    expect(answered.call.answeredBy?.displayName).toBe('Amina');
    aminaApp.send({ type: 'call.hold', callId: call.id, hold: true });
    expect((await widget.next('visitor_call', (f) => f.call.onHold)).call.person?.displayName).toBe('Amina');
    aminaApp.send({ type: 'call.hangup', callId: call.id });
    const ended = await aminaApp.next('call', (f) => f.call.status === 'ended');
    expect(ended.call).toMatchObject({ outcome: 'completed', durationSeconds: expect.any(Number) });

    const conversation = (await client(a, amina).get(`/api/v1/conversations/${call.conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ channel: 'phone', assignee: { displayName: 'Amina' } });
    expect(conversation.humanConnectedAt).not.toBeNull();

    // Calling again joins the same conversation: one story, not a new thread per call.
    const again = await place(widget);
    expect(again.conversationId).toBe(call.conversationId);
    widget.send({ type: 'call.hangup', callId: again.id });
    await widget.next('visitor_call', (f) => f.call.id === again.id && f.call.status === 'ended');

    const wrapped = await client(a, amina).post(`/api/v1/calls/${call.id}/wrap-up`, { notes: 'Refund sent; call again Friday' });
    expect(wrapped.status).toBe(200);
    expect(wrapped.body.call.wrapUp).toBe('Refund sent; call again Friday');
    const timeline = await entriesOf(a, amina, call.conversationId);
    const entry = timeline.find((e) => e.event?.type === 'call')!;
    expect(entry.body).toMatch(/^Call with Amina · \d+ s$/);
    expect(entry.event!.data).toMatchObject({
      outcome: 'completed',
      durationSeconds: ended.call.durationSeconds,
      answeredBy: { name: 'Amina' },
      placedAt: call.placedAt,
    });
    expect(timeline.at(-1)).toMatchObject({ kind: 'note', body: 'Call wrap-up: Refund sent; call again Friday' });
    const empty = await client(a, amina).post(`/api/v1/calls/${call.id}/wrap-up`, { notes: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/notes/);
  });

  it("calling on, answering or hanging up someone else's conversation is not found", async () => {
    const s = await shop();
    const stranger = await buildConversation(a, s.workspace, 'Hello');
    const strangerWidget = await visitorSocket(a, stranger.visitorToken);
    strangerWidget.send({ type: 'call.place', conversationId: s.customer.conversationId });
    expect((await strangerWidget.next('error')).error.code).toBe('not_found');

    const call = await place(s.widget);
    strangerWidget.send({ type: 'call.hangup', callId: call.id });
    expect((await strangerWidget.next('error', (f) => f.error.message.includes('Call'))).error.code).toBe('not_found');

    const elsewhere = await buildWorkspace(a);
    const outsider = await signIn(a, await buildAgent(a, elsewhere, { displayName: 'Olga', presence: 'available' }));
    const outsiderApp = await agentSocket(b, outsider);
    outsiderApp.send({ type: 'call.answer', callId: call.id });
    expect((await outsiderApp.next('error')).error.code).toBe('not_found');
    expect((await client(a, outsider).get(`/api/v1/calls/${call.id}`)).status).toBe(404);
    expect((await client(a, outsider).get(`/api/v1/conversations/${s.customer.conversationId}/calls`)).status).toBe(404);
    // Bo is not the one it rings: he is told so rather than taking it.
    s.boApp.send({ type: 'call.answer', callId: call.id });
    expect((await s.boApp.next('error')).error).toMatchObject({
      code: 'conflict',
      message: 'This call is ringing for someone else now.',
    });
    strangerWidget.close();
    outsiderApp.close();
  });

  it('a warm transfer: the colleague reads the handoff note first, then joins, and the customer is theirs', async () => {
    const s = await shop();
    const call = await place(s.widget);
    s.aminaApp.send({ type: 'call.answer', callId: call.id });
    await s.aminaApp.next('call', (f) => f.here === true);
    s.aminaApp.send({ type: 'call.transfer', callId: call.id, toAgentId: s.boRecord.id, note: '   ' });
    expect((await s.aminaApp.next('error')).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^note: /) });
    s.aminaApp.send({ type: 'call.transfer', callId: call.id, toAgentId: s.boRecord.id, note: 'Parcel lost; refund agreed' });
    const offered = await s.boApp.next('call', (f) => f.call.transfer !== null);
    expect(offered.call.transfer).toMatchObject({ to: { displayName: 'Bo' }, note: 'Parcel lost; refund agreed' });
    expect(offered.call).toMatchObject({ onHold: true, answeredBy: { displayName: 'Amina' } });
    expect((await s.widget.next('visitor_call', (f) => f.call.onHold)).call.person?.displayName).toBe('Amina');

    s.boApp.send({ type: 'call.join', callId: call.id });
    const joined = await s.boApp.next('call', (f) => f.here === true);
    expect(joined.call).toMatchObject({ answeredBy: { displayName: 'Bo' }, onHold: false, transfer: null });
    expect((await s.widget.next('visitor_call', (f) => f.call.person?.displayName === 'Bo')).call.status).toBe('answered');
    await s.aminaApp.next('call', (f) => f.call.answeredBy?.displayName === 'Bo');

    s.widget.send({ type: 'call.signal', callId: call.id, signal: { kind: 'offer', sdp: 'v=0 to Bo' } });
    expect((await s.boApp.next('call.signal')).signal).toEqual({ kind: 'offer', sdp: 'v=0 to Bo' });
    s.aminaApp.send({ type: 'call.signal', callId: call.id, signal: { kind: 'answer', sdp: 'v=0 from Amina' } });
    expect((await s.aminaApp.next('error', (f) => f.error.code !== 'invalid')).error).toMatchObject({
      code: 'not_found',
      message: 'Call not found.',
    });
    const timeline = await entriesOf(a, s.amina, s.customer.conversationId);
    expect(timeline.map((e) => e.body)).toEqual(
      expect.arrayContaining(['Call handoff to Bo: Parcel lost; refund agreed', 'Bo took over the call']),
    );
  });

  it('a call nobody answers in time rings the next person, then ends as missed and the customer is offered a callback', async () => {
    const s = await shop();
    const call = await place(s.widget);
    /** The durable ring timeout fires for the person rung now, at a time past their ring. */
    const ringRunsOut = async (agentId: string) => {
      const events: WarmlineEvent[] = [];
      const later = new Date(Date.now() + (a.config.callRingSeconds + 1) * 1000);
      const job = {
        id: 0,
        workspaceId: s.workspace.id,
        kind: RING_TIMEOUT,
        runAt: later,
        attempts: 0,
        payload: { callId: call.id, agentId },
      };
      await a.db.transaction((tx) => voiceJobHandlers(a.config)[RING_TIMEOUT]!(tx, job, later, events));
      await afterCommit(a, events);
    };
    // A timeout for someone it no longer rings changes nothing.
    await ringRunsOut(s.boRecord.id);
    const still = await client(a, s.amina).get(`/api/v1/calls/${call.id}`);
    expect(still.body.call).toMatchObject({ status: 'ringing', ringing: { displayName: 'Amina' } });
    await ringRunsOut(s.aminaRecord.id);
    await s.boApp.next('call', (f) => f.call.id === call.id && f.call.ringing?.displayName === 'Bo');
    await s.aminaApp.next('call', (f) => f.call.id === call.id && f.call.ringing?.displayName === 'Bo');
    await ringRunsOut(s.boRecord.id);
    const ended = await s.widget.next('visitor_call', (f) => f.call.id === call.id && f.call.status === 'ended');
    expect(ended.call.outcome).toBe('missed');
    const timeline = await entriesOf(a, s.amina, s.customer.conversationId);
    const entry = timeline.find((e) => e.event?.type === 'call')!;
    expect(entry.body).toBe('Missed call: nobody answered in time');
    expect(entry.event!.data.customerText).toBe('Nobody could answer your call in time. We can call you back.');
  });

  it('malformed call frames are answered with what is wrong', async () => {
    const s = await shop();
    s.aminaApp.send({ type: 'call.signal', callId: 'x', signal: { kind: 'shout', sdp: 'hi' } });
    expect((await s.aminaApp.next('error')).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^signal/) });
    s.aminaApp.send({ type: 'call.answer' });
    expect((await s.aminaApp.next('error', (f) => f.error.message.startsWith('callId'))).error.code).toBe('invalid');
    s.aminaApp.send({ type: 'call.place' });
    expect((await s.aminaApp.next('error', (f) => f.error.message.includes('customer'))).error.code).toBe('invalid');
    // A customer answers only us ringing them back: a call that is not theirs is not found.
    s.widget.send({ type: 'call.answer', callId: '00000000-0000-0000-0000-000000000000' });
    expect((await s.widget.next('error')).error).toMatchObject({ code: 'not_found', message: 'Call not found.' });
  });
});
