/**
 * Which customer words are put forward as moments of delight: one rule for the server's suggestions and the agent
 * app's (which offers a warm message at once, before the suggestion is read back). No zod: the browser bundles import it.
 */
import type { EmotionReading } from './domain.ts';

/** The id of the wall of all teams: every team's moments (those a viewer may see) and those of no team. */
export const ALL_TEAMS_WALL = 'all';

/** How warm a grateful message must read (sentiment, -1 to 1) to be suggested: a plain "ok thanks" is not a moment. */
export const STRONGLY_GRATEFUL = 0.7;
const MIN_WORDS = 4;

/** True when a customer's words read as a moment of delight: delighted, or strongly grateful in a few words or more. */
export function isDelightfulReading(body: string, reading: Pick<EmotionReading, 'label' | 'sentiment' | 'upset'>): boolean {
  if (reading.upset) return false;
  if (reading.label === 'delighted') return true;
  return reading.label === 'grateful' && reading.sentiment >= STRONGLY_GRATEFUL && body.trim().split(/\s+/).length >= MIN_WORDS;
}

/** True when a survey answer is worth a place on the wall: 5 of 5, a delighted feeling, or a warm comment. */
export function isDelightfulAnswer(
  answer: { csat: number | null; feeling: string | null; comment: string | null },
  commentReading: Pick<EmotionReading, 'label' | 'sentiment' | 'upset'> | null,
): boolean {
  // A low score or an upset comment says otherwise, whatever else was ticked.
  if ((answer.csat !== null && answer.csat <= 3) || commentReading?.upset) return false;
  if (answer.csat === 5 || answer.feeling === 'delighted') return true;
  return Boolean(answer.comment && commentReading && isDelightfulReading(answer.comment, commentReading));
}

/** The first name of a customer's full name, for walls: nothing after the first word. */
export function firstNameOf(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
