import type { PublicAgent, PublicLocation } from '@warmline/shared';
import { byPartOfDay } from '@warmline/shared/storeCalendar';
import type { AvailabilityResponse } from '@warmline/shared/types';
import { fetchAvailability } from './api.ts';
import { clockTime, dayStrip, firstName, type StripDay, zoneName } from './bookingCalendar.ts';
import { h } from './dom.ts';
import { type Lang, say } from './i18n.ts';

type Slot = AvailabilityResponse['slots'][number];

/** The days, times and people of one service, as the booking and the "change time" screens pick from them. */
export interface Calendar {
  serviceId: string;
  timezone: string;
  days: StripDay[];
  byDay: Map<string, AvailabilityResponse | 'loading' | 'failed'>;
  date: string;
  start: string | null;
}

/** The next 14 days of a service, every day asked for at once; `changed` runs as each answer arrives. */
export function openCalendar(location: PublicLocation, serviceId: string, lang: Lang, changed: () => void): Calendar {
  const days = dayStrip(location.timezone, new Date(), lang);
  const cal: Calendar = {
    serviceId,
    timezone: location.timezone,
    days,
    byDay: new Map(days.map((d) => [d.date, 'loading' as const])),
    date: days[0]!.date,
    start: null,
  };
  reloadCalendar(cal, location.slug, changed);
  return cal;
}

/** Asks for every day; unless `keepDay` (after a time was just taken), the first day with free times is chosen. */
export function reloadCalendar(cal: Calendar, slug: string, changed: () => void, keepDay = false) {
  let picked = keepDay;
  for (const day of cal.days) {
    fetchAvailability(slug, cal.serviceId, day.date)
      .then(
        (answer) => answer,
        () => 'failed' as const,
      )
      .then((answer) => {
        cal.byDay.set(day.date, answer);
        // The first day with free times is chosen once everything before it is known.
        const firstFree = cal.days.find((d) => cal.byDay.get(d.date) === 'loading' || freeOn(cal, d.date) > 0);
        if (!picked && !cal.start && firstFree && cal.byDay.get(firstFree.date) !== 'loading') {
          picked = true;
          cal.date = firstFree.date;
        }
        changed();
      });
  }
}

const slotsOn = (cal: Calendar, date: string): Slot[] => {
  const day = cal.byDay.get(date);
  return typeof day === 'object' ? day.slots : [];
};
const freeOn = (cal: Calendar, date: string) => slotsOn(cal, date).length;

/** The chosen time's slot, with the people free for all of it. */
export function chosenSlot(cal: Calendar): { slot: Slot; staff: PublicAgent[] } | null {
  const day = cal.byDay.get(cal.date);
  if (typeof day !== 'object' || !cal.start) return null;
  const slot = day.slots.find((s) => s.start === cal.start);
  return slot ? { slot, staff: day.staff.filter((p) => slot.people.includes(p.id)) } : null;
}

/** The services as cards, with how long each usually takes. */
export function serviceCards(location: PublicLocation, lang: Lang, pick: (serviceId: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'services book-services' },
    ...location.services.map((s) =>
      h(
        'button',
        { type: 'button', class: 'big service-card', 'data-testid': 'book-service', onclick: () => pick(s.id) },
        h('span', { class: 'service-name' }, s.name),
        h('span', { class: 'service-minutes' }, say(lang, 'aboutMinutes', { n: s.typicalMinutes })),
      ),
    ),
  );
}

