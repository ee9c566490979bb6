import { CallMedia } from '@warmline/realtime-client';
import type { Call, CallSignal, IceServer, ServerFrame } from '@warmline/shared/types';
import { request } from '../api/http.ts';
import { navigate, paths } from '../router.tsx';
import { notify } from './alerts.ts';
import { sendFrame } from './connection.ts';
import { ringFor } from './ringer.ts';
import { getState as getAppState, meId } from './store.ts';
import { firstName } from './transfer.ts';
import { watchers } from './watchers.ts';

/** The calls of this agent that this tab shows: ringing for them, under way, or waiting for wrap-up notes. */
export interface CallsState {
  calls: Readonly<Record<string, Call>>;
  /** The call answered in this tab (its audio is here). */
  here: string | null;
  muted: boolean;
  /** When the customer was last put on hold or checked in with (ms): the check-in prompt counts from it. */
  heldSince: number | null;
  /** A short word about what just happened elsewhere ("answered in another tab"). */
  notice: string | null;
  /** An answer or decline sent and not yet confirmed. */
  pending: string | null;
}

let state: CallsState = { calls: {}, here: null, muted: false, heldSince: null, notice: null, pending: null };
const watched = watchers(() => state);
let media: CallMedia | null = null;
/** Signalling that reached this tab before its answer (or join) was confirmed: handed to the call's audio once it starts. */
let early: { callId: string; signals: CallSignal[] } | null = null;

function set(patch: Partial<CallsState>): void {
  state = { ...state, ...patch };
  ringFor('calls', ringingForMe().length > 0);
  watched.notify();
}

export function useCalls<T>(select: (s: CallsState) => T): T {
  return watched.useSlice(select);
}

/** Calls ringing for me now, oldest first. */
export function ringingForMe(s: CallsState = state): Call[] {
  const me = meId(getAppState());
  return Object.values(s.calls)
    .filter((c) => c.status === 'ringing' && c.direction === 'inbound' && c.ringing?.id === me)
    .sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}

/** The call this tab is on (answered here), or one that ended here and still wants wrap-up notes. */
export function callHere(s: CallsState = state): Call | null {
  return s.here ? (s.calls[s.here] ?? null) : null;
}

function keep(call: Call): void {
  const me = meId(getAppState());
  const mine = call.ringing?.id === me || call.answeredBy?.id === me || call.transfer?.to.id === me;
  const calls = { ...state.calls };
  // Ringing for someone else now, or ended without being mine to wrap up: off this tab's screen.
  if ((!mine && call.status !== 'ended') || (call.status === 'ended' && call.id !== state.here)) delete calls[call.id];
  else calls[call.id] = call;
  set({ calls });
}

/** A `call` frame: ringing, answered (here or elsewhere), held, ended. */
export function receiveCall(frame: Extract<ServerFrame, { type: 'call' }>): void {
  const { call } = frame;
  const before = state.calls[call.id];
  if (frame.here && call.id === state.here && media) {
    // Resumed after this tab reconnected: the audio never stopped, only the signalling moved to the new socket.
    set({ pending: null });
  } else if (frame.here) {
    set({ here: call.id, pending: null, muted: false, heldSince: null, notice: null });
    startMedia(call.id, frame.iceServers ?? []);
    // Answered: their story opens, so the person on the phone never has to repeat it.
    navigate(paths.conversation(call.conversationId));
  } else if (call.status === 'answered' && call.id !== state.here && before?.status === 'ringing') {
    const me = meId(getAppState());
    set({ notice: call.answeredBy?.id === me ? 'You answered that call in another tab.' : 'That call was answered elsewhere.' });
  }
  if (call.id === state.here && !frame.here && call.answeredBy?.id !== meId(getAppState()) && call.status !== 'ended') {
    // Handed on: the colleague who joined has the customer now.
    stopMedia();
    set({ here: null, notice: `${call.answeredBy?.displayName ?? 'Your colleague'} has the call now.` });
  }
  if (call.id === state.here && call.direction === 'outbound' && call.status === 'ended' && !call.answeredAt) {
    // Ringing a customer back ended unanswered: nothing to wrap up; the callback card asks what came of it.
    stopMedia();
    const who = (call.customer.name && firstName(call.customer.name)) || 'The customer';
    const words: Partial<Record<string, string>> = {
      declined: `${who} declined the call.`,
      missed: `${who} did not answer in their browser.`,
      failed: 'The call could not connect.',
    };
    set({ here: null, notice: words[call.outcome ?? ''] ?? null });
  }
  if (call.id === state.here) {
    if (call.onHold && !before?.onHold) set({ heldSince: Date.now() });
    if (!call.onHold) set({ heldSince: null });
    // On hold nobody hears anybody: my microphone and their voice both follow the call's state.
    media?.setMicOn(!call.onHold && !state.muted);
    media?.setListening(!call.onHold);
    if (call.status === 'ended') stopMedia();
  }
  keep(call);
  if (call.status === 'ringing' && before?.status !== 'ringing' && ringingForMe().some((c) => c.id === call.id)) {
    if (document.visibilityState !== 'visible') {
      notify(`${call.customer.name ?? 'A customer'} is calling`, 'Answer in Warmline', `warmline-call-${call.id}`, () =>
        navigate(paths.conversation(call.conversationId)),
      );
    }
  }
}

