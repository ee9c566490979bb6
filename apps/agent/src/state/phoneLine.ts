import { request } from '../api/http.ts';
import { navigate, paths } from '../router.tsx';
import type { JanusSipLine, SipLineEvent } from '../voice/janusSip.ts';
import { notify } from './alerts.ts';
import { ringFor } from './ringer.ts';
import { watchers } from './watchers.ts';

/**
 * The agent's phone line (docs/phone-lines.md): when this Warmline has one, the app signs in to it through Janus,
 * phones ring here with the caller's story one click away, and due callbacks are dialled from the browser. The
 * Janus client is loaded only for installs with a line.
 */
export interface PhoneCall {
  direction: 'in' | 'out';
  /** The caller's or dialled number, as the line gave it. */
  number: string;
  /** Who it is: the customer holding the number (a new one is made for an unknown number). */
  customer: { id: string; name: string | null } | null;
  phase: 'ringing' | 'dialling' | 'on' | 'ended';
  /** When the phase began (ms). */
  since: number;
  /** Why it ended, when it did not end with a hang-up. */
  problem: string | null;
  /** When the other side answered (ms), for the record on the timeline. */
  answeredAt?: number | null;
}

export interface PhoneLineState {
  status: 'none' | 'connecting' | 'ready' | 'failed';
  problem: string | null;
  call: PhoneCall | null;
  muted: boolean;
}

interface LineAnswer {
  line: {
    janusUrl: string;
    token: string;
    account: { username: string; proxy: string; secret: string; displayName: string };
  } | null;
}

let state: PhoneLineState = { status: 'none', problem: null, call: null, muted: false };
const watched = watchers(() => state);
let line: JanusSipLine | null = null;
let starting: Promise<void> | null = null;
let audio: HTMLAudioElement | null = null;

function set(patch: Partial<PhoneLineState>): void {
  state = { ...state, ...patch };
  ringFor('phone', state.call?.phase === 'ringing');
  watched.notify();
}

function setCall(patch: Partial<PhoneCall> | null): void {
  set({ call: patch && state.call ? { ...state.call, ...patch } : (patch as PhoneCall | null) });
}

export function usePhoneLine<T>(select: (s: PhoneLineState) => T): T {
  return watched.useSlice(select);
}

/** "+254712345678" from a caller's SIP address ("sip:+254712345678@pbx.example.com"). */
export function numberOf(caller: string): string {
  return caller.replace(/^sips?:/, '').split('@')[0] ?? caller;
}

/** This Warmline has no phone line: asked once, not again on every reconnect. */
let noLine = false;

/** After sign-in and every reconnect: joins the phone line once, when this Warmline has one (again after it closed). */
export function startPhoneLine(): Promise<void> {
  if (line || noLine || starting) return starting ?? Promise.resolve();
  starting = join().finally(() => {
    starting = null;
  });
  return starting;
}

async function join(): Promise<void> {
  const found = (await request('GET', '/voice/phone-line').catch(() => null)) as LineAnswer | null;
  if (found && !found.line) noLine = true;
  if (!found?.line) return;
  set({ status: 'connecting', problem: null });
  try {
    const [{ JanusSipLine }, ice] = await Promise.all([
      import('../voice/janusSip.ts'),
      request('GET', '/voice/ice-servers').catch(() => ({ iceServers: [] })) as Promise<{ iceServers: RTCIceServer[] }>,
    ]);
    audio ??= document.createElement('audio');
    audio.autoplay = true;
    const joined = await JanusSipLine.connect({
      url: found.line.janusUrl,
      token: found.line.token,
      iceServers: ice.iceServers,
      audio,
    });
    joined.on(onLineEvent);
    await joined.register(found.line.account);
    line = joined;
    set({ status: 'ready', problem: null });
  } catch (err) {
    set({ status: 'failed', problem: err instanceof Error ? err.message : 'The phone line could not be reached.' });
  }
}

