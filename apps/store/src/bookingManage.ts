import type { Appointment } from '@warmline/shared';
import { appointmentUrl, type BookingAnswer, cancelAppointment, readAppointment, rescheduleAppointment } from './api.ts';
import { firstName, icsText, longWhen } from './bookingCalendar.ts';
import type { Booking, Screen } from './bookingPage.ts';
import { type Calendar, calendarView, reloadCalendar } from './bookingPicker.ts';
import { h, sleepUntilOnline } from './dom.ts';
import { type Key, type Lang, say } from './i18n.ts';

/** The customer's own booking, through its link: what they are being asked, and the last change's calm word. */
export interface Manage {
  asking: 'nothing' | 'cancel' | 'time';
  notice: Key | null;
}

type T = (key: Key, vars?: Record<string, string | number>) => string;

interface Deps {
  render: () => void;
  go: (screen: Screen) => void;
  changed: () => void;
  calendarFor: (serviceId: string) => Calendar;
  bookAgain: () => void;
  pick: { day: (date: string) => void; time: (start: string) => void };
}

export type ManageControls = ReturnType<typeof manageAppointment>;

/** "Returns with Amina at Westlands, Thursday 9 January, 15:00", in the customer's language and the store's clock. */
export function appointmentSentence(a: Appointment, lang: Lang): string {
  return say(lang, 'bookedText', {
    service: a.service,
    person: firstName(a.person.displayName),
    place: a.location.name,
    when: longWhen(a.start, a.location.timezone, lang),
  });
}

/** Reading, moving and cancelling a booking through its link; every answer lands on the screen it calls for. */
export function manageAppointment(b: Booking, deps: Deps) {
  let busy = false;
  /** One change at a time: a second tap while the first is on its way does nothing. */
  const once =
    <A extends unknown[]>(act: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      if (busy) return;
      busy = true;
      await act(...args).finally(() => {
        busy = false;
      });
    };

  const settle = async (answer: BookingAnswer, notice: Key | null): Promise<void> => {
    b.manage = { asking: 'nothing', notice: null };
    if (answer.ok) {
      b.appointment = answer.appointment;
      b.manage.notice = notice;
      return deps.go(answer.appointment.status === 'booked' ? 'manage' : 'ended');
    }
    if (answer.status === 404) return deps.go('invalid');
    if (answer.expired) return deps.go('expired');
    // Refused for another reason (cancelled or started meanwhile): the booking as it is now says why.
    if (b.appointment && answer.status === 409) return settle(await readAppointment(b.appointment.token), null);
    b.manage.notice = 'tryAgain';
    deps.go(b.appointment ? 'manage' : 'invalid');
  };

  const controls = {
    /** The booking behind the link; a network that is down is waited out, not taken for a bad link. */
    open: async (token: string, attempt = 0): Promise<void> => {
      const answer = await readAppointment(token);
      if (!answer.ok && (answer.status === 0 || answer.status >= 500)) {
        await sleepUntilOnline(Math.min(15_000, 1000 * 2 ** attempt));
        return controls.open(token, attempt + 1);
      }
      return settle(answer, null);
    },
    changeTime: () => {
      const service = b.location?.services.find((s) => s.name === b.appointment?.service);
      if (!service) return;
      b.calendar = deps.calendarFor(service.id);
      b.manage = { asking: 'time', notice: null };
      deps.render();
    },
    reschedule: once(async (agentId: string | null) => {
      const a = b.appointment!;
      const start = b.calendar?.start;
      if (!start) return;
      const answer = await rescheduleAppointment(a.token, start, agentId);
      if (!answer.ok && (answer.full || answer.field === 'start')) {
        b.manage.notice = answer.full ? 'justTaken' : 'timeGone';
        b.calendar!.start = null;
        reloadCalendar(b.calendar!, b.slug, deps.changed, true);
        return deps.render();
      }
      await settle(answer, 'movedTo');
    }),
    cancel: once(async () => settle(await cancelAppointment(b.appointment!.token), null)),
    ask: (asking: Manage['asking']) => {
      b.manage = { asking, notice: null };
      deps.render();
    },
    bookAgain: deps.bookAgain,
    pick: deps.pick,
  };
  return controls;
}

