import type { SavedReply } from '@warmline/shared/types';
import { savedRepliesApi } from '../api/endpoints.ts';

/** The longest "/…" the composer still reads as a search for a saved reply rather than a message. */
const QUERY_MAX = 60;
/** How many matches the picker lists at once. */
export const PICKER_SIZE = 8;

/**
 * What the agent is looking for when the draft starts with "/": the text after it ("" for a bare "/"),
 * or null when the draft is a message (no leading "/", several lines, or too long to be a search).
 */
export function slashQuery(draft: string): string | null {
  if (!draft.startsWith('/') || draft.includes('\n') || draft.length > QUERY_MAX + 1) return null;
  return draft.slice(1);
}

/**
 * The saved replies a search finds, best first: every word of the query must appear in the shortcut, title or text;
 * a shortcut that starts with the query ranks first, then one that holds it, then the most used.
 */
export function matchSavedReplies(replies: readonly SavedReply[], query: string, limit = PICKER_SIZE): SavedReply[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const rank = (r: SavedReply) => (r.shortcut.startsWith(q) ? 0 : r.shortcut.includes(q) ? 1 : 2);
  return replies
    .filter((r) => {
      const text = `${r.shortcut} ${r.title} ${r.body}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => rank(a) - rank(b) || b.uses - a.uses || a.shortcut.localeCompare(b.shortcut))
    .slice(0, limit);
}

let held: Promise<SavedReply[]> | null = null;

/** The saved replies I may use, read once per session (and again after the list changes or a read fails). */
export function loadSavedReplies(): Promise<SavedReply[]> {
  held ??= savedRepliesApi.list().then(
    ({ savedReplies }) => savedReplies,
    (error: unknown) => {
      held = null;
      throw error;
    },
  );
  return held;
}

/** The list changed (the settings page saved or deleted one): the next "/" reads it afresh. */
export function forgetSavedReplies(): void {
  held = null;
}