function onLineEvent(event: SipLineEvent): void {
  if (event.type === 'incoming') void ringing(event.caller, event.displayName);
  else if (event.type === 'accepted') setCall({ phase: 'on', since: Date.now(), answeredAt: Date.now() });
  else if (event.type === 'hangup' && state.call?.phase === 'ringing') {
    // The caller gave up, or a colleague answered first (every agent's browser rings): nothing is left to do here.
    set({ call: null });
  } else if (event.type === 'hangup' && state.call && state.call.phase !== 'ended') {
    const unanswered = state.call.phase === 'dialling';
    ended({ problem: unanswered ? `Not answered (${event.reason || event.code})` : null });
  } else if (event.type === 'closed') {
    line = null;
    set({
      status: 'failed',
      problem: 'The phone line disconnected. It is joined again when Warmline reconnects, or on a reload.',
      call: null,
    });
  }
}

/**
 * A phone rings the line (`caller`: its SIP address): who it is comes from Warmline, the customer with that number
 * or a new one, and the number as Warmline reads it.
 */
async function ringing(caller: string, displayName: string | null): Promise<void> {
  const shown = numberOf(caller);
  set({
    call: { direction: 'in', number: shown, customer: null, phase: 'ringing', since: Date.now(), problem: null },
    muted: false,
  });
  const who = (await request('POST', '/voice/inbound-calls', { body: { from: caller } }).catch(() => null)) as {
    customer: { id: string; name: string | null };
    number: string | null;
  } | null;
  if (state.call?.number !== shown || state.call.phase !== 'ringing') return;
  setCall({ customer: who?.customer ?? null, number: who?.number ?? shown });
  const number = who?.number ?? shown;
  if (document.visibilityState !== 'visible') {
    notify(
      `${who?.customer.name ?? displayName ?? number} is calling`,
      'Answer in Warmline',
      `warmline-phone-${number}`,
      () => undefined,
    );
  }
}

/**
 * The call ends: the dock says so, and the call goes on the customer's timeline (who, which way, how long), as a
 * call in the browser does. A record that cannot be written is said in the dock; the call itself is over either way.
 */
function ended(patch: { problem: string | null }): void {
  const call = state.call;
  if (!call || call.phase === 'ended') return;
  setCall({ phase: 'ended', since: Date.now(), ...patch });
  if (!call.customer) return;
  request('POST', '/voice/phone-calls', {
    body: {
      customerId: call.customer.id,
      direction: call.direction,
      number: call.number,
      answeredAt: call.answeredAt ? new Date(call.answeredAt).toISOString() : null,
      endedAt: new Date().toISOString(),
    },
  }).catch((err: Error) => {
    if (state.call?.phase === 'ended') setCall({ problem: `The call could not be put on the timeline: ${err.message}` });
  });
}

export async function answerPhone(): Promise<void> {
  const call = state.call;
  if (!line || call?.phase !== 'ringing') return;
  try {
    await line.accept();
    // Their story opens as they start speaking: nobody has to repeat it.
    if (call.customer) navigate(paths.customer(call.customer.id));
  } catch (err) {
    setCall({ phase: 'ended', since: Date.now(), problem: err instanceof Error ? err.message : 'Could not answer.' });
  }
}

export function declinePhone(): void {
  if (!line || state.call?.phase !== 'ringing') return;
  void line.decline().catch(() => undefined);
  set({ call: null });
}

export function hangUpPhone(): void {
  if (!line || !state.call || state.call.phase === 'ended') return;
  void line.hangup().catch(() => undefined);
  ended({ problem: null });
}

export function toggleMutePhone(): void {
  const muted = !state.muted;
  line?.setMicOn(!muted);
  set({ muted });
}

export function dismissPhoneCall(): void {
  if (state.call?.phase === 'ended') set({ call: null });
}

/** Dials a customer through the line from this browser (a due callback): `uri` is the line's address for `number`. */
export async function dialPhone(number: string, uri: string, customer: PhoneCall['customer']): Promise<void> {
  if (!line) throw new Error('The phone line is not connected.');
  if (state.call && state.call.phase !== 'ended') throw new Error('Finish the call under way first.');
  set({ call: { direction: 'out', number, customer, phase: 'dialling', since: Date.now(), problem: null }, muted: false });
  try {
    await line.call(uri);
  } catch (err) {
    ended({ problem: err instanceof Error ? err.message : 'The call did not connect.' });
  }
}
