import { newClientId } from '@warmline/realtime-client';
import type { Appointment, PublicLocation } from '@warmline/shared';
import { type BookingAnswer, bookAppointment, fetchLocation } from './api.ts';
import { firstName, longWhen } from './bookingCalendar.ts';
import { appointmentScreen, type Manage, manageAppointment } from './bookingManage.ts';
import { type Calendar, calendarView, chosenSlot, openCalendar, reloadCalendar, serviceCards } from './bookingPicker.ts';
import { header, rememberLang } from './chrome.ts';
import { boundInput, h, pageForm, sleepUntilOnline, useBrandColour } from './dom.ts';
import { type Key, type Lang, say } from './i18n.ts';

export type Screen =
  | 'loading'
  | 'service'
  | 'time'
  | 'details'
  | 'sending'
  | 'booked'
  | 'manage'
  | 'ended'
  | 'expired'
  | 'invalid';

/** Everything the booking page holds; what was typed survives a time that was just taken. */
export interface Booking {
  slug: string;
  lang: Lang;
  location: PublicLocation | null;
  screen: Screen;
  calendar: Calendar | null;
  agentId: string | null;
  name: string;
  contact: string;
  errors: { name?: Key; contact?: Key };
  /** A calm sentence above the calendar or the form: a time just taken, a network that failed. */
  notice: Key | null;
  clientId: string;
  appointment: Appointment | null;
  manage: Manage;
}

/**
 * The public booking page `/book/<slug>`: a service, a day and time in the store's zone, anyone or a named person,
 * then a name and a contact; and, with `?appointment=<token>`, the customer's own booking to move or cancel.
 */
