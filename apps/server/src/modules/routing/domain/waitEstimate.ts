export interface WaitInputs {
  /** Conversations ahead of this one that the same agents would serve first (0 = next). */
  position: number;
  /** Qualified agents available or busy (not away/offline). */
  agentsOnShift: number;
  /** Free capacity among qualified available agents right now. */
  freeSlots: number;
  /** Typical capacity on this channel (e.g. 2 or 3). */
  capacityPerAgent: number;
  /** Recent handle times (assignment → resolution), newest last; may be empty. */
  recentHandleSeconds: number[];
  /** Used when there is no history. */
  defaultHandleSeconds: number;
}

export interface WaitRange {
  /** False when nobody is on shift: there is no honest number. */
  known: boolean;
  lowSeconds: number | null;
  highSeconds: number | null;
  expectedSeconds: number | null;
  text: string;
}

/** The team setting's default: above five minutes, offer a choice instead of a wait. */
export const DEFAULT_CHOICE_THRESHOLD_SECONDS = 300;

/** Below this many recent handle times, the default fills in for the missing ones. */
const FULL_HISTORY = 10;

/** Short enough for a phone's header; the widget's choices card offers the callback or the message. */
export const NOBODY_ON_SHIFT_TEXT = "Nobody is on shift right now, so we can't promise a time.";

/** An honest range for when a person will be with the customer, from queue position, free capacity and recent handle times. */
export function estimateWaitRange(inputs: WaitInputs): WaitRange {
  const agents = Math.floor(nonNegative(inputs.agentsOnShift));
  const perAgent = nonNegative(inputs.capacityPerAgent);
  if (agents === 0 || perAgent === 0) {
    return { known: false, lowSeconds: null, highSeconds: null, expectedSeconds: null, text: NOBODY_ON_SHIFT_TEXT };
  }
  const position = Math.floor(nonNegative(inputs.position));
  const free = Math.floor(nonNegative(inputs.freeSlots));
  if (free > position) return rangeFor(0, 0, 0);

  // All the slots that could serve this customer are taken, and `turns` of them must free up first. Slots free
  // at about slots/handle per second, so the k-th frees after a Gamma(k)-like time. Its median, (k − ⅓) turns,
  // is shown rather than its mean: the median is the number a customer is least far from, and the tail is long.
  const turns = position - free + 1;
  const slots = agents * perAgent;
  const handle = meanHandleSeconds(inputs.recentHandleSeconds, inputs.defaultHandleSeconds);
  const expected = ((turns - 1 / 3) * handle) / slots;
  const spread = relativeSpread(turns, inputs.recentHandleSeconds.length);
  return rangeFor(expected, expected * (1 - spread), expected * (1 + spread));
}

/** Whether to offer the customer a choice instead of waiting: estimate above the threshold, or nobody on shift. */
export function shouldOfferChoices(range: WaitRange, thresholdSeconds = DEFAULT_CHOICE_THRESHOLD_SECONDS): boolean {
  return !range.known || (range.expectedSeconds ?? 0) > thresholdSeconds;
}

/** The mean of recent handle times; with little history the default stands in for the missing ones. */
export function meanHandleSeconds(recent: readonly number[], fallback: number): number {
  const usable = recent.filter((s) => Number.isFinite(s) && s > 0);
  const padding = Math.max(0, FULL_HISTORY - usable.length);
  const total = usable.reduce((sum, s) => sum + s, 0) + padding * nonNegative(fallback);
  return total / (usable.length + padding);
}

// The wait for k turns varies by about 1/√k of itself; a base ±30% covers shift changes and long chats, and a
// thin history adds doubt about the handle time itself.
function relativeSpread(turns: number, historyLength: number): number {
  const thinHistory = historyLength < FULL_HISTORY ? 0.15 : 0;
  return Math.min(0.9, 0.3 + 0.3 / Math.sqrt(turns) + thinHistory);
}

function rangeFor(expected: number, low: number, high: number): WaitRange {
  const wording = wordRange(expected, low, high);
  return { known: true, expectedSeconds: Math.round(expected), ...wording };
}

/** Whole minutes (or hours) a person understands, with the seconds the words promise. */
function wordRange(expected: number, low: number, high: number): Omit<WaitRange, 'known' | 'expectedSeconds'> {
  if (expected < 90) {
    return { lowSeconds: 0, highSeconds: 90, text: 'A person will be with you in about a minute.' };
  }
  if (expected >= 3600) {
    const [l, h] = wholeUnits(low / 3600, high / 3600, 1);
    return { lowSeconds: l * 3600, highSeconds: h * 3600, text: `A person will be with you in about ${l}–${h} hours.` };
  }
  // Above five minutes a one-minute range would claim more precision than anyone has.
  const [l, h] = wholeUnits(low / 60, high / 60, expected > 300 ? 2 : 1);
  return { lowSeconds: l * 60, highSeconds: h * 60, text: `A person will be with you in about ${l}–${h} minutes.` };
}

function wholeUnits(low: number, high: number, minWidth: number): [number, number] {
  const l = Math.max(1, Math.round(low));
  return [l, Math.max(l + minWidth, Math.round(high))];
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}
