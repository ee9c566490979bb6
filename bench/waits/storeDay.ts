import { walkInWaits } from '../../apps/server/src/modules/store/domain/walkInWait.ts';
import { exponential, mulberry32, normal } from '../routing/waitSimulation.ts';

/** A service as the store knows it (typical minutes) and as it really goes (median minutes, spread). */
interface Service {
  name: string;
  share: number;
  typicalMinutes: number;
  medianMinutes: number;
  sigma: number;
}

export const SERVICES: readonly Service[] = [
  { name: 'Returns', share: 0.5, typicalMinutes: 8, medianMinutes: 7, sigma: 0.45 },
  { name: 'Orders', share: 0.3, typicalMinutes: 5, medianMinutes: 5, sigma: 0.4 },
  { name: 'Advice', share: 0.2, typicalMinutes: 20, medianMinutes: 22, sigma: 0.5 },
];

/** A day's shape: walk-ins arriving per hour, staff on the floor per hour, appointments booked per hour. */
export interface DayShape {
  name: string;
  arrivalsPerHour: readonly number[];
  staffPerHour: readonly number[];
  appointmentsPerHour?: readonly number[];
}

export const DAY_SHAPES: readonly DayShape[] = [
  { name: 'quiet', arrivalsPerHour: [6, 8, 8, 10, 8, 8, 6, 6], staffPerHour: [2, 2, 2, 2, 2, 2, 2, 2] },
  { name: 'morning peak', arrivalsPerHour: [30, 36, 24, 12, 10, 10, 8, 8], staffPerHour: [3, 4, 4, 3, 3, 3, 2, 2] },
  { name: 'understaffed afternoon', arrivalsPerHour: [14, 16, 18, 18, 18, 16, 14, 12], staffPerHour: [4, 4, 4, 4, 2, 2, 2, 2] },
  {
    name: 'appointments mixed into walk-ins',
    arrivalsPerHour: [8, 10, 12, 12, 10, 10, 9, 8],
    staffPerHour: [3, 3, 3, 3, 3, 3, 3, 3],
    appointmentsPerHour: [2, 2, 3, 2, 2, 3, 2, 2],
  },
];

const HOUR = 3600;
const DAY_START = Date.UTC(2031, 0, 8, 6);
/** Visits of the day so far teach the estimators how long services take; until then, typical minutes. */
const LEARN_AFTER = 5;
/** The recent visits of a service the estimator draws from. */
const HISTORY = 60;

export interface Scored {
  /** Walk-ins scored (arrived while someone was on the floor, and served). */
  customers: number;
  /** Share whose actual wait fell inside the range shown at arrival. */
  coverage: number;
  /** Mean absolute error of Warmline's midpoint, and of the standard estimator, in seconds. */
  maeWarmline: number;
  maeStandard: number;
  meanWait: number;
  /** The widest range shown, relative to the allowed max(2 min, midpoint): ≤ 1 everywhere. */
  widestRangeRatio: number;
}

interface Visit {
  kind: 'walk-in' | 'appointment';
  at: number;
  service: number;
  seconds: number;
}

/**
 * One simulated store day, deterministic for a seed: Poisson walk-ins, log-normal service times by service, staff per
 * hour, and appointments that take the first free person at their time ahead of walk-ins. At each walk-in's arrival
 * both estimators see only what the store can see — who waits with which service, who is at the counter and for how
 * long, the staff on the floor, the day's appointments and what services took so far today — and their guesses are
 * scored against the wait that followed.
 */
