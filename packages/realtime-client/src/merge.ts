import type { Entry } from '@warmline/shared/types';

/**
 * Merges entries into a held timeline: one entry per seq, ascending.
 * Returns the held array itself when nothing is new, so a view can skip the render.
 */
export function mergeEntries(held: readonly Entry[], incoming: readonly Entry[]): readonly Entry[] {
  if (incoming.length === 0) return held;
  const seen = new Set(held.map((entry) => entry.seq));
  const fresh: Entry[] = [];
  for (const entry of incoming) {
    if (seen.has(entry.seq)) continue;
    seen.add(entry.seq);
    fresh.push(entry);
  }
  if (fresh.length === 0) return held;
  const last = lastSeqOf(held);
  const inOrder = fresh.every((entry, i) => entry.seq > (i === 0 ? last : fresh[i - 1]!.seq));
  if (inOrder) return [...held, ...fresh];
  return [...held, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** The highest seq held, or 0 for an empty timeline (resume and `after=` both start there). */
export function lastSeqOf(entries: readonly Entry[]): number {
  return entries.length === 0 ? 0 : entries[entries.length - 1]!.seq;
}

/**
 * How far a timeline misses nothing: from `from` (proved by a database read), through the consecutive seqs held.
 * Not the highest seq held: an `ack` can overtake another's entry still on its way through the bus.
 */
export function completeUpTo(held: readonly Entry[], from: number): number {
  let upTo = from;
  for (const entry of held) if (entry.seq === upTo + 1) upTo = entry.seq;
  return upTo;
}

/** True when an incoming entry skips seqs never received after `complete`: the missing ones must be fetched. */
export function leavesGap(complete: number, entry: Entry): boolean {
  return entry.seq > complete + 1;
}

/** The highest seq of a customer message, which is what "read" acknowledges. */
export function lastCustomerSeq(entries: readonly Entry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.kind === 'message' && entry.direction === 'in') return entry.seq;
  }
  return 0;
}

/**
 * What a `resume` was sent with, per conversation: the highest seq held then. Once `resumed` arrives the
 * catch-up has re-read everything after each cursor from the database, so all of that is complete.
 */
export class ResumeMarks {
  private marks: Record<string, number> | null = null;

  /** Remember the highest seq held per conversation as `resume` goes out. */
  begin(highestHeld: Record<string, number>): void {
    this.marks = highestHeld;
  }

  /** `resumed`: the marks to settle at (none when no resume was in flight). */
  finish(): Record<string, number> {
    const marks = this.marks ?? {};
    this.marks = null;
    return marks;
  }

  /** Forget a resume in flight (the timelines it was for were dropped). */
  clear(): void {
    this.marks = null;
  }
}
