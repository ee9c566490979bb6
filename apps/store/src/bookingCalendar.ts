import { storeDays } from '@warmline/shared/storeCalendar';
import type { Lang } from './i18n.ts';

/** A day in the booking strip, in the store's calendar. */
export interface StripDay {
  /** YYYY-MM-DD, as the availability route takes it. */
  date: string;
  weekday: string;
  dayOfMonth: string;
  month: string;
}

/** British order for English ("Thursday 9 January"); the others as their language writes dates. */
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : lang);

/**
 * The next `count` days from today in the store's time zone, named in `lang`.
 * @example dayStrip('Africa/Nairobi', new Date(), 'en')[0] // { date: '2027-01-07', weekday: 'Thu', dayOfMonth: '7', month: 'Jan' }
 */
export function dayStrip(timeZone: string, now: Date, lang: Lang, count = 14): StripDay[] {
  const name = (noon: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', ...options }).format(noon);
  return storeDays(now, timeZone, count).map(({ date, noon }) => ({
    date,
    weekday: name(noon, { weekday: 'short' }),
    dayOfMonth: String(noon.getUTCDate()),
    month: name(noon, { month: 'short' }),
  }));
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
