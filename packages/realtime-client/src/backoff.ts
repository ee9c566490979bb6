/** Reconnect delays: start small so a blip heals fast, cap so a long outage does not hammer the server. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

/** How a delay is spread: a factor drawn between `low` and `high` of the exponential step, never under `floorMs`. */
export interface Jitter {
  low: number;
  high: number;
  floorMs: number;
}

/**
 * ±30%: thousands of widgets dropped by one restart must not all come back in the same millisecond.
 * The agent app waits 50–100% of the step (never under the base): a room of agents is small, and its people
 * should be back no later than the step promises.
 */
export const VISITOR_JITTER: Jitter = { low: 0.7, high: 1.3, floorMs: 0 };
export const AGENT_JITTER: Jitter = { low: 0.5, high: 1, floorMs: BACKOFF_BASE_MS };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with jitter so clients do not reconnect in lockstep.
 * @example backoffDelay(3, () => 0.5) // 4000
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, jitter: Jitter = VISITOR_JITTER): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  const factor = jitter.low + (jitter.high - jitter.low) * random();
  return Math.min(BACKOFF_MAX_MS, Math.max(jitter.floorMs, Math.round(exp * factor)));
}
