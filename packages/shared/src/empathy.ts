import { z } from 'zod';
import { type Emotion, PublicAgent } from './domain.ts';

/**
 * Empathy assist: alerts that tell a supervisor someone's mood is going wrong, and the service-recovery
 * checklist that follows a failure until the customer has been made whole.
 */

const Id = z.string().min(1).max(64);

/**
 * A quiet word for how someone seemed: a person's feeling, not a classifier's label. Every screen and every alert
 * text uses these words, so a supervisor reads the same word in an alert as on the conversation.
 */
export const moodWords: Record<Emotion, string> = {
  angry: 'angry',
  frustrated: 'frustrated',
  anxious: 'worried',
  confused: 'unsure',
  sad: 'sad',
  grateful: 'thankful',
  delighted: 'delighted',
  neutral: 'calm',
};

export const AlertKind = z.enum([
  'mood_drop',
  'upset_streak',
  'upset_waiting',
  'waited_too_long',
  'follow_up_due',
  'callback_due',
  'promise_missed',
  'mailbox_failing',
]);
export type AlertKind = z.infer<typeof AlertKind>;

export const Alert = z.object({
  id: z.string(),
  kind: AlertKind,
  /** Null for an alert about no conversation: a mailbox that cannot be read (`mailbox_failing`). */
  conversationId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** What happened, in a sentence a supervisor reads at a glance. */
  text: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: PublicAgent.nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const CompensationKind = z.enum(['refund', 'credit', 'replacement', 'discount', 'gift', 'none']);
export type CompensationKind = z.infer<typeof CompensationKind>;

/** The recovery checklist of a conversation flagged as a service failure. */
export const Recovery = z.object({
  conversationId: z.string(),
  reason: z.string(),
  /** Null when a rule flagged it (an angry customer writing about loss or damage). */
  flaggedBy: PublicAgent.nullable(),
  flaggedAt: z.string(),
  owner: PublicAgent.nullable(),
  steps: z.object({
    acknowledged: z.object({ done: z.boolean(), at: z.string().nullable() }),
    fixed: z.object({ done: z.boolean(), at: z.string().nullable(), note: z.string().nullable() }),
    compensation: z.object({
      done: z.boolean(),
      at: z.string().nullable(),
      kind: CompensationKind.nullable(),
      /** In the currency's minor unit (cents). */
      valueCents: z.number().int().nullable(),
      currency: z.string().nullable(),
      note: z.string().nullable(),
    }),
    followUp: z.object({
      /** Scheduled with the customer: the owner is reminded at this time. */
      scheduledFor: z.string().nullable(),
      note: z.string().nullable(),
      reminded: z.boolean(),
      done: z.boolean(),
      at: z.string().nullable(),
    }),
  }),
  recovered: z.boolean(),
});
export type Recovery = z.infer<typeof Recovery>;

export const AlertsQuery = z.object({
  open: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AlertsResponse = z.object({ alerts: z.array(Alert) });
export const AlertParams = z.object({ id: Id });
export const AlertResponse = z.object({ alert: Alert });

export const RecoveryResponse = z.object({ recovery: Recovery.nullable() });
export const FlagFailureBody = z.object({
  reason: z.string().trim().min(1, { message: 'say what went wrong, in a few words' }).max(500),
});
/** Tick off a step of the checklist. */
export const RecoveryStepBody = z.discriminatedUnion('step', [
  z.object({ step: z.literal('acknowledged') }),
  z.object({ step: z.literal('fixed'), note: z.string().trim().max(1000).optional() }),
  z.object({
    step: z.literal('compensation'),
    kind: CompensationKind,
    valueCents: z.number().int().min(0, { message: 'valueCents cannot be negative' }).max(100_000_000).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'currency is a three-letter code such as KES or EUR' })
      .optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    step: z.literal('follow_up'),
    at: z.iso.datetime({ offset: true, message: 'at must be an ISO date-time' }),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({ step: z.literal('followed_up'), note: z.string().trim().max(1000).optional() }),
]);
export type RecoveryStepBody = z.infer<typeof RecoveryStepBody>;
