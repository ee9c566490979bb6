/** Reconnect delays: start small so a blip heals fast, cap so a long outage does not hammer the server. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with jitter so tabs do not reconnect in lockstep. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  // ±30% jitter: thousands of widgets dropped by one restart must not all come back in the same millisecond.
  return Math.min(BACKOFF_MAX_MS, Math.round(exp * (0.7 + 0.6 * random())));
}
