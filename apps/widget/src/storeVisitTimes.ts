import { byPartOfDay, type PartOfDay, storeDays } from '@warmline/shared/storeCalendar';

/** A day a store visit may be booked on: its calendar date in the store's time zone, and how to name it. */
export interface VisitDay {
  date: string;
  label: string;
}

/** A bookable time as the availability lists it: who is free for the whole service then. */
export interface VisitSlot {
  start: string;
  end: string;
  people: string[];
}

/** Times of one part of the day, for an <optgroup>. */
export interface TimeGroup {
  label: string;
  times: Array<{ start: string; label: string }>;
}

const PART_LABELS: Record<PartOfDay, string> = { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' };

function parts(at: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).formatToParts(at)) out[p.type] = p.value;
  return out;
}

/**
 * The next `count` days from `now` as the store's calendar has them ("Today", "Tomorrow", then "Fri 10 Jan":
 * short enough for half the widget's width).
 *
 * @example nextDays(new Date('2031-01-07T22:30:00Z'), 'Africa/Nairobi')[0] // { date: '2031-01-08', label: 'Today' }
 */
export function nextDays(now: Date, timeZone: string, count = 7): VisitDay[] {
  return storeDays(now, timeZone, count).map(({ date, noon }, i) => {
    const d = parts(noon, 'UTC', { weekday: 'short', day: 'numeric', month: 'short' });
    return { date, label: i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : `${d.weekday} ${d.day} ${d.month}` };
  });
}

/**
 * The times free with `person` (null: with anyone), in the store's clock, grouped into morning, afternoon and
 * evening; empty parts are left out.
 */
export function timeGroups(slots: readonly VisitSlot[], timeZone: string, person: string | null): TimeGroup[] {
  const free = slots.filter((slot) => slot.people.length > 0 && (!person || slot.people.includes(person)));
  return byPartOfDay(free, timeZone).map(({ part, slots: times }) => ({
    label: PART_LABELS[part],
    times: times.map((slot) => {
      const t = parts(new Date(slot.start), timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      return { start: slot.start, label: `${t.hour}:${t.minute}` };
    }),
  }));
}
