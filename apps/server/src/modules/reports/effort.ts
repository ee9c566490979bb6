/** What effort reads of one conversation's messages (repository/facts.ts): see `effortOf`. */
export interface EffortRow {
  c: string;
  /** Customer messages saying again what the customer already said in it. */
  repeats: number;
  /** The channels of the customer's messages, in order. */
  channels: Array<string | null> | null;
  /** When each wait began (ms since 1970): a customer message first, or after a person's message. */
  starts: number[] | null;
  /** When each wait ended: a person's message after the customer's. */
  ends: number[] | null;
}

/** The effort we caused in one conversation, beyond its transfers. */
export interface Effort {
  repeats: number;
  /** Customer messages on another channel than their previous one. */
  switches: number;
  /** Each wait for a person that a person ended, ms, in order. */
  waits: number[];
}

/**
 * Repeats, channel switches and waits per conversation. Waits begin and end in turn, so the k-th end closes the
 * k-th beginning; a last beginning without an end is a wait not over yet, and is not counted.
 *
 * @example effortOf([{ c: 'a', repeats: 0, channels: ['chat', 'email'], starts: [0, 120_000], ends: [90_000] }]).get('a') // { repeats: 0, switches: 1, waits: [90000] }
 */
export function effortOf(rows: readonly EffortRow[]): Map<string, Effort> {
  const out = new Map<string, Effort>();
  for (const row of rows) {
    const channels = row.channels ?? [];
    let switches = 0;
    for (let i = 1; i < channels.length; i++) if (channels[i - 1] !== null && channels[i] !== channels[i - 1]) switches += 1;
    const starts = (row.starts ?? []).map(Number);
    const ends = (row.ends ?? []).map(Number);
    const waits = ends.slice(0, starts.length).map((end, k) => Math.round(end - starts[k]!));
    out.set(row.c, { repeats: Number(row.repeats), switches, waits });
  }
  return out;
}
