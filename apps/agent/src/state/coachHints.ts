import { COACH_MAX_SHOWN, type CoachSuggestion, type EmotionReading, type Entry } from '@warmline/shared';

/** How the customer seemed in their latest message that has been read. */
export function latestCustomerFeeling(entries: readonly Entry[]): EmotionReading | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.kind === 'message' && entry.direction === 'in' && entry.emotion) return entry.emotion;
  }
  return null;
}

/** The words a suggestion is about, as the agent wrote them, shortened for a hint. */
export function flaggedPhrase(draft: string, suggestion: CoachSuggestion): string | null {
  if (!suggestion.span) return null;
  const phrase = draft.slice(suggestion.span[0], suggestion.span[1]).replace(/\s+/g, ' ').trim();
  return phrase.length > 60 ? `${phrase.slice(0, 59)}…` : phrase || null;
}

/** One dismissal covers one suggestion: its rule, and the phrase that prompted it when there is one. */
export function hintKey(draft: string, suggestion: CoachSuggestion): string {
  const phrase = flaggedPhrase(draft, suggestion);
  return phrase ? `${suggestion.rule}:${phrase.toLowerCase()}` : suggestion.rule;
}

/** Dismissed suggestions per conversation, kept while the app is open, like unsent drafts. */
const dismissed = new Map<string, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

export function dismissedHints(conversationId: string): ReadonlySet<string> {
  return dismissed.get(conversationId) ?? NONE;
}

export function dismissHint(conversationId: string, key: string): ReadonlySet<string> {
  const next = new Set(dismissedHints(conversationId)).add(key);
  dismissed.set(conversationId, next);
  return next;
}

/** What the agent sees: the most important suggestions not dismissed, at most {@link COACH_MAX_SHOWN}. */
export function shownHints(
  draft: string,
  suggestions: readonly CoachSuggestion[],
  hidden: ReadonlySet<string>,
): { key: string; suggestion: CoachSuggestion; phrase: string | null }[] {
  return suggestions
    .map((suggestion) => ({ key: hintKey(draft, suggestion), suggestion, phrase: flaggedPhrase(draft, suggestion) }))
    .filter((hint) => !hidden.has(hint.key))
    .slice(0, COACH_MAX_SHOWN);
}
