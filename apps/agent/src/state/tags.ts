import type { Conversation } from '@warmline/shared/types';

/** A conversation's tags (none on a copy from a server that predates them). */
export function tagsOf(conversation: Pick<Conversation, 'tags'>): readonly string[] {
  return conversation.tags ?? [];
}

/** Whether a conversation passes the inbox's tag filter (no filter: every conversation does). */
export function passesTagFilter(conversation: Pick<Conversation, 'tags'>, tag: string | null): boolean {
  return tag === null || tagsOf(conversation).includes(tag);
}

/** Tags to offer while typing: those in use that the conversation does not carry yet, matching what is typed, most used first. */
export function tagSuggestions(
  inUse: ReadonlyArray<{ tag: string; conversations: number }>,
  carried: readonly string[],
  typed: string,
): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '-');
  return inUse
    .filter((t) => !carried.includes(t.tag) && t.tag.includes(q))
    .sort((a, b) => Number(b.tag.startsWith(q)) - Number(a.tag.startsWith(q)) || b.conversations - a.conversations)
    .map((t) => t.tag)
    .slice(0, 20);
}
