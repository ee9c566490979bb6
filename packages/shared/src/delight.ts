import { z } from 'zod';
import { Id } from './api.ts';
import { Emotion } from './domain.ts';

export { ALL_TEAMS_WALL, firstNameOf, isDelightfulAnswer, isDelightfulReading, STRONGLY_GRATEFUL } from './delightRule.ts';

// ── moments of delight ────────────────────────────────────────────────
/** Who put a moment forward: an agent marking it, or Warmline suggesting a warm message or survey answer. */
export const DelightSource = z.enum(['agent', 'message', 'survey']);
export type DelightSource = z.infer<typeof DelightSource>;
/** A suggestion waits for a person; only kept moments reach the wall; a dismissed one is never suggested again. */
export const DelightStatus = z.enum(['suggested', 'kept', 'dismissed']);
export type DelightStatus = z.infer<typeof DelightStatus>;

/** The longest words a moment keeps: a moment, not a letter. */
export const DELIGHT_WORDS_MAX = 2000;

export const DelightMoment = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The customer message it was marked on (its seq); null for a survey answer. */
  seq: z.number().int().nullable(),
  /** The survey answer it came from; null for a message. */
  surveyResponseId: z.string().nullable(),
  /** The customer's words, copied when the moment was marked or suggested ('' for a survey answered without a comment). */
  words: z.string(),
  /** A survey answer's CSAT (1-5) and feeling, when it came from one. */
  csat: z.number().int().nullable(),
  feeling: Emotion.nullable(),
  source: DelightSource,
  status: DelightStatus,
  /** The customer's first name only: walls never show a surname or a contact. */
  customerFirstName: z.string().nullable(),
  /** The person the moment belongs to: who helped the customer. */
  agent: z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  /** Who marked it, or kept or dismissed the suggestion. */
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type DelightMoment = z.infer<typeof DelightMoment>;

/** A public, read-only link to a team's wall; revoking it ends it for everyone who holds it. */
export const WallShare = z.object({ url: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
export type WallShare = z.infer<typeof WallShare>;

export const DelightWall = z.object({
  team: z.object({ id: z.string(), name: z.string(), restricted: z.boolean() }),
  /** Kept moments, newest first. */
  moments: z.array(DelightMoment),
  /** Suggestions this viewer may keep or dismiss (their own conversations; all of the team's for supervisors). */
  suggested: z.array(DelightMoment),
  /** Supervisors and admins may share the wall by a link. */
  canShare: z.boolean(),
  /** The open share link, for those who may share; null when there is none (or the viewer may not share). */
  share: WallShare.nullable(),
});
export type DelightWall = z.infer<typeof DelightWall>;

export const DelightWallsResponse = z.object({
  walls: z.array(
    z.object({ team: z.object({ id: z.string(), name: z.string() }), kept: z.number().int(), suggested: z.number().int() }),
  ),
});
export const DelightWallResponse = z.object({ wall: DelightWall });
export const WallParams = z.object({ id: Id });
export const WallShareResponse = z.object({ share: WallShare.nullable() });
export const DelightMomentsResponse = z.object({ moments: z.array(DelightMoment) });
export const DelightMomentResponse = z.object({ moment: DelightMoment });
export const DelightMomentParams = z.object({ id: Id });

/** Mark (keep) or unmark (dismiss) the moment of a customer message, by its seq on the conversation. */
export const MarkDelightBody = z.object({
  seq: z
    .number({ message: 'seq must be the number of a customer message in the conversation' })
    .int({ message: 'seq must be a whole number' })
    .positive({ message: 'seq must be a whole number above 0' }),
  keep: z.boolean({ message: 'keep must be true (a moment of delight) or false (not one)' }),
});
/** Keep a suggestion (it goes on the wall) or dismiss it (never suggested again). */
export const DecideDelightBody = z.object({
  status: z.enum(['kept', 'dismissed'], { message: 'status must be "kept" or "dismissed"' }),
});
