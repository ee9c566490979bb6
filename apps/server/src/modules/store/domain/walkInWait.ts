/** One ticket of a location's line, as the wait estimate needs it. */
export interface LineTicket {
  status: 'waiting' | 'away' | 'called';
  /** How long their service usually takes, in minutes. */
  minutes: number;
  /** For a ticket at the counter: when they were called. */
  calledAt: Date | null;
}

export interface TicketWait {
  /** People waiting ahead (0 = next); null for a ticket not waiting. */
  position: number | null;
  /** The honest range, in seconds; null when nobody is on the floor to give a number. */
  range: { low: number; high: number } | null;
}

/**
 * The wait of every ticket in a location's line (in order of arrival), by walking the line through the staff on the
 * floor: each person at the counter keeps a member of staff busy for what is left of their service, and each person
 * waiting goes to whoever is free first. Stepped-out tickets keep their place but take nobody's time until they are
 * back. The range around the midpoint is a minute or a quarter either side, whichever is more: never wider than
 * max(2 min, the midpoint).
 */
export function walkInWaits(line: readonly LineTicket[], staffOnFloor: number, now: Date): TicketWait[] {
  const busy = line
    .filter((t) => t.status === 'called')
    .map((t) => Math.max(60, t.minutes * 60 - secondsSince(t.calledAt ?? now, now)));
  const free: number[] = Array.from({ length: staffOnFloor }, (_, i) => busy[i] ?? 0).sort((a, b) => a - b);
  let ahead = 0;
  return line.map((ticket) => {
    if (ticket.status !== 'waiting') return { position: null, range: null };
    const position = ahead++;
    if (free.length === 0) return { position, range: null };
    const mid = free[0]!;
    free[0] = mid + ticket.minutes * 60;
    free.sort((a, b) => a - b);
    return { position, range: around(mid) };
  });
}

function around(mid: number): { low: number; high: number } {
  const half = Math.max(60, mid / 4);
  return { low: roundToMinute(Math.max(0, mid - half)), high: roundToMinute(mid + half) };
}

function roundToMinute(seconds: number): number {
  return Math.round(seconds / 60) * 60;
}

function secondsSince(then: Date, now: Date): number {
  return Math.max(0, (now.getTime() - then.getTime()) / 1000);
}

/** The ticket's one sentence while waiting: "About 10–15 minutes · 3 people ahead of you". */
export function waitText(wait: TicketWait): string {
  if (wait.position === null) return '';
  const ahead =
    wait.position === 0 ? 'You are next' : `${wait.position} ${wait.position === 1 ? 'person' : 'people'} ahead of you`;
  if (!wait.range) return `${ahead} · nobody is at the counter just now; we will call you as soon as someone is`;
  const low = Math.round(wait.range.low / 60);
  const high = Math.round(wait.range.high / 60);
  if (high <= 1) return `${ahead} · any moment now`;
  return `About ${low}–${high} minutes · ${ahead.charAt(0).toLowerCase()}${ahead.slice(1)}`;
}