export function receiveCallSignal(frame: Extract<ServerFrame, { type: 'call.signal' }>): void {
  if (frame.callId === state.here && media) void media.signal(frame.signal);
  else if (frame.callId === state.pending) {
    if (early?.callId !== frame.callId) early = { callId: frame.callId, signals: [] };
    early.signals.push(frame.signal);
  }
}

/** An error frame with no message of its own: the answer or decline this tab just sent did not go through. */
export function callActionFailed(message: string): void {
  if (!state.pending) return;
  set({ pending: null, notice: message });
}

function startMedia(callId: string, iceServers: IceServer[]): void {
  media?.stop();
  media = new CallMedia((signal: CallSignal) => sendFrame({ type: 'call.signal', callId, signal }));
  for (const signal of early?.callId === callId ? early.signals : []) void media.signal(signal);
  early = null;
  media.start(iceServers, false).catch(() => {
    set({ notice: 'Warmline could not use your microphone: allow it in the browser and call the customer back.' });
    hangUp(callId);
  });
}

function stopMedia(): void {
  media?.stop();
  media = null;
}

export function answer(callId: string): void {
  if (sendFrame({ type: 'call.answer', callId })) set({ pending: callId, notice: null });
  else set({ notice: 'Reconnecting… try again in a moment.' });
}

/** Rings the customer of my due callback in their browser; the call's audio is in this tab. */
export function ringBack(conversationId: string): boolean {
  if (sendFrame({ type: 'call.ring_back', conversationId })) {
    set({ pending: `ring-back:${conversationId}`, notice: null });
    return true;
  }
  set({ notice: 'Reconnecting… try again in a moment.' });
  return false;
}

/** The call ringing a customer back from this tab, or under way with them, for this conversation. */
export function ringBackHere(s: CallsState, conversationId: string): Call | null {
  const call = callHere(s);
  return call && call.direction === 'outbound' && call.conversationId === conversationId && call.status !== 'ended' ? call : null;
}

export function decline(callId: string): void {
  sendFrame({ type: 'call.decline', callId });
}

export function hangUp(callId: string): void {
  sendFrame({ type: 'call.hangup', callId });
}

export function toggleMute(): void {
  const muted = !state.muted;
  media?.setMicOn(!muted && !callHere()?.onHold);
  set({ muted });
}

/** Hold: the customer hears silence and reads that I will be right back; I stop hearing them. */
export function setHold(callId: string, hold: boolean): void {
  sendFrame({ type: 'call.hold', callId, hold });
}

/** Hands the call to a colleague with a note; the customer waits on hold until they join. */
export function transferCall(callId: string, toAgentId: string, note: string): boolean {
  return sendFrame({ type: 'call.transfer', callId, toAgentId, note });
}

/** Having read the handoff note, I join the call. */
export function joinCall(callId: string): void {
  if (sendFrame({ type: 'call.join', callId })) set({ pending: callId, notice: null });
  else set({ notice: 'Reconnecting… try again in a moment.' });
}

/** Calls being handed to me by a colleague, oldest first. */
export function handedToMe(s: CallsState = state): Call[] {
  const me = meId(getAppState());
  return Object.values(s.calls).filter((c) => c.status === 'answered' && c.transfer?.to.id === me);
}

/** I told the customer I am still there: the next check-in prompt counts from now. */
export function checkedIn(): void {
  set({ heldSince: Date.now() });
}

export function dismissNotice(): void {
  set({ notice: null });
}

/** Wrap-up notes, or none: either way the call leaves the screen. */
export async function wrapUp(callId: string, notes: string): Promise<void> {
  if (notes.trim()) {
    const res = (await request('POST', `/calls/${callId}/wrap-up`, { body: { notes } })) as { call: Call };
    state = { ...state, calls: { ...state.calls, [callId]: res.call } };
  }
  const calls = { ...state.calls };
  delete calls[callId];
  set({ calls, here: state.here === callId ? null : state.here });
}

/** After (re)connecting: the calls ringing for me or under way with me, as the server has them. */
export async function loadLiveCalls(): Promise<void> {
  const res = (await request('GET', '/calls').catch(() => null)) as { calls: Call[] } | null;
  if (!res) return;
  const calls: Record<string, Call> = {};
  for (const c of res.calls) calls[c.id] = c;
  // The call this tab held survives only if the server still has it under way (its socket is new now).
  const here = state.here && calls[state.here] ? state.here : null;
  if (state.here && !here) stopMedia();
  set({ calls, here });
  // This tab carries the call's audio: its signalling moves to the new socket, and the call carries on.
  if (here && calls[here]?.status === 'answered' && media) sendFrame({ type: 'call.resume', callId: here });
}
