import type { ServerFrame } from '@warmline/shared';
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
// A Wednesday morning in UTC, whatever the time of day the tests run at.
const clock = manualClock(new Date('2031-01-15T09:40:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const at = (hhmm: string) => new Date(`2031-01-15T${hhmm}:00Z`);
type Timeline = Array<{ kind: string; body: string; event: { type: string; data: Record<string, unknown> } | null }>;
type CallFrame = Extract<ServerFrame, { type: 'call' }>;

/**
 * Sam writes at 09:40 and books a callback between 10:00 and 10:30 to be rung here in the browser (or on his
 * number); Olga owns it. At 10:02 it is due: Olga has the app open, Sam the widget in two tabs.
 */
async function samWantsToBeRungInTheBrowser(opts: { inBrowser?: boolean } = {}) {
  clock.set(at('09:40'));
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const olga = await buildAgent(t, workspace, { role: 'admin', displayName: 'Olga Admin', presence: 'away' });
  const olgaSession = await signIn(t, olga);
  const sam = await buildConversation(t, workspace, 'Please ring me about the cake');
  const visitor = client(t, { visitorToken: sam.visitorToken });
  await client(t, olgaSession).put('/api/v1/agents/me/presence', { presence: 'available' });
  clock.set(at('09:50'));
  const booked = await visitor.post('/api/v1/widget/callback', {
    conversationId: sam.conversationId,
    phone: '+44 20 7183 8750',
    windowStart: at('10:00').toISOString(),
    windowEnd: at('10:30').toISOString(),
    inBrowser: opts.inBrowser ?? true,
  });
  expect(booked.status).toBe(200);
  clock.set(at('10:02'));
  await runDueJobs(t, workspace);
  const olgaApi = client(t, olgaSession);
  const url = `/api/v1/conversations/${sam.conversationId}`;
  const olgaApp = await agentSocket(t, olgaSession);
  const [tab1, tab2] = await Promise.all([visitorSocket(t, sam.visitorToken), visitorSocket(t, sam.visitorToken)]);
  return { workspace, olga, olgaSession, olgaApi, sam, visitor, url, olgaApp, tab1: tab1!, tab2: tab2!, booked: booked.body };
}

/** Olga presses "Ring Sam in their browser": her own tab gets the call (and its ICE servers), as it rings. */
async function ringBack(olgaApp: TestSocket, conversationId: string): Promise<CallFrame['call']> {
  const before = olgaApp.frames.length;
  olgaApp.send({ type: 'call.ring_back', conversationId });
  return (await olgaApp.next('call', (f) => f.here === true && olgaApp.frames.indexOf(f) >= before)).call;
}

const ringingIn = (tab: TestSocket, callId: string) =>
  tab.next('visitor_call', (f) => f.call.id === callId && f.call.status === 'ringing');

async function timeline(api: ReturnType<typeof client>, url: string) {
  return (await api.get(`${url}/entries`)).body.entries as Timeline;
}

const errorAfter = (socket: TestSocket, before: number) => socket.next('error', (f) => socket.frames.indexOf(f) >= before);

describe(`ringing a customer back in their browser (${backend})`, () => {
  it('the booking says it will ring here; when due, the widget rings with Olga’s name, one tab answers, and the callback is kept', async () => {
    const s = await samWantsToBeRungInTheBrowser();
    expect(s.booked.callback).toMatchObject({ inBrowser: true, phone: '+442071838750' });
    expect(s.booked.text).toMatch(
      /^Olga Admin will call you here in your browser \(or on \+442071838750 if this page is closed\)/,
    );

    const call = await ringBack(s.olgaApp, s.sam.conversationId);
    expect(call).toMatchObject({ direction: 'outbound', status: 'ringing', ringing: { displayName: 'Olga Admin' } });
    const [seen1, seen2] = await Promise.all([ringingIn(s.tab1, call.id), ringingIn(s.tab2, call.id)]);
    for (const seen of [seen1, seen2]) {
      expect(seen.call).toMatchObject({ direction: 'outbound', person: { displayName: 'Olga Admin' } });
    }
    // It is not an incoming call for Olga to answer: nobody else in the workspace is rung.
    expect((await s.olgaApi.get('/api/v1/calls')).body.calls).toEqual([
      expect.objectContaining({ id: call.id, direction: 'outbound', status: 'ringing' }),
    ]);

    // Both tabs answer at once: exactly one wins, and it carries the audio.
    const before2 = s.tab2.frames.length;
    s.tab1.send({ type: 'call.answer', callId: call.id });
    const answered = await s.tab1.next('visitor_call', (f) => f.call.id === call.id && f.iceServers !== undefined);
    s.tab2.send({ type: 'call.answer', callId: call.id });
    expect((await errorAfter(s.tab2, before2)).error.message).toBe('You answered this call in another tab.');
    expect(answered.call).toMatchObject({ status: 'answered', person: { displayName: 'Olga Admin' } });
    const olgaSees = await s.olgaApp.next('call', (f) => f.call.id === call.id && f.call.status === 'answered');
    expect(olgaSees.call.answeredBy).toMatchObject({ id: s.olga.id });

    // The answering tab and Olga's tab exchange the audio's signalling; the other tab does not take part.
    s.tab1.send({ type: 'call.signal', callId: call.id, signal: { kind: 'offer', sdp: 'v=0 sam' } });
    expect((await s.olgaApp.next('call.signal', (f) => f.callId === call.id)).signal).toEqual({ kind: 'offer', sdp: 'v=0 sam' });
    const before2b = s.tab2.frames.length;
    s.tab2.send({ type: 'call.signal', callId: call.id, signal: { kind: 'offer', sdp: 'v=0 other' } });
    expect((await errorAfter(s.tab2, before2b)).error.message).toMatch(/not found/i);

    const conversation = (await s.olgaApi.get(s.url)).body.conversation;
    expect(conversation.callback).toMatchObject({ status: 'done', tries: 0 });
    const events = (await timeline(s.olgaApi, s.url)).filter((e) => e.event?.type.startsWith('callback_'));
    expect(events.map((e) => e.event!.type)).toEqual(['callback_booked', 'callback_due', 'callback_ringing', 'callback_reached']);
    expect(events[2]!.body).toMatch(/^Olga Admin is ringing .+ back in their browser \(try 1\) at 10:02$/);
    expect(events[2]!.event!.data).toMatchObject({ via: 'browser' });
    expect(events[3]!.body).toBe('Callback: reached in the browser at 10:02');

    s.tab1.send({ type: 'call.hangup', callId: call.id });
    const ended = await s.olgaApp.next('call', (f) => f.call.id === call.id && f.call.status === 'ended');
    expect(ended.call.outcome).toBe('completed');
  });

  it('nobody answering within the ring time ends it as missed; the callback stays due, and Olga records no answer', async () => {
    const s = await samWantsToBeRungInTheBrowser();
    const call = await ringBack(s.olgaApp, s.sam.conversationId);
    await ringingIn(s.tab1, call.id);
    clock.set(new Date(at('10:02').getTime() + (t.config.callRingSeconds + 1) * 1000));
    await runDueJobs(t, s.workspace);
    const ended = await s.olgaApp.next('call', (f) => f.call.id === call.id && f.call.status === 'ended');
    expect(ended.call).toMatchObject({ outcome: 'missed', answeredAt: null });
    const missed = await s.tab1.next('visitor_call', (f) => f.call.id === call.id && f.call.status === 'ended');
    expect(missed.call.outcome).toBe('missed');
    expect((await s.olgaApi.get(s.url)).body.conversation.callback).toMatchObject({ status: 'due' });

    const noAnswer = await s.olgaApi.post(`${s.url}/callback/outcome`, { outcome: 'no_answer' });
    expect(noAnswer.status).toBe(200);
    expect(noAnswer.body.callback).toMatchObject({ status: 'scheduled', tries: 1 });
  });

  it('Sam declining ends it as declined for Olga; Olga stopping the ring ends it as cancelled for Sam', async () => {
    const s = await samWantsToBeRungInTheBrowser();
    const first = await ringBack(s.olgaApp, s.sam.conversationId);
    await ringingIn(s.tab1, first.id);
    s.tab1.send({ type: 'call.decline', callId: first.id });
    const declined = await s.olgaApp.next('call', (f) => f.call.id === first.id && f.call.status === 'ended');
    expect(declined.call.outcome).toBe('declined');

    const second = await ringBack(s.olgaApp, s.sam.conversationId);
    await ringingIn(s.tab2, second.id);
    s.olgaApp.send({ type: 'call.hangup', callId: second.id });
    const stopped = await s.tab2.next('visitor_call', (f) => f.call.id === second.id && f.call.status === 'ended');
    expect(stopped.call.outcome).toBe('cancelled');
    expect((await s.olgaApi.get(s.url)).body.conversation.callback).toMatchObject({ status: 'due' });
  });

  it('refused: a callback booked for the phone only, a second ring while one rings, a colleague who does not own it, an inbound call answered by a customer', async () => {
    const phoneOnly = await samWantsToBeRungInTheBrowser({ inBrowser: false });
    let before = phoneOnly.olgaApp.frames.length;
    phoneOnly.olgaApp.send({ type: 'call.ring_back', conversationId: phoneOnly.sam.conversationId });
    expect((await errorAfter(phoneOnly.olgaApp, before)).error.message).toBe(
      'This customer asked to be called on +442071838750, not in the browser.',
    );

    const s = await samWantsToBeRungInTheBrowser();
    const call = await ringBack(s.olgaApp, s.sam.conversationId);
    before = s.olgaApp.frames.length;
    s.olgaApp.send({ type: 'call.ring_back', conversationId: s.sam.conversationId });
    expect((await errorAfter(s.olgaApp, before)).error.message).toBe('A call is already under way.');

    const bo = await buildAgent(t, s.workspace, { displayName: 'Bo', presence: 'available' });
    const boApp = await agentSocket(t, await signIn(t, bo));
    before = boApp.frames.length;
    boApp.send({ type: 'call.ring_back', conversationId: s.sam.conversationId });
    expect((await errorAfter(boApp, before)).error.message).toMatch(/not found/i);

    // A customer's own call to us rings an agent: the customer cannot answer it for them.
    s.olgaApp.send({ type: 'call.hangup', callId: call.id });
    await s.tab1.next('visitor_call', (f) => f.call.id === call.id && f.call.status === 'ended');
    s.tab1.send({ type: 'call.place' });
    const placed = await s.tab1.next('visitor_call', (f) => f.call.id !== call.id && f.iceServers !== undefined);
    before = s.tab2.frames.length;
    s.tab2.send({ type: 'call.answer', callId: placed.call.id });
    expect((await errorAfter(s.tab2, before)).error.message).toBe('Only the person you are calling can answer this call.');
  });
});
