import type { CoachContext } from '../coach.ts';
import { isUpsetEmotion } from '../domain.ts';

export type Span = [number, number];

/** One case-insensitive regular expression matching any of the phrases (regex sources), on word boundaries. */
export const anyOf = (phrases: string[]): RegExp => new RegExp(String.raw`\b(?:${phrases.join('|')})\b`, 'i');

export function find(text: string, pattern: RegExp): Span | null {
  const match = pattern.exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

/**
 * One regular expression for several lists of phrases (one pass over a long draft instead of one per list); the
 * search returns the first phrase found and which list it came from.
 */
export function firstOfLists(lists: string[][], flags = 'i'): (text: string) => { span: Span; list: number } | null {
  const pattern = new RegExp(String.raw`\b(?:${lists.map((phrases) => `(${phrases.join('|')})`).join('|')})\b`, flags);
  return (text) => {
    const match = pattern.exec(text);
    if (!match) return null;
    const list = match.slice(1).findIndex((group) => group !== undefined);
    return { span: [match.index, match.index + match[0].length], list };
  };
}

/** Words common in English replies and rare in other languages' (no "a", "no", "me", "on", "so", "die"). */
const ENGLISH = new Set(
  (
    "i i'm i'll i've i'd my we we're we'll we've our us you you're you'll you've your it it's its this that that's these " +
    "there there's here the an and but or to of for with at by from about as into is are was were be been has have had do " +
    "does did don't doesn't didn't can can't cannot could would will won't should not what when where which who why how if " +
    'just please thanks thank sorry hi hello ok okay yes any some get got let know see look check help now today tomorrow ' +
    'order refund account delivery again very really more one'
  ).split(' '),
);

/** English phrase rules only speak to drafts that read as English; other languages get no false alarms. */
export function readsAsEnglish(text: string): boolean {
  let words = 0;
  let english = 0;
  const sample = text.slice(0, 2000).toLowerCase();
  for (const [word] of sample.matchAll(/\p{L}[\p{L}']*/gu)) {
    words += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  return english > 0 && english / words >= 0.2;
}

/** Whether the draft has at least `n` words (stops counting there, so a long draft costs nothing). */
export function hasWords(text: string, n: number): boolean {
  let seen = 0;
  for (const _ of text.matchAll(/\p{L}+/gu)) if (++seen >= n) return true;
  return false;
}

export const isUpset = (context: CoachContext) =>
  context.customerUpset || (context.customerEmotion !== null && isUpsetEmotion(context.customerEmotion));
/** Ownership and timing matter more when the customer is upset or we failed them. */
export const needsCare = (context: CoachContext) => isUpset(context) || context.serviceFailure === true;
