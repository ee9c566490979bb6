import type { Holiday } from '@warmline/shared';
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Opening hours per weekday as ["HH:MM", "HH:MM"] in the workspace's time zone; null = closed. "24:00" ends the day. */
export type OpeningHours = Partial<Record<Weekday, [string, string] | null>>;
/** A day (YYYY-MM-DD, local) the usual hours do not hold: closed (`hours: null`) or open at other times. */
export type { Holiday };

const SLOT_MINUTES = 30;
/** A window that has already begun is offered only if this much of it is left. */
const MIN_LEAD_MINUTES = 10;

/** One formatter per time zone: callback windows read hundreds of slots, and a formatter is costly to make. */
const formats = new Map<string, Intl.DateTimeFormat>();
function localFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The weekday, date (YYYY-MM-DD) and minutes since local midnight of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): { weekday: Weekday; date: string; minutes: number } {
  const parts = localFormat(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').toLowerCase().slice(0, 3) as Weekday;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { weekday, date, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when the whole window falls within one day's opening hours (a holiday's own hours that day). */
export function isWithinOpeningHours(
  start: Date,
  end: Date,
  hours: OpeningHours,
  timeZone: string,
  holidays: readonly Holiday[] = [],
): boolean {
  if (end <= start) return false;
  const a = localTime(start, timeZone);
  const b = localTime(new Date(end.getTime() - 60_000), timeZone);
  if (a.date !== b.date) return false;
  const holiday = holidays.find((h) => h.date === a.date);
  const day = holiday ? holiday.hours : hours[a.weekday];
  if (!day) return false;
  const [open, close] = [toMinutes(day[0]), toMinutes(day[1])];
  return a.minutes >= open && b.minutes + 1 <= close;
}

/**
 * The callback windows a customer can choose from: half-hour slots inside opening hours, soonest first.
 * The slot already under way is offered as "now until its end" while enough of it is left.
 */
export function callbackWindows(
  now: Date,
  hours: OpeningHours,
  timeZone: string,
  count = 12,
  minLeadMinutes = MIN_LEAD_MINUTES,
  holidays: readonly Holiday[] = [],
): Array<{ start: Date; end: Date }> {
  const slotMs = SLOT_MINUTES * 60_000;
  const windows: Array<{ start: Date; end: Date }> = [];
  let slotStart = Math.floor(now.getTime() / slotMs) * slotMs;
  const horizon = now.getTime() + 8 * 86_400_000;
  while (windows.length < count && slotStart < horizon) {
    const slotEnd = slotStart + slotMs;
    const start = Math.max(slotStart, now.getTime());
    if (
      slotEnd - start >= Math.max(minLeadMinutes * 60_000, 1) &&
      isWithinOpeningHours(new Date(slotStart), new Date(slotEnd), hours, timeZone, holidays)
    ) {
      windows.push({ start: new Date(start), end: new Date(slotEnd) });
    }
    slotStart = slotEnd;
  }
  return windows;
}

/** A phone number people can be called on: digits with an optional leading +, 7–15 digits (E.164 length). */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return `${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