export function simulateStoreDay(shape: DayShape, seed: number, opts: { oracle?: boolean } = {}): Scored {
  const random = mulberry32(seed);
  const pickService = () => {
    const u = random();
    let below = 0;
    for (const [i, s] of SERVICES.entries()) {
      below += s.share;
      if (u < below) return i;
    }
    return SERVICES.length - 1;
  };
  const duration = (i: number) => SERVICES[i]!.medianMinutes * 60 * Math.exp(SERVICES[i]!.sigma * normal(random));
  const hours = shape.arrivalsPerHour.length;
  // The bound: an estimator that knows each service's true spread (not any one visit's length).
  const oracleRandom = mulberry32(seed + 1_000_003);
  const oracleTook = SERVICES.map((s) =>
    Array.from({ length: 400 }, () => s.medianMinutes * 60 * Math.exp(s.sigma * normal(oracleRandom))),
  );
  const walkIns: Visit[] = [];
  for (let h = 0; h < hours; h++) {
    const rate = shape.arrivalsPerHour[h]! / HOUR;
    for (let t = h * HOUR + exponential(random, rate); t < (h + 1) * HOUR; t += exponential(random, rate)) {
      const service = pickService();
      walkIns.push({ kind: 'walk-in', at: t, service, seconds: duration(service) });
    }
  }
  const appointments: Visit[] = [];
  for (let h = 0; h < hours; h++) {
    const n = shape.appointmentsPerHour?.[h] ?? 0;
    for (let k = 0; k < n; k++) {
      // Booked on the quarter hours, mostly for advice.
      const at = h * HOUR + Math.floor((k * 4) / n) * 900;
      const service = random() < 0.7 ? 2 : pickService();
      appointments.push({ kind: 'appointment', at, service, seconds: duration(service) });
    }
  }
  appointments.sort((a, b) => a.at - b.at);

  const staffAt = (t: number) => shape.staffPerHour[Math.min(hours - 1, Math.floor(t / HOUR))] ?? 0;
  // Each member of staff: busy until, and with whom.
  const counter: Array<{ until: number; visit: Visit | null; startedAt: number }> = [];
  const line: Visit[] = [];
  const done: Record<number, number[]> = {};
  const starts = new Map<Visit, number>();
  const guesses = new Map<Visit, { low: number; high: number; mid: number; standard: number }>();
  let widest = 0;
  let nextWalkIn = 0;
  let nextAppointment = 0;

  const learned = (i: number) => {
    const took = done[i] ?? [];
    return took.length >= LEARN_AFTER ? took.reduce((a, b) => a + b, 0) / took.length / 60 : SERVICES[i]!.typicalMinutes;
  };
  const startService = (slot: (typeof counter)[number], visit: Visit, t: number) => {
    slot.until = t + visit.seconds;
    slot.visit = visit;
    slot.startedAt = t;
    starts.set(visit, t);
  };
  // Free staff take due appointments first, then the line in order.
  const dispatch = (t: number) => {
    const onFloor = staffAt(t);
    while (counter.length < onFloor) counter.push({ until: t, visit: null, startedAt: t });
    for (const [i, slot] of counter.entries()) {
      if (slot.until > t) continue;
      if (slot.visit) {
        done[slot.visit.service] = [...(done[slot.visit.service] ?? []), slot.until - slot.startedAt];
        slot.visit = null;
      }
      // Someone whose shift is over finishes with the person in front of them and takes nobody new.
      if (i >= onFloor) continue;
      const due = appointments[nextAppointment];
      if (due && due.at <= t) {
        nextAppointment++;
        startService(slot, due, t);
      } else if (line.length) startService(slot, line.shift()!, t);
    }
  };
  const guess = (visit: Visit, t: number) => {
    const onFloor = Math.min(staffAt(t), counter.length);
    const busy = counter.slice(0, onFloor).filter((s) => s.until > t && s.visit);
    const took = (i: number) => (opts.oracle ? oracleTook[i]! : (done[i] ?? []).slice(-HISTORY));
    const waits = walkInWaits(
      [
        ...busy.map((s) => ({
          status: 'called' as const,
          minutes: learned(s.visit!.service),
          calledAt: new Date(DAY_START + s.startedAt * 1000),
          took: took(s.visit!.service),
        })),
        ...[...line, visit].map((v) => ({
          status: 'waiting' as const,
          minutes: learned(v.service),
          calledAt: null,
          took: took(v.service),
        })),
      ],
      staffAt(t),
      new Date(DAY_START + t * 1000),
      appointments
        .slice(nextAppointment)
        .map((a) => ({ inSeconds: Math.max(0, a.at - t), minutes: learned(a.service), took: took(a.service) })),
    );
    const range = waits.at(-1)!.range;
    if (!range) return;
    // The contact-centre standard: nothing when someone is free, else (position in line) × AHT ÷ staff.
    const everyone = Object.values(done).flat();
    const aht = everyone.length ? everyone.reduce((a, b) => a + b, 0) / everyone.length : 10 * 60;
    const free = onFloor - busy.length;
    const standard = free > 0 && line.length === 0 ? 0 : ((line.length + 1) * aht) / Math.max(1, staffAt(t));
    const mid = (range.low + range.high) / 2;
    widest = Math.max(widest, (range.high - range.low) / Math.max(120, mid));
    guesses.set(visit, { ...range, mid, standard });
  };

  const events = (): number =>
    Math.min(
      walkIns[nextWalkIn]?.at ?? Number.POSITIVE_INFINITY,
      // An appointment already due waits for the next person free: that completion is its event.
      ...appointments
        .slice(nextAppointment)
        .map((a) => a.at)
        .filter((at) => at > lastT)
        .slice(0, 1),
      ...counter.filter((s) => s.visit).map((s) => s.until),
      ...Array.from({ length: hours }, (_, h) => h * HOUR).filter((s) => s > lastT),
    );
  let lastT = -1;
  for (let t = events(); Number.isFinite(t); t = events()) {
    lastT = t;
    dispatch(t);
    while (walkIns[nextWalkIn] && walkIns[nextWalkIn]!.at <= t) {
      const visit = walkIns[nextWalkIn++]!;
      guess(visit, t);
      line.push(visit);
      dispatch(t);
    }
    if (!walkIns[nextWalkIn] && !line.length && nextAppointment >= appointments.length && counter.every((s) => !s.visit)) break;
  }

  let inside = 0;
  let errW = 0;
  let errS = 0;
  let waitSum = 0;
  let n = 0;
  for (const [visit, g] of guesses) {
    const start = starts.get(visit);
    if (start === undefined) continue;
    const wait = start - visit.at;
    n++;
    waitSum += wait;
    if (wait >= g.low && wait <= g.high) inside++;
    errW += Math.abs(g.mid - wait);
    errS += Math.abs(g.standard - wait);
  }
  return {
    customers: n,
    coverage: n ? inside / n : 0,
    maeWarmline: n ? errW / n : 0,
    maeStandard: n ? errS / n : 0,
    meanWait: n ? waitSum / n : 0,
    widestRangeRatio: widest,
  };
}
