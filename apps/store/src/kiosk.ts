import { browserKV, newClientId } from '@warmline/realtime-client';
import type { PublicLocation, Ticket } from '@warmline/shared';
import { bookUrl, fetchLocation, sendCheckIn, ticketUrl } from './api.ts';
import { header, rememberLang } from './chrome.ts';
import { boundInput, h, pageForm, sleepUntilOnline, useBrandColour } from './dom.ts';
import { countPhrase, type Lang, opensPhrase, say, waitPhrase } from './i18n.ts';
import { type CheckInAnswer, checkInUntilAnswered, type PendingCheckIn, pendingCheckIns } from './pendingCheckIn.ts';
import { qrSvg } from './qr.ts';

/** How long the ticket stays on the kiosk before it greets the next person. */
const TICKET_SECONDS = 20;
/** A half-typed check-in left at the kiosk is cleared after this long untouched: the next person should not see it. */
const ABANDONED_SECONDS = 90;
/** How often the welcome refreshes the wait (and notices opening or closing). */
const REFRESH_MS = 30_000;
/** After this many tries the "checking you in" screen says, calmly, that the line is slow. */
const SLOW_AFTER_TRIES = 2;

type Screen = 'loading' | 'welcome' | 'details' | 'sending' | 'ticket' | 'closed';

interface Kiosk {
  slug: string;
  lang: Lang;
  via: 'kiosk' | 'phone';
  location: PublicLocation | null;
  screen: Screen;
  serviceId: string;
  name: string;
  contact: string;
  refusal: string;
  slow: boolean;
  ticket: Ticket | null;
}

/**
 * The kiosk at the store's door (and, with `?via=phone`, the same check-in on the customer's own phone): welcome and
 * the wait now, pick a service, leave a name, and a ticket to follow. A check-in survives a network blip: it is
 * stored and resent with the same clientId until the server answers.
 */
