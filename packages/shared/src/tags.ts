/** The longest tag a conversation may carry, in characters. */
export const TAG_MAX_LENGTH = 32;
/** How many tags one conversation may carry. */
export const TAGS_PER_CONVERSATION = 20;

/**
 * A tag as Warmline keeps it: trimmed, lower case, inner spaces as `-` ("Late Delivery" → "late-delivery"), letters,
 * digits, `-` and `_` only, at most {@link TAG_MAX_LENGTH} characters. Zod-free: the agent app checks a tag as it is typed.
 */
export function normaliseTag(raw: string): { tag: string } | { error: string } {
  const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
  if (!tag) return { error: 'tag must not be empty' };
  if ([...tag].length > TAG_MAX_LENGTH) return { error: `tag is at most ${TAG_MAX_LENGTH} characters` };
  if (!/^[\p{L}\p{N}_-]+$/u.test(tag)) return { error: 'tag uses letters, digits, - or _ only' };
  return { tag };
}
