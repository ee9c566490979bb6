import { z } from 'zod';
import { contrastWithWhite, HEX_COLOUR, MIN_WIDGET_CONTRAST } from './colour.ts';

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'times are HH:MM, e.g. 09:00 or 24:00' });
/** One day's hours as ["HH:MM", "HH:MM"] in the workspace's time zone; null: closed. */
export const DayHours = z
  .tuple([HourMinute, HourMinute])
  .nullable()
  .refine((d) => d === null || d[0] < d[1], { message: 'a day must open before it closes' });

export const WidgetColor = z
  .string()
  .regex(HEX_COLOUR, { message: 'widgetColor is a colour written as #RRGGBB, e.g. #c2410c' })
  .refine((c) => contrastWithWhite(c) >= MIN_WIDGET_CONTRAST, {
    message: `widgetColor is too light: white text on it must reach a contrast of ${MIN_WIDGET_CONTRAST}:1 — pick a darker shade`,
  })
  .transform((c) => c.toLowerCase());

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
export const Currency = z.string().refine((c) => /^[A-Z]{3}$/.test(c) && knownCurrencies.has(c), {
  message: 'currency is a three-letter ISO 4217 code such as EUR, KES or USD',
});

function canonicalLanguage(tag: string): string | null {
  try {
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? (Intl.getCanonicalLocales(tag)[0] ?? null) : null;
  } catch {
    return null;
  }
}
export const Languages = z
  .array(z.string().max(35))
  .min(1, { message: 'languages needs at least one language' })
  .max(20)
  .superRefine((tags, ctx) => {
    for (const tag of tags) {
      if (!canonicalLanguage(tag))
        ctx.addIssue({ code: 'custom', message: `languages: "${tag}" is not a language tag such as en or sw-KE` });
    }
  })
  .transform((tags) => [...new Set(tags.map((t) => canonicalLanguage(t)!))]);

const isCalendarDate = (d: string) => {
  const parsed = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
};
/** A day the usual hours do not hold: closed (`hours: null`) or open at other times. */
export const Holiday = z.object({
  date: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isCalendarDate(d), {
    message: 'holidays: a date is YYYY-MM-DD and a real day of the calendar, e.g. 2026-12-25',
  }),
  name: z.string().trim().min(1, { message: 'holidays: each day needs a name, e.g. Christmas Day' }).max(80),
  hours: DayHours,
});
export type Holiday = z.infer<typeof Holiday>;
export const Holidays = z
  .array(Holiday)
  .max(366)
  .superRefine((days, ctx) => {
    const seen = new Set<string>();
    for (const day of days) {
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', message: `holidays: ${day.date} is listed twice` });
      seen.add(day.date);
    }
  })
  .transform((days) => [...days].sort((a, b) => a.date.localeCompare(b.date)));

export const Greeting = z
  .string()
  .trim()
  .min(1, { message: 'greeting must not be empty' })
  .max(280, { message: 'greeting is at most 280 characters' });

/** What the widget shows before anyone writes: public, the same for every visitor, cached by browsers for a minute. */
export const WidgetConfig = z.object({
  name: z.string(),
  greeting: z.string(),
  /** #RRGGBB: the launcher, the header and the customer's own bubbles. */
  color: z.string(),
  /** The workspace's logo, served by Warmline (`/files/…`), or null. */
  logoUrl: z.string().nullable(),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;
export const WidgetConfigParams = z.object({ key: z.string().min(1).max(100) });

/** A week's opening hours: each day open ["HH:MM", "HH:MM"], closed (null), or left out (closed). */
export const OpeningHours = z.object({
  mon: DayHours.optional(),
  tue: DayHours.optional(),
  wed: DayHours.optional(),
  thu: DayHours.optional(),
  fri: DayHours.optional(),
  sat: DayHours.optional(),
  sun: DayHours.optional(),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'timezone must be an IANA time zone such as Africa/Nairobi' },
);

/** A team's own hours (a store, a night shift), where they differ from the workspace's. */
export const TeamHours = z.object({
  timezone: Timezone,
  openingHours: OpeningHours,
  holidays: Holidays.default([]),
});
export type TeamHours = z.infer<typeof TeamHours>;