/** The confirmation, the customer's booking with its changes, or a kind word about a link that opens nothing. */
export function appointmentScreen(b: Booking, t: T, c: ManageControls): (Node | string)[] {
  const again = h('button', { type: 'button', class: 'big', 'data-testid': 'book-again', onclick: c.bookAgain }, t('bookAgain'));
  if (b.screen === 'expired')
    return [
      h('h1', { 'data-testid': 'book-headline' }, t('linkExpired')),
      h('p', { class: 'calm' }, t('linkExpiredText')),
      again,
    ];
  if (b.screen === 'invalid')
    return [
      h('h1', { 'data-testid': 'book-headline' }, t('linkInvalid')),
      h('p', { class: 'calm' }, t('linkInvalidText')),
      again,
    ];
  const a = b.appointment;
  if (!a) return [h('p', { class: 'calm' }, t('connecting'))];
  if (b.screen === 'ended') {
    return [
      h('h1', { 'data-testid': 'book-headline' }, t(a.status === 'cancelled' ? 'bookingCancelled' : 'bookingStarted')),
      h('p', { class: 'calm' }, a.location.name),
      again,
    ];
  }
  const card = h(
    'div',
    { class: 'booking-card' },
    h('p', { class: 'booking-text', 'data-testid': 'book-appointment-text' }, appointmentSentence(a, b.lang)),
    a.location.address ? h('p', { class: 'hint' }, a.location.address) : null,
  );
  if (b.screen === 'booked') return bookedScreen(a, b.lang, t, card);
  const notice = b.manage.notice
    ? h(
        'p',
        { class: 'notice', role: 'status', 'data-testid': 'book-notice' },
        t(b.manage.notice, { when: longWhen(a.start, a.location.timezone, b.lang) }),
      )
    : null;
  const button = (label: Key, testid: string, onclick: () => void, quiet = false) =>
    h('button', { type: 'button', class: quiet ? 'big quiet' : 'big', 'data-testid': testid, onclick }, t(label));
  if (b.manage.asking === 'time' && b.calendar) {
    return [
      h('h1', {}, t('newTime')),
      card,
      notice ?? '',
      ...calendarView(b.calendar, b.lang, { ...c.pick, person: (agentId) => void c.reschedule(agentId) }),
      h(
        'div',
        { class: 'actions' },
        button('keepTime', 'book-keep-time', () => c.ask('nothing'), true),
      ),
    ];
  }
  const actions =
    b.manage.asking === 'cancel'
      ? [
          h('p', { class: 'confirm' }, t('cancelConfirm')),
          button('cancelYes', 'book-cancel-yes', () => void c.cancel(), true),
          button('cancelNo', 'book-cancel-no', () => c.ask('nothing')),
        ]
      : [button('changeTime', 'book-change', c.changeTime), button('cancelBooking', 'book-cancel', () => c.ask('cancel'), true)];
  return [
    h('h1', { 'data-testid': 'book-headline' }, t('yourAppointment')),
    card,
    notice ?? '',
    h('div', { class: 'actions stacked' }, ...actions),
  ];
}

/** The calendar file's address on the screen now; the one before it is let go. */
let calendarFile: string | null = null;

function bookedScreen(a: Appointment, lang: Lang, t: T, card: HTMLElement): HTMLElement[] {
  const manage = appointmentUrl(a.location.slug, a.token, lang);
  const ics = icsText({
    uid: a.token.slice(0, 40),
    start: a.start,
    end: a.end,
    summary: t('withWhom', { service: a.service, person: firstName(a.person.displayName) }),
    location: [a.location.name, a.location.address].filter(Boolean).join(', '),
    description: `${t('manage')}: ${manage}`,
    now: new Date(),
  });
  if (calendarFile) URL.revokeObjectURL(calendarFile);
  calendarFile = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const calendar = calendarFile;
  return [
    h('div', { class: 'tick', 'aria-hidden': 'true' }, '✓'),
    h('h1', { 'data-testid': 'book-headline' }, t('bookedTitle')),
    card,
    h(
      'div',
      { class: 'actions stacked' },
      h('a', { class: 'big button', href: calendar, download: 'appointment.ics', 'data-testid': 'book-ics' }, t('addToCalendar')),
      h('a', { class: 'big button quiet', href: manage, 'data-testid': 'book-manage-link' }, t('manage')),
    ),
    h('p', { class: 'hint' }, t('manageHint')),
  ];
}
