import type { ServerFrame } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, newClientId, signIn } from '../../testing/factories.ts';
import { agentSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, layouts, nodesOf, type TestServer } from '../../testing/testServer.ts';

type CallFrame = Extract<ServerFrame, { type: 'call' }>;

/** A predicate for frames this socket receives from now on (earlier ones already told their story). */
const fromNow = <F extends ServerFrame>(socket: TestSocket, match: (f: F) => boolean = () => true) => {
  const before = socket.frames.length;
  return (f: F) => socket.frames.indexOf(f) >= before && match(f);
};

/**
 * The consult leg of a warm transfer. With PostgreSQL and Redis each case also runs across two nodes: Amina (on the
 * call) and the customer are on node a, Bo (offered the call) on node b, so the talk's signalling crosses the bus.
 */
describe.each(layouts)(`talking with a colleague before they join a call (%s, ${backend})`, (layout) => {
  let a: TestServer;
  let b: TestServer;
  nodesOf(layout, (nodes) => {
    ({ a, b } = nodes);
  });

  /** Amina is on a call with the customer and hands it to Bo with a note: the customer is on hold. */
  async function handoffOnOffer() {
    const workspace = await buildWorkspace(a);
    const aminaRecord = await buildAgent(a, workspace, { displayName: 'Amina', presence: 'available' });
    const customer = await buildConversation(a, workspace, 'My parcel never came');
    const aminaSigned = await signIn(a, aminaRecord);
    // The conversation is Amina's (she was the only one free), so the call rings her.
    const replied = await client(a, aminaSigned).post(`/api/v1/conversations/${customer.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'I am looking into it now.',
    });
    expect(replied.status).toBe(201);
    const boRecord = await buildAgent(a, workspace, { displayName: 'Bo', presence: 'available' });
    const amina = await agentSocket(a, aminaSigned);
    const bo = await agentSocket(b, await signIn(a, boRecord));
    const widget = await visitorSocket(a, customer.visitorToken);
    widget.send({ type: 'call.place' });
    const callId = (await widget.next('visitor_call', (f) => f.iceServers !== undefined)).call.id;
    await amina.next('call', (f) => f.call.id === callId && f.call.ringing?.id === aminaRecord.id);
    amina.send({ type: 'call.answer', callId });
    await amina.next('call', (f) => f.here === true);
    const offered = fromNow<CallFrame>(bo, (f) => f.call.transfer !== null);
    amina.send({ type: 'call.transfer', callId, toAgentId: boRecord.id, note: 'Parcel lost; refund agreed' });
    await bo.next('call', offered);
    await widget.next('visitor_call', (f) => f.call.onHold);
    return { workspace, aminaRecord, boRecord, customer, amina, bo, widget, callId };
  }

  /** Bo presses "Talk to Amina first" on this socket; resolves once both ends have opened the talk. */
  async function talkFirst(s: Awaited<ReturnType<typeof handoffOnOffer>>, from: TestSocket = s.bo) {
    const opened = fromNow<Extract<ServerFrame, { type: 'call.consult' }>>(s.amina);
    const mine = fromNow<Extract<ServerFrame, { type: 'call.consult' }>>(from);
    from.send({ type: 'call.consult', callId: s.callId });
    return { bo: await from.next('call.consult', mine), amina: await s.amina.next('call.consult', opened) };
  }

  it('the colleague talks with the person on the call first: signalling flows both ways between their two sockets', async () => {
    const s = await handoffOnOffer();
    const widgetSeen = s.widget.frames.length;
    const both = fromNow<CallFrame>(s.amina, (f) => Boolean(f.call.transfer?.consultingSince));
    const opened = await talkFirst(s);
    expect(opened.bo).toMatchObject({ callId: s.callId, offer: true, iceServers: expect.any(Array) });
    expect(opened.amina).toMatchObject({ callId: s.callId, offer: false, iceServers: expect.any(Array) });
    const shown = await s.amina.next('call', both);
    expect(shown.call).toMatchObject({
      onHold: true,
      answeredBy: { displayName: 'Amina' },
      transfer: { to: { displayName: 'Bo' } },
    });
    await s.bo.next('call', (f) => Boolean(f.call.transfer?.consultingSince));

    s.bo.send({ type: 'call.signal', callId: s.callId, leg: 'consult', signal: { kind: 'offer', sdp: 'v=0 Bo' } });
    const offer = await s.amina.next('call.signal', (f) => f.leg === 'consult');
    expect(offer).toMatchObject({ callId: s.callId, signal: { kind: 'offer', sdp: 'v=0 Bo' } });
    s.amina.send({ type: 'call.signal', callId: s.callId, leg: 'consult', signal: { kind: 'answer', sdp: 'v=0 Amina' } });
    expect((await s.bo.next('call.signal', (f) => f.leg === 'consult')).signal).toEqual({ kind: 'answer', sdp: 'v=0 Amina' });

    // The customer hears silence and is told nothing new: no signalling, no word of the talk.
    await s.widget.sync();
    const toCustomer = s.widget.frames.slice(widgetSeen);
    expect(toCustomer.filter((f) => f.type === 'call.signal' || f.type === 'call.consult')).toEqual([]);
    for (const f of toCustomer) if (f.type === 'visitor_call') expect(f.call).toMatchObject({ onHold: true, status: 'answered' });
    expect(JSON.stringify(toCustomer)).not.toMatch(/consult|Bo/);

    // The customer stays on hold while the two talk.
    s.amina.send({ type: 'call.hold', callId: s.callId, hold: false });
    expect((await s.amina.next('error')).error).toMatchObject({
      code: 'conflict',
      message: 'End your talk with your colleague first: the customer is on hold.',
    });

    // Either ends the talk; the handoff stays on offer, and nothing more is relayed.
    const ended = fromNow<CallFrame>(s.bo, (f) => f.call.transfer !== null && !f.call.transfer.consultingSince);
    s.amina.send({ type: 'call.consult_end', callId: s.callId });
    expect((await s.bo.next('call', ended)).call).toMatchObject({
      onHold: true,
      transfer: { note: 'Parcel lost; refund agreed' },
    });
    s.amina.send({ type: 'call.signal', callId: s.callId, leg: 'consult', signal: { kind: 'offer', sdp: 'v=0 late' } });
    expect((await s.amina.next('error', (f) => f.error.message.startsWith('You two'))).error).toMatchObject({
      code: 'conflict',
      message: 'You two are not talking about this call now.',
    });

    // They talk again, then Bo joins: the talk ends with the join, and the customer's audio is his.
    await talkFirst(s);
    const joined = fromNow<CallFrame>(s.bo, (f) => f.here === true);
    s.bo.send({ type: 'call.join', callId: s.callId });
    expect((await s.bo.next('call', joined)).call).toMatchObject({ answeredBy: { displayName: 'Bo' }, transfer: null });
    s.bo.send({ type: 'call.signal', callId: s.callId, leg: 'consult', signal: { kind: 'offer', sdp: 'v=0 after' } });
    expect((await s.bo.next('error', (f) => f.error.message.startsWith('You two'))).error.code).toBe('conflict');
    s.widget.send({ type: 'call.signal', callId: s.callId, signal: { kind: 'offer', sdp: 'v=0 to Bo' } });
    expect((await s.bo.next('call.signal', (f) => !f.leg)).signal).toEqual({ kind: 'offer', sdp: 'v=0 to Bo' });
  });

  it('a talk about a call not being handed to you, or a second one while one is open, is refused with the reason', async () => {
    const s = await handoffOnOffer();
    // Amina is on the call, not offered it; the customer is no agent; a stranger cannot see the call at all.
    s.amina.send({ type: 'call.consult', callId: s.callId });
    expect((await s.amina.next('error')).error).toMatchObject({
      code: 'conflict',
      message: 'This call is not being handed to you.',
    });
    s.widget.send({ type: 'call.consult', callId: s.callId });
    expect((await s.widget.next('error')).error).toMatchObject({
      code: 'invalid',
      message: 'Only an agent talks with a colleague about a call.',
    });
    const elsewhere = await buildWorkspace(a);
    const stranger = await agentSocket(b, await signIn(a, await buildAgent(a, elsewhere, { displayName: 'Cy' })));
    stranger.send({ type: 'call.consult', callId: s.callId });
    expect((await stranger.next('error')).error).toMatchObject({ code: 'not_found', message: 'Call not found.' });
    stranger.send({ type: 'call.consult' });
    expect((await stranger.next('error', (f) => f.error.code === 'invalid')).error.message).toMatch(/^callId/);
    s.bo.send({ type: 'call.signal', callId: s.callId, leg: 'aside', signal: { kind: 'offer', sdp: 'v=0' } });
    expect((await s.bo.next('error')).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^leg/) });

    await talkFirst(s);
    s.bo.send({ type: 'call.consult', callId: s.callId });
    expect((await s.bo.next('error', (f) => f.error.code === 'conflict')).error.message).toBe(
      'You are already talking about this call.',
    );
    const boTab = await agentSocket(b, await signIn(a, s.boRecord));
    boTab.send({ type: 'call.consult', callId: s.callId });
    expect((await boTab.next('error')).error).toMatchObject({
      code: 'conflict',
      message: 'You are already talking about this call in another tab.',
    });
    // Only the two talking end it; a tab of Bo's that is not in the talk may still not relay into it.
    boTab.send({ type: 'call.signal', callId: s.callId, leg: 'consult', signal: { kind: 'offer', sdp: 'v=0' } });
    expect((await boTab.next('error', (f) => f.error.message.startsWith('You two'))).error.code).toBe('conflict');
    stranger.send({ type: 'call.consult_end', callId: s.callId });
    expect((await stranger.next('error', (f) => f.error.code === 'not_found')).error.message).toBe('Call not found.');
    boTab.close();
    stranger.close();
  });

  it('the talk ends cleanly: a socket of it closing, the handoff taken back, or the call ending', async () => {
    const s = await handoffOnOffer();
    const talkOver = (socket: TestSocket) =>
      socket.next(
        'call',
        fromNow<CallFrame>(socket, (f) => !f.call.transfer?.consultingSince),
      );

    // Bo's tab in the talk closes: Amina is told at once; the call stays with her, on hold, still on offer.
    const boTab = await agentSocket(b, await signIn(a, s.boRecord));
    await talkFirst(s, boTab);
    const told = talkOver(s.amina);
    boTab.close();
    expect((await told).call).toMatchObject({ status: 'answered', onHold: true, transfer: { to: { displayName: 'Bo' } } });

    // Amina takes the call back during a talk: the talk ends with the offer.
    await talkFirst(s);
    const takenBack = talkOver(s.bo);
    s.amina.send({ type: 'call.decline', callId: s.callId });
    expect((await takenBack).call).toMatchObject({ transfer: null, answeredBy: { displayName: 'Amina' } });

    // Offered again and talking, the customer hangs up: both agents see the call end, the talk with it.
    const reoffered = fromNow<CallFrame>(s.bo, (f) => f.call.transfer !== null);
    s.amina.send({ type: 'call.transfer', callId: s.callId, toAgentId: s.boRecord.id, note: 'Parcel lost; refund agreed' });
    await s.bo.next('call', reoffered);
    await talkFirst(s);
    const endedForBo = fromNow<CallFrame>(s.bo, (f) => f.call.status === 'ended');
    s.widget.send({ type: 'call.hangup', callId: s.callId });
    expect((await s.bo.next('call', endedForBo)).call).toMatchObject({ transfer: null, outcome: 'completed' });
  });

  it('the person on the call loses their socket: the talk ends, and one opened while they were away ends when they resume', async () => {
    const s = await handoffOnOffer();
    await talkFirst(s);
    const told = s.bo.next(
      'call',
      fromNow<CallFrame>(s.bo, (f) => f.call.transfer !== null && !f.call.transfer.consultingSince),
    );
    s.amina.close();
    expect((await told).call).toMatchObject({ status: 'answered', answeredBy: { displayName: 'Amina' } });

    // Bo opens a talk while her tab is away; her app comes back and resumes the call: that talk never reached her,
    // so it ends, and Bo may open it again.
    await s.amina.closed;
    const early = fromNow<Extract<ServerFrame, { type: 'call.consult' }>>(s.bo);
    s.bo.send({ type: 'call.consult', callId: s.callId });
    await s.bo.next('call.consult', early);
    const back = await agentSocket(a, await signIn(a, s.aminaRecord));
    const over = fromNow<CallFrame>(s.bo, (f) => f.call.transfer !== null && !f.call.transfer.consultingSince);
    back.send({ type: 'call.resume', callId: s.callId });
    expect((await back.next('call', (f) => f.here === true)).call.transfer?.consultingSince).toBeNull();
    await s.bo.next('call', over);
    await talkFirst({ ...s, amina: back });
  });
});