/** Days as a strip, the chosen day's times by part of day, and, once a time is chosen, who can see them then. */
export function calendarView(
  cal: Calendar,
  lang: Lang,
  on: { day: (date: string) => void; time: (start: string) => void; person: (agentId: string | null) => void },
): HTMLElement[] {
  const t = (key: Parameters<typeof say>[1], vars?: Record<string, string | number>) => say(lang, key, vars);
  const strip = h(
    'div',
    { class: 'day-strip', role: 'group', 'aria-label': t('pickDay') },
    ...cal.days.map((day) => {
      const known = cal.byDay.get(day.date);
      const full = typeof known === 'object' && known.slots.length === 0;
      return h(
        'button',
        {
          type: 'button',
          class: `day${full ? ' full' : ''}`,
          'aria-pressed': String(day.date === cal.date),
          'data-testid': 'book-day',
          'data-date': day.date,
          'data-full': String(full),
          onclick: () => on.day(day.date),
        },
        h('span', { class: 'weekday' }, day.weekday),
        h('span', { class: 'date' }, day.dayOfMonth),
        h('span', { class: 'month' }, full ? t('noTimes') : day.month),
      );
    }),
  );
  const zone = h(
    'p',
    { class: 'hint zone', 'data-testid': 'book-zone' },
    t('timesIn', { zone: zoneName(cal.timezone, lang, new Date()) }),
  );
  return [h('h2', {}, t('pickDay')), strip, zone, timesOf(cal, lang, on.time), peopleOf(cal, lang, on.person)].filter(
    (n): n is HTMLElement => Boolean(n),
  );
}

function timesOf(cal: Calendar, lang: Lang, pick: (start: string) => void): HTMLElement {
  const day = cal.byDay.get(cal.date);
  if (day === 'loading') return h('p', { class: 'calm' }, say(lang, 'connecting'));
  if (day === 'failed' || !day) return h('p', { class: 'refusal', role: 'alert' }, say(lang, 'tryAgain'));
  if (day.slots.length === 0) return h('p', { class: 'calm', 'data-testid': 'book-no-times' }, say(lang, 'noTimesDay'));
  return h(
    'div',
    { class: 'times' },
    ...byPartOfDay(day.slots, cal.timezone).map((group) =>
      h(
        'section',
        { class: 'part' },
        h('h3', {}, say(lang, group.part)),
        h(
          'div',
          { class: 'time-grid' },
          ...group.slots.map((slot) =>
            h(
              'button',
              {
                type: 'button',
                class: 'time',
                'aria-pressed': String(slot.start === cal.start),
                'data-testid': 'book-time',
                'data-start': slot.start,
                onclick: () => pick(slot.start),
              },
              clockTime(slot.start, cal.timezone, lang),
            ),
          ),
        ),
      ),
    ),
  );
}

function peopleOf(cal: Calendar, lang: Lang, pick: (agentId: string | null) => void): HTMLElement | null {
  const chosen = chosenSlot(cal);
  if (!chosen) return null;
  const card = (testid: string, name: string, hint: string | null, face: HTMLElement, agentId: string | null) =>
    h(
      'button',
      { type: 'button', class: 'person', 'data-testid': testid, onclick: () => pick(agentId) },
      face,
      h('span', { class: 'person-name' }, name, hint ? h('small', {}, hint) : null),
    );
  return h(
    'section',
    { class: 'people', 'data-testid': 'book-people' },
    h('h2', {}, `${say(lang, 'pickPerson')} · ${clockTime(chosen.slot.start, cal.timezone, lang)}`),
    h(
      'div',
      { class: 'people-grid' },
      card(
        'book-anyone',
        say(lang, 'anyone'),
        say(lang, 'anyoneHint'),
        h('span', { class: 'avatar any', 'aria-hidden': 'true' }, '✦'),
        null,
      ),
      ...chosen.staff.map((p) => card('book-person', firstName(p.displayName), null, avatar(p), p.id)),
    ),
  );
}

/** A person's photo, or their initial on the business's colour. */
export function avatar(person: PublicAgent): HTMLElement {
  return person.avatarUrl
    ? h('img', { class: 'avatar', src: person.avatarUrl, alt: '' })
    : h('span', { class: 'avatar', 'aria-hidden': 'true' }, firstName(person.displayName).slice(0, 1).toUpperCase());
}
