import { CallMedia } from '@warmline/realtime-client';
import type { Call, ServerFrame } from '@warmline/shared/types';
import { sendFrame } from './connection.ts';
import { watchers } from './watchers.ts';

/**
 * The talk between two agents about a call's handoff (the consult leg) that this tab holds: the colleague's tab that
 * pressed "Talk first", or the tab of the person on the call. Its audio runs browser to browser, apart from the
 * customer's, who stays on hold and hears silence.
 */
export interface ConsultState {
  /** The call the talk is about, while this tab opens or holds it. */
  callId: string | null;
  /** "Talk first" sent, not yet open. */
  opening: boolean;
  muted: boolean;
  /** Why the talk could not open or went quiet, in a few words. */
  problem: string | null;
}

let state: ConsultState = { callId: null, opening: false, muted: false, problem: null };
const watched = watchers(() => state);
let media: CallMedia | null = null;

function set(patch: Partial<ConsultState>): void {
  state = { ...state, ...patch };
  watched.notify();
}

export function useConsult<T>(select: (s: ConsultState) => T): T {
  return watched.useSlice(select);
}

/** True when this tab carries the talk about this call (its microphone and the colleague's voice are here). */
export const talkingHere = (s: ConsultState, callId: string) => s.callId === callId && !s.opening;

/** "Talk to Amina first": opens the talk from this tab; the customer stays on hold. */
export function talkFirst(callId: string): void {
  if (sendFrame({ type: 'call.consult', callId })) set({ callId, opening: true, muted: false, problem: null });
  else set({ problem: 'Reconnecting… try again in a moment.' });
}

/** Ends the talk for both of us (its audio stops when the call says so); the handoff stays on offer. */
export function endTalk(callId: string): void {
  if (!sendFrame({ type: 'call.consult_end', callId })) stop();
}

export function toggleTalkMute(): void {
  const muted = !state.muted;
  media?.setMicOn(!muted);
  set({ muted });
}

/** A `call.consult` frame: the talk opened on this socket; the side that asked for it makes the offer. */
export function receiveConsult(frame: Extract<ServerFrame, { type: 'call.consult' }>): void {
  const { callId } = frame;
  media?.stop();
  const talk = new CallMedia((signal) => sendFrame({ type: 'call.signal', callId, leg: 'consult', signal }));
  media = talk;
  set({ callId, opening: false, muted: false, problem: null });
  talk.start(frame.iceServers, frame.offer).catch(() => {
    if (media !== talk) return;
    endTalk(callId);
    set({ problem: 'Warmline could not use your microphone: allow it in the browser to talk first.' });
  });
}

export function receiveConsultSignal(frame: Extract<ServerFrame, { type: 'call.signal' }>): void {
  if (media && frame.callId === state.callId) void media.signal(frame.signal);
}

/** Every call frame: the talk ends when the call says it has (ended by the other, joined, taken back, call over). */
export function consultFollows(call: Call): void {
  if (call.id !== state.callId || state.opening) return;
  if (call.status !== 'answered' || !call.transfer?.consultingSince) stop();
}

/** An error frame with no message of its own: "Talk first" did not go through. */
export function consultFailed(message: string): void {
  if (state.opening) set({ callId: null, opening: false, problem: message });
}

/** After a reconnect: the server ended the talk with the old socket. */
export function consultLost(): void {
  if (state.callId) stop();
}

function stop(): void {
  media?.stop();
  media = null;
  set({ callId: null, opening: false, muted: false });
}
