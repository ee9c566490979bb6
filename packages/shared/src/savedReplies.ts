import { z } from 'zod';
import { Id } from './api.ts';

export { fillPlaceholders, NAMELESS_CUSTOMER, PLACEHOLDERS, type Placeholder, unknownPlaceholders } from './placeholders.ts';
export { normaliseTag, TAG_MAX_LENGTH, TAGS_PER_CONVERSATION } from './tags.ts';

/** The longest saved reply, in characters: a reply, not a document. */
export const SAVED_REPLY_MAX_LENGTH = 5000;

// ── saved replies ─────────────────────────────────────────────────────
export const SavedReply = z.object({
  id: z.string(),
  /** What an agent types after "/" in the composer to find it. */
  shortcut: z.string(),
  title: z.string(),
  /** The text with its placeholders, such as {{customer.first_name}}. */
  body: z.string(),
  /** Only this team's members (and supervisors and admins) see it; null: everyone. */
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  uses: z.number().int(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedReply = z.infer<typeof SavedReply>;

const Shortcut = z
  .string({ message: 'shortcut must be text' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'shortcut must not be empty' })
  .max(40, { message: 'shortcut is at most 40 characters' })
  .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'shortcut uses letters, digits, - or _ (no spaces)' });
export const SavedReplyBody = z.object({
  shortcut: Shortcut,
  title: z
    .string({ message: 'title must be text' })
    .trim()
    .min(1, { message: 'title must not be empty' })
    .max(120, { message: 'title is at most 120 characters' }),
  body: z
    .string({ message: 'body must be text' })
    .trim()
    .min(1, { message: 'body must not be empty' })
    .max(SAVED_REPLY_MAX_LENGTH, { message: `body is at most ${SAVED_REPLY_MAX_LENGTH} characters` }),
  teamId: Id.nullable().optional(),
});
export const UpdateSavedReplyBody = SavedReplyBody.partial();
export const SavedReplyParams = z.object({ id: Id });
export const SavedRepliesResponse = z.object({ savedReplies: z.array(SavedReply) });
export const SavedReplyResponse = z.object({ savedReply: SavedReply });
export const UseSavedReplyBody = z.object({ conversationId: Id });
/** The reply filled for the conversation's customer and the agent using it, ready for the composer. */
export const UsedSavedReply = z.object({ text: z.string(), savedReply: SavedReply });

// ── tags ──────────────────────────────────────────────────────────────
export const TagBody = z.object({
  tag: z.string({ message: 'tag must be text' }).max(200, { message: 'tag is at most 32 characters' }),
});
export const TagParams = z.object({ id: Id, tag: z.string().max(200) });
/** The workspace's tags, each with the number of conversations (of those the asker may see) carrying it. */
export const TagsResponse = z.object({ tags: z.array(z.object({ tag: z.string(), conversations: z.number().int() })) });