export function startBookingPage(root: HTMLElement, slug: string, lang: Lang, token: string | null) {
  const b: Booking = {
    slug,
    lang,
    location: null,
    screen: 'loading',
    calendar: null,
    agentId: null,
    name: '',
    contact: '',
    errors: {},
    notice: null,
    clientId: newClientId(),
    appointment: null,
    manage: { asking: 'nothing', notice: null },
  };
  const t = (key: Key, vars?: Record<string, string | number>) => say(b.lang, key, vars);

  const go = (screen: Screen) => {
    b.screen = screen;
    render();
    window.scrollTo({ top: 0 });
  };

  const render = () => {
    const top = header({
      lang: b.lang,
      business: b.location?.business.name ?? '',
      logoUrl: b.location?.business.logoUrl ?? null,
      place: b.location?.name ?? '',
      onLang: (next) => {
        b.lang = next;
        rememberLang(next);
        render();
      },
    });
    root.replaceChildren(top, h('main', { class: `screen book book-${b.screen}`, 'data-screen': b.screen }, ...screenOf()));
  };

  const screenOf = (): (Node | string)[] => {
    const loc = b.location;
    if (b.screen === 'sending')
      return [
        h('div', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
        h('h1', { role: 'status' }, t('booking')),
      ];
    if (
      b.screen === 'manage' ||
      b.screen === 'booked' ||
      b.screen === 'ended' ||
      b.screen === 'expired' ||
      b.screen === 'invalid'
    ) {
      return appointmentScreen(b, t, controls);
    }
    if (!loc) return [h('p', { class: 'calm' }, t('connecting'))];
    const place = h(
      'p',
      { class: 'address', 'data-testid': 'book-address' },
      [loc.name, loc.address].filter(Boolean).join(' · '),
    );
    if (b.screen === 'service' || !b.calendar) {
      return [
        h('h1', {}, t('bookTime')),
        place,
        h('p', { class: 'calm' }, t('bookIntro')),
        h('h2', {}, t('pickService')),
        serviceCards(loc, b.lang, pickService),
      ];
    }
    const service = loc.services.find((s) => s.id === b.calendar?.serviceId);
    const notice = b.notice ? h('p', { class: 'notice', role: 'status', 'data-testid': 'book-notice' }, t(b.notice)) : null;
    if (b.screen === 'details') return detailsForm(service?.name ?? '', notice);
    return [
      h('h1', {}, service?.name ?? ''),
      place,
      notice ?? '',
      ...calendarView(b.calendar, b.lang, { day: pickDay, time: pickTime, person: pickPerson }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'big quiet', onclick: () => go('service') }, t('back')),
      ),
    ];
  };

  const detailsForm = (service: string, notice: HTMLElement | null) => {
    const cal = b.calendar!;
    const chosen = chosenSlot(cal);
    const person = chosen?.staff.find((p) => p.id === b.agentId);
    const field = (name: 'name' | 'contact', label: Key, attrs: Record<string, string | boolean>, hint?: Key) => {
      const error = b.errors[name];
      return [
        h('label', { for: `book-${name}` }, t(label)),
        boundInput(b, name, `book-${name}`, {
          ...attrs,
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': error ? `book-${name}-error` : undefined,
        }),
        error ? h('p', { class: 'field-error', id: `book-${name}-error`, 'data-testid': `book-${name}-error` }, t(error)) : null,
        hint ? h('p', { class: 'hint' }, t(hint)) : null,
      ];
    };
    const form = pageForm(
      () => void submit(),
      h('h1', {}, t('withWhom', { service, person: person ? firstName(person.displayName) : t('anyone') })),
      h('p', { class: 'calm', 'data-testid': 'book-when' }, cal.start ? longWhen(cal.start, cal.timezone, b.lang) : ''),
      notice,
      ...field('name', 'yourName', { autocomplete: 'name', required: true, maxlength: '80', enterkeyhint: 'next' }),
      ...field(
        'contact',
        'contactNeededLabel',
        { type: 'text', inputmode: 'email', autocomplete: 'email', required: true, maxlength: '120', enterkeyhint: 'go' },
        'reminderHint',
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'big quiet', onclick: () => go('time') }, t('back')),
        h('button', { type: 'submit', class: 'big', 'data-testid': 'book-submit' }, t('bookThis')),
      ),
    );
    return [form];
  };

  const changed = () => {
    if (b.screen === 'time' || (b.screen === 'manage' && b.manage.asking === 'time')) render();
  };

  const pickService = (serviceId: string) => {
    b.calendar = openCalendar(b.location!, serviceId, b.lang, changed);
    b.notice = null;
    go('time');
  };
  const pickDay = (date: string) => {
    Object.assign(b.calendar!, { date, start: null });
    render();
  };
  const pickTime = (start: string) => {
    b.calendar!.start = start;
    render();
  };
  const pickPerson = (agentId: string | null) => {
    b.agentId = agentId;
    b.errors = {};
    go('details');
    if (!b.name) root.querySelector<HTMLInputElement>('#book-name')?.focus();
  };

  const submit = async () => {
    const cal = b.calendar!;
    b.errors = {
      ...(b.name.trim() ? {} : { name: 'nameNeeded' as const }),
      ...(b.contact.trim() ? {} : { contact: 'contactNeeded' as const }),
    };
    if (b.errors.name || b.errors.contact) return render();
    go('sending');
    const body = {
      clientId: b.clientId,
      serviceId: cal.serviceId,
      start: cal.start,
      agentId: b.agentId,
      name: b.name.trim(),
      contact: b.contact.trim(),
    };
    let answer: BookingAnswer = await bookAppointment(slug, body);
    // A network blip: the same clientId again, so a booking whose answer was lost is answered, not made twice.
    for (let attempt = 0; !answer.ok && answer.status === 0 && attempt < 3; attempt++) {
      await sleepUntilOnline(1000 * 2 ** attempt);
      answer = await bookAppointment(slug, body);
    }
    booked(answer);
  };

  const booked = (answer: BookingAnswer) => {
    b.notice = null;
    if (answer.ok) {
      b.appointment = answer.appointment;
      return go('booked');
    }
    if (answer.status === 0) {
      b.notice = 'tryAgain';
      return go('details');
    }
    b.clientId = newClientId();
    if (answer.full || answer.field === 'start') return timeTaken(answer.full ? 'justTaken' : 'timeGone');
    if (answer.field === 'name') b.errors = { name: 'nameNeeded' };
    else if (answer.field === 'contact') b.errors = { contact: 'contactInvalid' };
    else b.notice = 'tryAgain';
    go('details');
  };

  /** The calendar again, as it is now, with a calm word; the name and contact stay as typed. */
  const timeTaken = (notice: Key) => {
    b.notice = notice;
    b.calendar!.start = null;
    for (const day of b.calendar!.days) b.calendar!.byDay.set(day.date, 'loading');
    reloadCalendar(b.calendar!, slug, changed, true);
    go('time');
  };

  const controls = manageAppointment(b, {
    render,
    go,
    changed,
    calendarFor: (serviceId) => openCalendar(b.location!, serviceId, b.lang, changed),
    bookAgain: () => {
      const url = new URL(location.href);
      url.searchParams.delete('appointment');
      history.replaceState(null, '', url);
      Object.assign(b, { appointment: null, calendar: null, notice: null, manage: { asking: 'nothing', notice: null } });
      go(b.location ? 'service' : 'loading');
    },
    pick: { day: pickDay, time: pickTime },
  });

  const start = async (attempt = 0): Promise<void> => {
    try {
      b.location = await fetchLocation(slug);
      useBrandColour(b.location.business.color);
    } catch {
      await sleepUntilOnline(Math.min(15_000, 1000 * 2 ** attempt));
      return start(attempt + 1);
    }
    if (b.screen === 'loading') go('service');
    else render();
  };

  document.documentElement.classList.add('booking');
  rememberLang(lang);
  render();
  if (token) void controls.open(token);
  void start();
  document.title = t('bookTime');
}
