import { acknowledge, blame } from './coach/feelings.ts';
import { deadEnd, nextStep, ownership } from './coach/nextStep.ts';
import { allCaps, jargon } from './coach/style.ts';
import { readsAsEnglish } from './coach/text.ts';
import type { Emotion } from './domain.ts';

/**
 * The reply coach: gentle suggestions on an agent's draft. It never blocks sending and never writes or sends a
 * reply; an example is a phrase to adapt, shown beside the draft, never inserted into it (DESIGN §1.6).
 */
export type CoachRule = 'acknowledge' | 'blame' | 'dead_end' | 'all_caps' | 'ownership' | 'next_step' | 'jargon';

export interface CoachSuggestion {
  rule: CoachRule;
  severity: 'tip' | 'important';
  /** Short, kind, addressed to the agent; the phrase itself is given by `span`, not repeated here. */
  message: string;
  /** A phrase the agent can adapt. */
  example?: string;
  /** Where in the draft the phrase that prompted it sits, `[start, end)` in UTF-16 units. */
  span?: [number, number];
}

export interface CoachContext {
  /** The emotion read on the customer's latest message, if any. */
  customerEmotion: Emotion | null;
  customerUpset: boolean;
  /** The conversation is flagged as a service failure: an apology is due, not only understanding. */
  serviceFailure?: boolean;
}

/** How many suggestions an agent sees at once; the rest wait until one is dismissed or fixed. */
export const COACH_MAX_SHOWN = 3;

/** A very long draft is mostly pasted material; what is said to the customer opens and closes it. */
const READ_EDGE = 10_000;

const RANK: CoachRule[] = ['acknowledge', 'blame', 'dead_end', 'all_caps', 'ownership', 'next_step', 'jargon'];

/**
 * Suggestions for a reply draft, most important first (the agent app shows the first {@link COACH_MAX_SHOWN}).
 * At most one per rule. Pure and fast: however long the draft, at most 20,000 characters of it are read.
 *
 * @example
 * coachReply('As per our policy, refunds take 14 days.', { customerEmotion: 'angry', customerUpset: true });
 * // → [{ rule: 'acknowledge', … }, { rule: 'blame', span: [0, 17], … }]
 */
export function coachReply(draft: string, context: CoachContext): CoachSuggestion[] {
  if (typeof draft !== 'string' || draft.trim() === '') return [];
  // The opening and closing 10,000 characters of a longer draft, so a pasted document costs no more than a letter.
  const read = draft.length > 2 * READ_EDGE ? `${draft.slice(0, READ_EDGE)}\n${draft.slice(-READ_EDGE)}` : draft;
  const shift = draft.length - read.length;
  // Curly apostrophes made straight, one for one, so spans keep pointing into the draft.
  const text = read.replace(/[\u2018\u2019\u02BC\u2032`]/g, "'");
  const english = readsAsEnglish(text);
  const found = [
    english ? acknowledge(text, context) : null,
    english ? blame(text) : null,
    english ? deadEnd(text) : null,
    allCaps(text),
    english ? ownership(text, context) : null,
    english ? nextStep(text, context) : null,
    jargon(text),
  ].filter((s): s is CoachSuggestion => s !== null);
  const weight = (s: CoachSuggestion) => (s.severity === 'important' ? 0 : 10) + RANK.indexOf(s.rule);
  return found
    .sort((a, b) => weight(a) - weight(b))
    .map((s) => (s.span && s.span[0] > READ_EDGE ? { ...s, span: [s.span[0] + shift, s.span[1] + shift] } : s));
}
