/** One ticket of a location's line, as the wait estimate needs it. */
export interface LineTicket {
  status: 'waiting' | 'away' | 'called';
  /** How long their service usually takes, in minutes (what it took lately, else its typical minutes). */
  minutes: number;
  /** For a ticket at the counter: when they were called. */
  calledAt: Date | null;
  /** How long this service really took lately, in seconds: the spread the estimate draws from. */
  took?: readonly number[];
}

export interface TicketWait {
  /** People waiting ahead (0 = next); null for a ticket not waiting. */
  position: number | null;
  /** The honest range, in seconds; null when nobody is on the floor to give a number. */
  range: { low: number; high: number } | null;
}

/** An appointment still to come at the location: it takes the first person free at its time, ahead of walk-ins. */
export interface BookedVisit {
  /** Seconds from now until its time. */
  inSeconds: number;
  minutes: number;
  took?: readonly number[];
}

/** How many futures the estimate plays out. */
const FUTURES = 240;
/** Below this many visits of a service, its spread is assumed (log-normal around its usual length), not measured. */
const MEASURED_AFTER = 5;
const ASSUMED_SIGMA = 0.5;

/**
 * The wait of every ticket in a location's line (in order of arrival). The line's future is played out a few hundred
 * times: each person at the counter keeps a member of staff busy for the rest of a service like theirs (drawn from
 * those that already ran this long), appointments take whoever is free first at their time, ahead of walk-ins, and
 * each person waiting goes to whoever is free first, for a service drawn from what that service took lately.
 * Stepped-out tickets keep their place but take nobody's time until they are back. The midpoint is the median wait;
 * the range around it is as wide as allowed: max(2 min, the midpoint).
 * Deterministic for the same line.
 */
export function walkInWaits(
  line: readonly LineTicket[],
  staffOnFloor: number,
  now: Date,
  booked: readonly BookedVisit[] = [],
): TicketWait[] {
  const random = seeded(line.length * 7919 + staffOnFloor * 104729 + booked.length);
  const waiting = line.flatMap((t, i) => (t.status === 'waiting' ? [i] : []));
  if (staffOnFloor === 0)
    return line.map((t, i) => ({ position: t.status === 'waiting' ? waiting.indexOf(i) : null, range: null }));
  const atCounter = line.filter((t) => t.status === 'called').slice(0, staffOnFloor);
  const appointments = [...booked].sort((a, b) => a.inSeconds - b.inSeconds);
  const futures: number[][] = waiting.map(() => []);
  for (let f = 0; f < FUTURES; f++) {
    const free = atCounter.map((t) => remaining(t, secondsSince(t.calledAt ?? now, now), random));
    while (free.length < staffOnFloor) free.push(0);
    free.sort((a, b) => a - b);
    let next = 0;
    for (const [k, i] of waiting.entries()) {
      for (let a = appointments[next]; a && a.inSeconds <= free[0]!; a = appointments[++next]) {
        place(free, Math.max(free[0]!, a.inSeconds) + draw(a, random));
      }
      const start = free[0]!;
      futures[k]!.push(start);
      place(free, start + draw(line[i]!, random));
    }
  }
  return line.map((_, i) => {
    const k = waiting.indexOf(i);
    return k < 0 ? { position: null, range: null } : { position: k, range: rangeOf(futures[k]!) };
  });
}

/** Replaces the first (earliest) free time with `until`, keeping the times in order. */
function place(free: number[], until: number): void {
  let i = 0;
  while (i + 1 < free.length && free[i + 1]! < until) {
    free[i] = free[i + 1]!;
    i++;
  }
  free[i] = until;
}

/** A service's length in one future: one it took lately, else log-normal around its usual length. */
function draw(visit: { minutes: number; took?: readonly number[] }, random: () => number): number {
  const took = visit.took ?? [];
  if (took.length >= MEASURED_AFTER) return took[Math.floor(random() * took.length)]!;
  return visit.minutes * 60 * Math.exp(ASSUMED_SIGMA * gaussian(random) - (ASSUMED_SIGMA * ASSUMED_SIGMA) / 2);
}

/** What is left of a service that has run `elapsed` seconds: drawn from services like it that ran at least that long. */
function remaining(visit: LineTicket, elapsed: number, random: () => number): number {
  const longer = (visit.took ?? []).filter((d) => d > elapsed);
  if ((visit.took?.length ?? 0) >= MEASURED_AFTER && longer.length > 0)
    return longer[Math.floor(random() * longer.length)]! - elapsed;
  for (let tries = 0; tries < 20; tries++) {
    const d = draw({ minutes: visit.minutes }, random);
    if (d > elapsed) return d - elapsed;
  }
  return Math.max(60, (visit.minutes * 60) / 4);
}

/**
 * The range shown: centred on the median future, and as wide as allowed, max(2 min, its midpoint) — the futures are
 * narrower than the days they stand for (a colleague called away, a quick question at the counter), so the range
 * takes all the room it may; whole minutes, rounded inwards.
 */
function rangeOf(futures: number[]): { low: number; high: number } {
  const sorted = [...futures].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const half = Math.max(60, median / 2);
  return { low: Math.ceil(Math.max(0, median - half) / 60) * 60, high: Math.max(60, Math.floor((median + half) / 60) * 60) };
}

function secondsSince(then: Date, now: Date): number {
  return Math.max(0, (now.getTime() - then.getTime()) / 1000);
}

/** mulberry32: a small seeded generator, so the same line always gets the same answer. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
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