export function startKiosk(root: HTMLElement, slug: string, lang: Lang, via: 'kiosk' | 'phone') {
  const kv = browserKV();
  const pending = pendingCheckIns(kv);
  const k: Kiosk = {
    slug,
    lang,
    via,
    location: null,
    screen: 'loading',
    serviceId: '',
    name: '',
    contact: '',
    refusal: '',
    slow: false,
    ticket: null,
  };
  let backToWelcome: ReturnType<typeof setTimeout> | undefined;
  let abandoned: ReturnType<typeof setTimeout> | undefined;

  const go = (screen: Screen) => {
    k.screen = screen;
    render();
    watchAbandoned();
  };

  const watchAbandoned = () => {
    clearTimeout(abandoned);
    if (via === 'kiosk' && k.screen === 'details') abandoned = setTimeout(finish, ABANDONED_SECONDS * 1000);
  };
  root.addEventListener('input', watchAbandoned);
  root.addEventListener('pointerdown', watchAbandoned);

  const render = () => {
    const loc = k.location;
    const top = header({
      lang: k.lang,
      business: loc?.business.name ?? '',
      logoUrl: loc?.business.logoUrl ?? null,
      place: loc?.name ?? '',
      onLang: (lang) => {
        k.lang = lang;
        rememberLang(lang);
        render();
      },
    });
    root.replaceChildren(top, h('main', { class: `screen ${k.screen}`, 'data-screen': k.screen }, ...screenOf()));
    root.querySelector<HTMLElement>('[autofocus]')?.focus();
  };

  const screenOf = (): (Node | string)[] => {
    const t = (key: Parameters<typeof say>[1], vars?: Record<string, string | number>) => say(k.lang, key, vars);
    const loc = k.location;
    if (k.screen === 'sending') {
      return [
        h('div', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
        h('h1', { role: 'status' }, t('checkingIn')),
        h('p', { class: 'calm' }, k.name),
        k.slow ? h('p', { class: 'calm', 'data-testid': 'kiosk-slow' }, t('checkingInSlow')) : null,
      ].filter((n): n is HTMLElement => Boolean(n));
    }
    if (k.screen === 'loading' || !loc) return [h('p', { class: 'calm' }, t('connecting'))];
    if (k.screen === 'welcome') {
      const waiting = countPhrase(k.lang, loc.waiting, { none: 'waitingNone', one: 'waitingOne', many: 'waitingMany' });
      return [
        h('h1', {}, t('welcome', { store: loc.name })),
        h(
          'p',
          { class: 'wait', 'data-testid': 'kiosk-wait' },
          loc.wait ? `${waitPhrase(k.lang, loc.wait)} · ${waiting}` : waiting,
        ),
        loc.wait ? '' : h('p', { class: 'hint' }, t('nobodyAtCounter')),
        h('h2', {}, t('pickService')),
        h(
          'div',
          { class: 'services' },
          ...loc.services.map((s) =>
            h(
              'button',
              { type: 'button', class: 'big', 'data-testid': 'kiosk-service', onclick: () => chooseService(s.id) },
              s.name,
            ),
          ),
        ),
      ];
    }
    if (k.screen === 'details') return detailsForm(t);
    if (k.screen === 'ticket' && k.ticket) return ticketScreen(k.ticket, t);
    return closedScreen(loc, t);
  };

  const detailsForm = (t: (key: Parameters<typeof say>[1]) => string) => {
    const service = k.location?.services.find((s) => s.id === k.serviceId);
    const input = (field: 'name' | 'contact', attrs: Record<string, string | boolean>) =>
      boundInput(k, field, `kiosk-${field}`, attrs);
    const form = pageForm(
      submit,
      h('h1', {}, service?.name ?? ''),
      h('label', { for: 'kiosk-name' }, t('yourName')),
      input('name', {
        autocomplete: 'name',
        autofocus: k.via === 'kiosk',
        required: true,
        maxlength: '80',
        enterkeyhint: 'next',
      }),
      h('label', { for: 'kiosk-contact' }, t('contact')),
      input('contact', { type: 'text', inputmode: 'email', autocomplete: 'tel', maxlength: '120', enterkeyhint: 'go' }),
      h('p', { class: 'hint' }, t('contactHint')),
      k.refusal ? h('p', { class: 'refusal', role: 'alert', 'data-testid': 'kiosk-refusal' }, k.refusal) : null,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'big quiet', onclick: () => go('welcome') }, t('back')),
        h('button', { type: 'submit', class: 'big', 'data-testid': 'kiosk-submit' }, t('checkIn')),
      ),
    );
    return [form];
  };

  const ticketScreen = (ticket: Ticket, t: (key: Parameters<typeof say>[1]) => string) => {
    const position =
      ticket.position === null
        ? null
        : countPhrase(k.lang, ticket.position, { none: 'youAreNext', one: 'aheadOne', many: 'aheadMany' });
    const notify = ticket.notifyBy === 'sms' ? t('notifySms') : ticket.notifyBy === 'email' ? t('notifyEmail') : null;
    const url = ticketUrl(ticket.token, k.lang);
    return [
      h(
        'div',
        { class: 'ticket-card' },
        h('p', { class: 'label' }, t('yourNumber')),
        h('p', { class: 'code', 'data-testid': 'kiosk-code' }, ticket.code),
        h('p', { class: 'position', 'data-testid': 'kiosk-position' }, position ?? ''),
        h('p', { class: 'wait', 'data-testid': 'kiosk-ticket-wait' }, waitPhrase(k.lang, ticket.wait)),
        notify ? h('p', { class: 'hint' }, notify) : null,
      ),
      h(
        'a',
        { class: 'qr-link', href: url, 'data-testid': 'kiosk-ticket-link' },
        qrSvg(url, t('scanToFollow')),
        h('span', {}, t('scanToFollow')),
      ),
      h('button', { type: 'button', class: 'big', 'data-testid': 'kiosk-done', onclick: () => finish() }, t('done')),
    ];
  };

  const closedScreen = (loc: PublicLocation, t: (key: Parameters<typeof say>[1]) => string) => {
    const phoneUrl = `${location.origin}/kiosk/${encodeURIComponent(loc.slug)}?via=phone${k.lang === 'en' ? '' : `&lang=${k.lang}`}`;
    return [
      h('h1', {}, t('closedTitle')),
      h('p', { class: 'opens', 'data-testid': 'kiosk-opens' }, opensPhrase(k.lang, loc.opensAt, new Date())),
      k.via === 'kiosk' ? h('div', { class: 'qr-link' }, qrSvg(phoneUrl, t('closedScan')), h('span', {}, t('closedScan'))) : null,
      h(
        'div',
        { class: 'actions closed-actions' },
        h('a', { class: 'big button', href: bookUrl(loc.slug, k.lang), 'data-testid': 'kiosk-book' }, t('bookTime')),
        h(
          'button',
          { type: 'button', class: 'big quiet', 'data-testid': 'kiosk-check-again', onclick: () => refresh() },
          t('checkAgain'),
        ),
      ),
    ].filter((n): n is HTMLElement => Boolean(n));
  };

  const chooseService = (serviceId: string) => {
    k.serviceId = serviceId;
    k.refusal = '';
    go('details');
  };

  const submit = () => {
    if (!k.name.trim()) {
      root.querySelector<HTMLInputElement>('#kiosk-name')?.focus();
      return;
    }
    deliver({ clientId: newClientId(), slug, name: k.name.trim(), contact: k.contact, serviceId: k.serviceId, via });
  };

  const deliver = async (p: PendingCheckIn) => {
    Object.assign(k, { name: p.name, contact: p.contact, serviceId: p.serviceId, slow: false, refusal: '' });
    go('sending');
    const answer = await checkInUntilAnswered(p, {
      kv,
      send: sendCheckIn,
      sleep: sleepUntilOnline,
      onRetry: (tries) => {
        if (tries >= SLOW_AFTER_TRIES && !k.slow && k.screen === 'sending') {
          k.slow = true;
          render();
        }
      },
    });
    answered(answer);
  };

  const answered = (answer: CheckInAnswer) => {
    if (answer.kind === 'ticket') {
      if (via === 'phone') return location.assign(ticketUrl(answer.ticket.token, k.lang));
      k.ticket = answer.ticket;
      go('ticket');
      backToWelcome = setTimeout(finish, TICKET_SECONDS * 1000);
      return;
    }
    k.refusal = answer.kind === 'refused' ? answer.message.replace(/^\w+: /, '') || say(k.lang, 'tryAgain') : '';
    // Closed meanwhile, or the service is gone: the welcome (or the closed screen) as it is now, what was typed kept.
    if (answer.kind === 'closed' || answer.field === 'serviceId') {
      go('loading');
      return void refresh();
    }
    go('details');
  };

  /** The next person starts from a clean welcome: nothing of the last one is left on the screen. */
  const finish = () => {
    clearTimeout(backToWelcome);
    Object.assign(k, { serviceId: '', name: '', contact: '', refusal: '', ticket: null });
    go(k.location?.open === false ? 'closed' : 'welcome');
    void refresh();
  };

  /** Reads the location again; the welcome (or the closed screen) follows it, other screens are left as they are. */
  const refresh = async (attempt = 0): Promise<void> => {
    try {
      k.location = await fetchLocation(slug);
      useBrandColour(k.location.business.color);
    } catch {
      if (!k.location) {
        await sleepUntilOnline(Math.min(15_000, 1000 * 2 ** attempt));
        return refresh(attempt + 1);
      }
    }
    const idle = k.screen === 'loading' || k.screen === 'welcome' || k.screen === 'closed';
    const stale = k.screen === 'details' && !k.location?.open;
    // Other screens stay, drawn again now that the location is known (a resumed check-in may have answered first).
    if (idle || stale) go(k.location?.open ? 'welcome' : 'closed');
    else render();
  };

  rememberLang(lang);
  render();
  // A check-in still pending from before a reload is sent on at once, whether or not the location can be read yet.
  const resumed = pending.load(slug);
  if (resumed) void deliver(resumed);
  void refresh();
  setInterval(() => {
    if (k.screen === 'welcome' || k.screen === 'closed') void refresh();
  }, REFRESH_MS);
}
