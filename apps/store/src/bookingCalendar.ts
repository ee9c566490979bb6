import type { Lang } from './i18n.ts';

/** A day in the booking strip, in the store's calendar. */
export interface StripDay {
  /** YYYY-MM-DD, as the availability route takes it. */
  date: string;
  weekday: string;
  dayOfMonth: string;
  month: string;
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** British order for English ("Thursday 9 January"); the others as their language writes dates. */
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : lang);

/** The calendar day (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The next `count` days from today in the store's time zone, named in `lang`.
 * @example dayStrip('Africa/Nairobi', new Date(), 'en')[0] // { date: '2027-01-07', weekday: 'Thu', dayOfMonth: '7', month: 'Jan' }
 */
export function dayStrip(timeZone: string, now: Date, lang: Lang, count = 14): StripDay[] {
  const [y, m, d] = dayIn(timeZone, now).split('-').map(Number) as [number, number, number];
  const name = (noon: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', ...options }).format(noon);
  return Array.from({ length: count }, (_, i) => {
    // Noon UTC of the store's day i: its name never depends on the browser's own zone.
    const noon = new Date(Date.UTC(y, m - 1, d + i, 12));
    return {
      date: noon.toISOString().slice(0, 10),
      weekday: name(noon, { weekday: 'short' }),
      dayOfMonth: String(noon.getUTCDate()),
      month: name(noon, { month: 'short' }),
    };
  });
}

const hourIn = (iso: string, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));

/** Morning before 12:00, afternoon until 17:00, evening after, on the store's clock. */
export function partOfDay(iso: string, timeZone: string): PartOfDay {
  const hour = hourIn(iso, timeZone);
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** Times grouped into morning, afternoon and evening, in order; an empty part is left out. */
export function groupByPartOfDay<T extends { start: string }>(slots: T[], timeZone: string): { part: PartOfDay; slots: T[] }[] {
  const parts: PartOfDay[] = ['morning', 'afternoon', 'evening'];
  return parts
    .map((part) => ({ part, slots: slots.filter((s) => partOfDay(s.start, timeZone) === part) }))
    .filter((group) => group.slots.length > 0);
}

/** "15:00" on the store's clock. */
export function clockTime(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** "Thursday 9 January, 15:00" on the store's clock. */
export function longWhen(iso: string, timeZone: string, lang: Lang): string {
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(iso),
  );
  return `${day}, ${clockTime(iso, timeZone, lang)}`;
}

/** The store's zone as people say it ("East Africa Time"), for the label beside the times. */
export function zoneName(timeZone: string, lang: Lang, at: Date): string {
  const parts = new Intl.DateTimeFormat(locale(lang), { timeZone, timeZoneName: 'long' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The first word of a display name: people are named as they would introduce themselves at the counter. */
export const firstName = (displayName: string) => displayName.split(' ')[0] ?? displayName;

const icsStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const icsEscape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (new TextEncoder().encode(rest).length > 75) {
    let cut = 74;
    while (new TextEncoder().encode(rest.slice(0, cut)).length > 74) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

/**
 * An iCalendar event for the customer's own calendar, made in the page: nothing is asked of the server.
 * @example icsText({ uid: 'a1', start, end, summary: 'Returns with Amina', location: 'Westlands', description: url, now })
 */
export function icsText(event: {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
  now: Date;
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Warmline//Store booking//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}@warmline`,
    `DTSTAMP:${icsStamp(event.now.toISOString())}`,
    `DTSTART:${icsStamp(event.start)}`,
    `DTEND:${icsStamp(event.end)}`,
    `SUMMARY:${icsEscape(event.summary)}`,
    `LOCATION:${icsEscape(event.location)}`,
    `DESCRIPTION:${icsEscape(event.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
