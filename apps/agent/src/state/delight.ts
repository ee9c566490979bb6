import { isDelightfulReading } from '@warmline/shared/delightRule';
import type { DelightMoment, Entry } from '@warmline/shared/types';

/** Where a customer's message stands: on the wall, offered as one, decided against, or nothing yet. */
export type MomentState = { state: 'kept' | 'suggested' | 'dismissed'; moment: DelightMoment | null } | { state: 'none' };

/**
 * The moment of a timeline entry. A warm message is offered at once by the same rule the server suggests by, so the
 * agent sees it as it arrives; what the server holds (kept, suggested or dismissed) always wins.
 */
export function momentOfEntry(moments: readonly DelightMoment[], entry: Entry): MomentState {
  const held = moments.find((m) => m.seq === entry.seq);
  if (held) return { state: held.status, moment: held };
  if (entry.kind === 'message' && entry.direction === 'in' && entry.emotion && isDelightfulReading(entry.body, entry.emotion))
    return { state: 'suggested', moment: null };
  return { state: 'none' };
}

/** The moments after one was marked or decided: replaced in place, or added. */
export function withMoment(moments: readonly DelightMoment[], moment: DelightMoment): DelightMoment[] {
  return moments.some((m) => m.id === moment.id) ? moments.map((m) => (m.id === moment.id ? moment : m)) : [...moments, moment];
}

/** "★★★★★ 5 out of 5 · felt delighted": a survey answer without words, as a wall card says it. */
export function ratingLine(moment: Pick<DelightMoment, 'csat' | 'feeling'>): string {
  const parts = [];
  if (moment.csat) parts.push(`${'★'.repeat(moment.csat)} ${moment.csat} out of 5`);
  if (moment.feeling === 'delighted' || moment.feeling === 'grateful') parts.push(`felt ${moment.feeling}`);
  return parts.join(' · ');
}

/** A wall card's date: "3 December 2026". */
export function wallDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}
