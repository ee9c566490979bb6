import type { Callback } from '@warmline/shared';

/** A callback window offered by the server (ISO start and end). */
export interface CallbackWindow {
  start: string;
  end: string;
}

/** A window that starts within this margin of now is offered as "Now". */
const NOW_MARGIN_MS = 60_000;
const DAY_MS = 86_400_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14:05" in the visitor's local time. */
export function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Calendar days from `now` to `d`, in local time (0 = today, 1 = tomorrow), daylight-saving safe. */
function dayOffset(d: Date, now: Date): number {
  const a = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((a - b) / DAY_MS);
}

/** "Today", "Tomorrow" or "Wed 5 Mar" for the local day of `d`. */
export function dayName(d: Date, now: Date): string {
  const n = dayOffset(d, now);
  if (n === 0) return 'Today';
  if (n === 1) return 'Tomorrow';
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

interface WindowParts {
  /** The window has begun (or is about to). */
  now: boolean;
  /** Calendar days from today to the start (0 = today). */
  offset: number;
  /** "Today", "Tomorrow" or "Wed 5 Mar". */
  day: string;
  /** "14:00–14:30" (the end's day added when it falls on another day). */
  range: string;
  end: string;
}

function parts(w: CallbackWindow, now: Date): WindowParts | null {
  const s = parse(w.start);
  const e = parse(w.end);
  if (!s || !e) return null;
  const endDay = dayOffset(e, s) === 0 ? '' : `${dayName(e, now)} `;
  return {
    now: s.getTime() <= now.getTime() + NOW_MARGIN_MS,
    offset: dayOffset(s, now),
    day: dayName(s, now),
    range: `${hhmm(s)}–${endDay}${hhmm(e)}`,
    end: hhmm(e),
  };
}

/** The label for a window in the visitor's local time: "Now – 14:30", "Today 14:00–14:30", "Tomorrow 09:00–09:30". */
export function windowLabel(w: CallbackWindow, now: Date): string {
  const p = parts(w, now);
  if (!p) return `${w.start} – ${w.end}`;
  return p.now ? `Now – ${p.end}` : `${p.day} ${p.range}`;
}

/** Windows still worth offering (not yet over), in time order. */
export function openWindows(windows: readonly CallbackWindow[], now: Date): CallbackWindow[] {
  return windows
    .filter((w) => {
      const e = parse(w.end);
      return !!e && e.getTime() > now.getTime() && !!parse(w.start);
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** True while a booked callback is still to happen: it replaces the wait in the header. */
export function isActiveCallback(cb: Callback | null | undefined): cb is Callback {
  return !!cb && (cb.status === 'scheduled' || cb.status === 'due');
}

/** The header line for a booked callback, e.g. "Amina will call you today, 14:00–14:30". */
export function callbackStatus(cb: Callback, now: Date, phone = ''): string {
  const who = `${cb.owner?.displayName ? `${cb.owner.displayName} will call you` : 'We’ll call you'}${phone ? ` on ${phone}` : ''}`;
  const p = parts({ start: cb.windowStart, end: cb.windowEnd }, now);
  if (!p) return `${who} soon`;
  if (p.now) return `${who} by ${p.end}`;
  const when = p.offset <= 1 ? p.day.toLowerCase() : `on ${p.day}`;
  return `${who} ${when}, ${p.range}`;
}

/** What the visitor is told after booking when the server's own sentence is not at hand (e.g. after a reload). */
export function callbackConfirmation(cb: Callback, now: Date): string {
  return `${callbackStatus(cb, now, cb.phone)}. You keep your place in line.`;
}
