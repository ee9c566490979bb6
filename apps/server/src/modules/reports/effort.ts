/** One message as effort reads it: its conversation, whether the customer wrote it, its channel, when, its words' hash. */
export interface EffortMessage {
  c: string;
  asked: boolean;
  channel: string | null;
  at: number;
  words: string | null;
}

/** The effort we caused in one conversation, beyond its transfers. */
export interface Effort {
  /** Customer messages saying again what the customer already said in it (same words, any case and spacing). */
  repeats: number;
  /** Customer messages on another channel than their previous one. */
  switches: number;
  /** Each wait for a person that a person ended, ms, in order. */
  waits: number[];
}

/** The hash of an empty message: saying nothing twice is not a repeat. */
const NOTHING = 'd41d8cd98f00b204e9800998ecf8427e';

/**
 * Repeats, channel switches and waits per conversation, from its messages in order. A wait runs from the first
 * customer message after a person's message (or the start) to the next message a person wrote.
 *
 * @example effortOf([{ c: 'a', asked: true, channel: 'chat', at: 0, words: 'x' }, { c: 'a', asked: false, channel: 'chat', at: 90_000, words: null }]).get('a') // { repeats: 0, switches: 0, waits: [90000] }
 */
export function effortOf(messages: readonly EffortMessage[]): Map<string, Effort> {
  const out = new Map<string, Effort>();
  let current = '';
  let effort: Effort = { repeats: 0, switches: 0, waits: [] };
  let said = new Set<string>();
  let lastChannel: string | null = null;
  let waitingSince: number | null = null;
  for (const m of messages) {
    if (m.c !== current) {
      current = m.c;
      effort = { repeats: 0, switches: 0, waits: [] };
      out.set(m.c, effort);
      said = new Set();
      lastChannel = null;
      waitingSince = null;
    }
    if (m.asked) {
      if (m.words !== null && m.words !== NOTHING && said.has(m.words)) effort.repeats += 1;
      if (m.words !== null) said.add(m.words);
      if (lastChannel !== null && m.channel !== lastChannel) effort.switches += 1;
      lastChannel = m.channel;
      waitingSince ??= m.at;
    } else if (waitingSince !== null) {
      effort.waits.push(Math.round(m.at - waitingSince));
      waitingSince = null;
    }
  }
  return out;
}
