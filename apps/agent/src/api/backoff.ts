/** Reconnect delays grow from 0.5 s to 15 s; jitter keeps a room of agents from reconnecting in lockstep. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt));
  const jitter = 0.5 + random() * 0.5;
  return Math.round(Math.max(500, base * jitter));
}
