const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calm, short duration: "<1 min", "3 min", "1 h 5 min", "2 d". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${Math.floor(ms / DAY)} d`;
}

/** A call's running time: "3:05". */
export function callClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Time since an ISO instant, never negative (clocks drift between server and browser). */
export function since(iso: string, now: number): number {
  return Math.max(0, now - Date.parse(iso));
}

/** Waiting rows older than this get a warm highlight. */
export const LONG_WAIT_MS = 2 * MINUTE;

/** "14:05" today, "Mon 14:05" within a week, otherwise "3 Jan 14:05". */
export function formatClock(iso: string, now: number): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return time;
  if (now - date.getTime() < 6 * DAY) return `${date.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/** A day, for history: the time if today, "3 Jan" this year, "3 Jan 2024" before. */
export function formatDay(iso: string, now: number): string {
  const date = new Date(iso);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString())
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.getFullYear() === today.getFullYear()) return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * "Reply promised by 15:30 (in 20 min)" or "… (overdue by 5 min)"; once a reply kept it, "Promised reply sent at 15:12"
 * (and whether it was late).
 */
export function formatPromise(
  iso: string,
  now: number,
  outcome: { keptAt?: string | null | undefined; missedAt?: string | null | undefined } = {},
): { text: string; overdue: boolean } {
  const due = Date.parse(iso);
  const at = formatClock(iso, now);
  if (outcome.keptAt) {
    const late = Date.parse(outcome.keptAt) > due || Boolean(outcome.missedAt);
    return {
      text: `Promised reply sent at ${formatClock(outcome.keptAt, now)}${late ? ' (late)' : ' (in time)'}`,
      overdue: false,
    };
  }
  if (due >= now) return { text: `Reply promised by ${at} (in ${formatDuration(due - now)})`, overdue: false };
  return { text: `Reply promised by ${at} (overdue by ${formatDuration(now - due)})`, overdue: true };
}
