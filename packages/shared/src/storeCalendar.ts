/** The store's calendar as its customers see it, wherever their browser is: pure, for the booking page and the widget. */

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** The calendar day (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Noon UTC of each of the next `count` days of the store's calendar from `now`: its date, and a moment whose UTC
 * date is that day, to name it in any language (format with `timeZone: 'UTC'`). No daylight-saving change can skip
 * or repeat a day.
 * @example storeDays(new Date('2031-01-07T22:30:00Z'), 'Africa/Nairobi', 1) // [{ date: '2031-01-08', noon: … }]
 */
export function storeDays(now: Date, timeZone: string, count: number): { date: string; noon: Date }[] {
  const [y, m, d] = dayIn(timeZone, now).split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => {
    const noon = new Date(Date.UTC(y, m - 1, d + i, 12));
    return { date: noon.toISOString().slice(0, 10), noon };
  });
}

/** Morning before 12:00, afternoon until 17:00, evening after, on the store's clock. */
export function partOfDay(iso: string, timeZone: string): PartOfDay {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** Times grouped into morning, afternoon and evening, in order; an empty part is left out. */
export function byPartOfDay<T extends { start: string }>(
  slots: readonly T[],
  timeZone: string,
): { part: PartOfDay; slots: T[] }[] {
  const parts: PartOfDay[] = ['morning', 'afternoon', 'evening'];
  return parts
    .map((part) => ({ part, slots: slots.filter((s) => partOfDay(s.start, timeZone) === part) }))
    .filter((group) => group.slots.length > 0);
}
