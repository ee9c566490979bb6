import { z } from 'zod';
import { Id } from './api.ts';
import { Callback, CallbackOutcome, Emotion, PublicAgent } from './domain.ts';

/** ringing → answered → ended; a call that ends while ringing was never answered. */
export const CallStatus = z.enum(['ringing', 'answered', 'ended']);
export type CallStatus = z.infer<typeof CallStatus>;

/**
 * How a call ended: `completed` (answered, then hung up), `missed` (nobody answered within the ring time: the
 * customer is offered a callback), `declined` (everyone rung declined), `cancelled` (the customer hung up while
 * it rang), `failed` (the connection broke).
 */
export const CallOutcome = z.enum(['completed', 'missed', 'declined', 'cancelled', 'failed']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** `inbound`: the customer called us; `outbound`: an agent rings the customer back in their browser. */
export const CallDirection = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirection>;

/** A call as agents see it: whose, how they feel so far, who it rings and who took it. */
export const Call = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: CallDirection,
  customer: z.object({ id: z.string(), name: z.string().nullable() }),
  /** The customer's mood so far (their latest message's emotion), or null when they have not written. */
  mood: Emotion.nullable(),
  status: CallStatus,
  outcome: CallOutcome.nullable(),
  /** The person it rings now (while ringing). */
  ringing: PublicAgent.nullable(),
  answeredBy: PublicAgent.nullable(),
  onHold: z.boolean(),
  /**
   * A warm transfer on offer: the colleague reads the note before joining. `consultingSince`: since when the two are
   * talking privately first (the consult leg; the customer hears silence), or null.
   */
  transfer: z.object({ to: PublicAgent, note: z.string(), consultingSince: z.string().nullable() }).nullable(),
  placedAt: z.string(),
  /** When the current person's ringing started (for the card's honest countdown). */
  rangAt: z.string().nullable(),
  ringSeconds: z.number().int(),
  /** While the customer is on hold, the agent is prompted to check in this often. */
  holdCheckInSeconds: z.number().int(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Answered → ended, whole seconds; null until it ends answered. */
  durationSeconds: z.number().int().nullable(),
  wrapUp: z.string().nullable(),
});
export type Call = z.infer<typeof Call>;

/** A call as its customer sees it: the named person, never the agents it skipped. */
export const VisitorCall = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** `outbound`: we are ringing the customer (a callback), and they answer or decline. */
  direction: CallDirection,
  status: CallStatus,
  outcome: CallOutcome.nullable(),
  /** Who is being rung, or who answered. */
  person: PublicAgent.nullable(),
  onHold: z.boolean(),
  placedAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Seconds this person's ringing lasts at most, so the wait shown is honest. */
  ringSeconds: z.number().int(),
  rangAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
});
export type VisitorCall = z.infer<typeof VisitorCall>;

/** A STUN or TURN server for the browser's RTCPeerConnection. */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** What WebRTC peers exchange: the offer, the answer, and each network candidate. */
export const CallSignal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), sdp: z.string().min(1).max(30_000) }),
  z.object({ kind: z.literal('answer'), sdp: z.string().min(1).max(30_000) }),
  z.object({
    kind: z.literal('candidate'),
    candidate: z.string().max(2_000),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  }),
]);
export type CallSignal = z.infer<typeof CallSignal>;

/** Which audio a signal belongs to: the call with the customer, or the two agents' private talk during a handoff. */
export const CallLeg = z.enum(['customer', 'consult']);
export type CallLeg = z.infer<typeof CallLeg>;

/** The call frames a client sends (part of ClientFrame). */
export const CallClientFrames = [
  /** A widget visitor calls: it joins their open conversation, or opens one. */
  z.object({ type: z.literal('call.place'), conversationId: Id.optional() }),
  /** An agent answers a call ringing for them; a customer answers us ringing them back. */
  z.object({ type: z.literal('call.answer'), callId: Id }),
  z.object({ type: z.literal('call.decline'), callId: Id }),
  /** An agent rings the customer of their due callback in the customer's browser. */
  z.object({ type: z.literal('call.ring_back'), conversationId: Id }),
  /** Either side hangs up; while it rings, the customer's hang-up cancels it. */
  z.object({ type: z.literal('call.hangup'), callId: Id }),
  z.object({ type: z.literal('call.hold'), callId: Id, hold: z.boolean() }),
  /** The person on the call hands it to a colleague, who first reads the note. */
  z.object({
    type: z.literal('call.transfer'),
    callId: Id,
    toAgentId: Id,
    note: z.string().trim().min(1, { message: 'a handoff note tells your colleague what they need to know' }).max(2000),
  }),
  /** The colleague, having read the note, joins: the call is theirs (and any talk between the two ends). */
  z.object({ type: z.literal('call.join'), callId: Id }),
  /**
   * The colleague offered the call talks with the person on it first, from this socket (the consult leg): their two
   * browsers connect; the customer stays on hold and hears silence.
   */
  z.object({ type: z.literal('call.consult'), callId: Id }),
  /** Either of the two ends their talk; the handoff stays on offer. */
  z.object({ type: z.literal('call.consult_end'), callId: Id }),
  /**
   * A party's socket reconnected during a call it carried: its signalling moves to this socket (the audio, which
   * does not travel through Warmline, carries on).
   */
  z.object({ type: z.literal('call.resume'), callId: Id }),
  /** Relayed to the other party of the call only (`leg: 'consult'`: to the other agent of the talk). */
  z.object({ type: z.literal('call.signal'), callId: Id, signal: CallSignal, leg: CallLeg.optional() }),
] as const;

export const WrapUpBody = z.object({ notes: z.string().trim().min(1, { message: 'notes must not be empty' }).max(4000) });
export const CallParams = z.object({ id: Id });
export const CallResponse = z.object({ call: Call });
export const CallsResponse = z.object({ calls: z.array(Call) });

/** What came of ringing a customer back, as the person who rang records it. */
export const CallbackOutcomeBody = z.object({
  outcome: z.enum(CallbackOutcome.options, {
    message: 'outcome must be one of reached, no_answer, wrong_number',
  }),
});
/** One click on a due callback: the number to dial, through the phone line when one is connected. */
export const CallbackRing = z.object({
  callback: Callback,
  customerName: z.string().nullable(),
  via: z.enum(['phone_line', 'own_phone']),
  number: z.string(),
  sipUri: z.string().nullable(),
});
export type CallbackRing = z.infer<typeof CallbackRing>;
export const CallbackResponse = z.object({ callback: Callback });
export type CallbackResponse = z.infer<typeof CallbackResponse>;
