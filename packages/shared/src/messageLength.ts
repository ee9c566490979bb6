/**
 * How long a message may be, and what a composer says about it — shared by the widget and the agent app (this
 * file imports nothing, so the widget's bundle stays free of zod).
 */

/** Default upper bound on a message body; the server's limit is configurable (`MESSAGE_MAX_LENGTH`). */
export const MESSAGE_MAX_LENGTH_DEFAULT = 10_000;

/** The composer's counter appears when this close to the limit. */
export const COUNTER_MARGIN = 1_000;

/** Past the limit by at most this share, a draft is "a little" too long; beyond, it says how far over it is. */
const A_LITTLE = 0.1;

export interface ComposerState {
  /** Not empty, not over the limit. */
  canSend: boolean;
  /** "9,500 / 10,000" near the limit, else null. */
  counter: string | null;
  over: boolean;
  /** What to tell the writer when the draft cannot be sent for its length, else null. */
  note: string | null;
}

/**
 * What a composer allows: empty and whitespace-only bodies, and bodies over the limit, are refused before sending.
 *
 * @example composerState('x'.repeat(100_000), 10_000).note // "100,000 characters — ten times the 10,000 a message can hold…"
 */
export function composerState(body: string, max: number): ComposerState {
  const len = body.length;
  const over = len > max;
  const n = (v: number) => v.toLocaleString('en-US');
  return {
    canSend: body.trim().length > 0 && !over,
    counter: len >= max - COUNTER_MARGIN ? `${n(len)} / ${n(max)}` : null,
    over,
    note: over ? overNote(len, max) : null,
  };
}

function overNote(len: number, max: number): string {
  const n = (v: number) => v.toLocaleString('en-US');
  if (len <= max * (1 + A_LITTLE)) return `A little too long to send: ${n(len - max)} characters over the ${n(max)} limit.`;
  const times = Math.floor(len / max);
  const much = times >= 2 ? `${times} times the ${n(max)} characters a message can hold` : `over the ${n(max)}-character limit`;
  return `Far too long to send: ${n(len)} characters, ${much}. Shorten it, or split it into a few messages.`;
}
