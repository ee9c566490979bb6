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
  const today = parts(now, timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  const days: VisitDay[] = [];
  for (let i = 0; i < count; i++) {
    // Noon UTC of the store's calendar day: the date arithmetic never meets a daylight-saving change.
    const noon = new Date(Date.UTC(Number(today.year), Number(today.month) - 1, Number(today.day) + i, 12));
    const d = parts(noon, 'UTC', { weekday: 'short', day: 'numeric', month: 'short' });
    const name = `${d.weekday} ${d.day} ${d.month}`;
    days.push({
      date: noon.toISOString().slice(0, 10),
      label: i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : name,
    });
  }
  return days;
}

/**
 * The times free with `person` (null: with anyone), in the store's clock, grouped into morning, afternoon and
 * evening; empty parts are left out.
 */
export function timeGroups(slots: readonly VisitSlot[], timeZone: string, person: string | null): TimeGroup[] {
  const groups: TimeGroup[] = [
    { label: 'Morning', times: [] },
    { label: 'Afternoon', times: [] },
    { label: 'Evening', times: [] },
  ];
  for (const slot of slots) {
    if (!slot.people.length || (person && !slot.people.includes(person))) continue;
    const t = parts(new Date(slot.start), timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const hour = Number(t.hour);
    groups[hour < 12 ? 0 : hour < 17 ? 1 : 2]?.times.push({ start: slot.start, label: `${t.hour}:${t.minute}` });
  }
  return groups.filter((g) => g.times.length > 0);
}
