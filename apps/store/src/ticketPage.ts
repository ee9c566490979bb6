import { backoffDelay } from '@warmline/realtime-client';
import type { Ticket } from '@warmline/shared';
import { changeTicket, fetchLocation, type TicketAction } from './api.ts';
import { header, rememberLang } from './chrome.ts';
import { h, useBrandColour } from './dom.ts';
import { countPhrase, type Key, type Lang, say, waitPhrase } from './i18n.ts';

const ENDED = new Set<Ticket['status']>(['served', 'no_show', 'cancelled']);
const STEP_OUT_MINUTES = [15, 30];
/** Long enough to feel in a pocket, short enough not to alarm. */
const TURN_VIBRATION = [400, 200, 400, 200, 400];

interface Page {
  lang: Lang;
  ticket: Ticket | null;
  business: { name: string; logoUrl: string | null } | null;
  live: boolean;
  asking: 'nothing' | 'step-out' | 'leave';
  problem: string;
}

/**
 * The "your turn" page on the customer's phone: their place and wait, live from the server's event stream, and an
 * unmissable change (colour, vibration) when someone is ready for them.
 */
export function startTicketPage(root: HTMLElement, token: string, lang: Lang) {
  const p: Page = { lang, ticket: null, business: null, live: false, asking: 'nothing', problem: '' };
  const t = (key: Key, vars?: Record<string, string | number>) => say(p.lang, key, vars);

  const show = (ticket: Ticket) => {
    if (ticket.status === 'called' && p.ticket?.status !== 'called') navigator.vibrate?.(TURN_VIBRATION);
    if (!p.ticket) void dressAs(ticket.location.slug);
    p.ticket = ticket;
    render();
  };

  /** The business's name, logo and colour, as at its kiosk; the page works without them. */
  const dressAs = async (slug: string) => {
    const location = await fetchLocation(slug).catch(() => null);
    if (!location) return;
    useBrandColour(location.business.color);
    p.business = location.business;
    render();
  };

  const act = async (action: TicketAction, body?: unknown) => {
    p.asking = 'nothing';
    try {
      show(await changeTicket(token, action, body));
      p.problem = '';
    } catch (e) {
      p.problem = e instanceof Error && e.message ? e.message : t('tryAgain');
    }
    render();
  };

  const render = () => {
    const ticket = p.ticket;
    const top = header({
      lang: p.lang,
      business: p.business?.name ?? '',
      logoUrl: p.business?.logoUrl ?? null,
      place: ticket?.location.name ?? '',
      onLang: (lang) => {
        p.lang = lang;
        rememberLang(lang);
        render();
      },
    });
    document.body.classList.toggle('turn', ticket?.status === 'called');
    document.title = ticket ? (ticket.status === 'called' ? `${t('turnTitle')} — ${ticket.code}` : ticket.code) : document.title;
    const body = ticket ? bodyOf(ticket) : [h('p', { class: 'calm' }, t('connecting'))];
    const status =
      !p.live && ticket && !ENDED.has(ticket.status) ? h('p', { class: 'connection', role: 'status' }, t('reconnecting')) : null;
    root.replaceChildren(
      top,
      h(
        'main',
        { class: `screen your-turn ${ticket?.status ?? ''}`, 'data-status': ticket?.status ?? '' },
        ...body,
        status ?? '',
      ),
    );
  };

  const bodyOf = (ticket: Ticket): (Node | string)[] => {
    const code = h('p', { class: 'code', 'data-testid': 'ticket-code' }, ticket.code);
    const problem = p.problem ? h('p', { class: 'refusal', role: 'alert' }, p.problem) : '';
    if (ticket.status === 'called') {
      const name = ticket.servedBy?.displayName.split(' ')[0];
      return [
        h('h1', { 'data-testid': 'ticket-headline', role: 'alert' }, t('turnTitle')),
        h('p', { class: 'who', 'data-testid': 'ticket-who' }, name ? t('turnBy', { name }) : t('turnSomeone')),
        code,
      ];
    }
    if (ENDED.has(ticket.status)) return endedOf(ticket);
    const away = ticket.status === 'away';
    const until = ticket.awayUntil
      ? new Intl.DateTimeFormat(p.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          new Date(ticket.awayUntil),
        )
      : '';
    const position =
      ticket.position === null
        ? ''
        : countPhrase(p.lang, ticket.position, { none: 'youAreNext', one: 'aheadOne', many: 'aheadMany' });
    const notify = ticket.notifyBy === 'sms' ? t('notifySms') : ticket.notifyBy === 'email' ? t('notifyEmail') : '';
    return [
      h('p', { class: 'label' }, t('yourNumber')),
      code,
      h('p', { class: 'position', 'data-testid': 'ticket-position' }, away ? t('awayUntil', { time: until }) : position),
      away ? '' : h('p', { class: 'wait', 'data-testid': 'ticket-wait' }, waitPhrase(p.lang, ticket.wait)),
      notify && !away ? h('p', { class: 'hint' }, notify) : '',
      problem,
      h('div', { class: 'actions stacked' }, ...actionsOf(away)),
    ];
  };

  const actionsOf = (away: boolean): HTMLElement[] => {
    const button = (label: string, testid: string, onclick: () => void, quiet = false) =>
      h('button', { type: 'button', class: quiet ? 'big quiet' : 'big', 'data-testid': testid, onclick }, label);
    if (p.asking === 'leave') {
      return [
        h('p', { class: 'confirm' }, t('leaveConfirm')),
        button(t('leaveYes'), 'ticket-leave-yes', () => void act('cancel'), true),
        button(t('leaveNo'), 'ticket-leave-no', () => ask('nothing')),
      ];
    }
    if (p.asking === 'step-out') {
      return [
        h('p', { class: 'confirm' }, t('stepOutFor')),
        ...STEP_OUT_MINUTES.map((minutes) =>
          button(t('minutes', { n: minutes }), `ticket-step-out-${minutes}`, () => void act('step-out', { minutes })),
        ),
        button(t('back'), 'ticket-step-out-back', () => ask('nothing'), true),
      ];
    }
    return [
      away
        ? button(t('imBack'), 'ticket-back', () => void act('come-back'))
        : button(t('stepOut'), 'ticket-step-out', () => ask('step-out')),
      button(t('leave'), 'ticket-leave', () => ask('leave'), true),
    ];
  };

  const endedOf = (ticket: Ticket): (Node | string)[] => {
    const name = ticket.servedBy?.displayName.split(' ')[0];
    const [title, text] =
      ticket.status === 'served'
        ? [t('servedTitle'), name ? t('servedBy', { name }) : '']
        : ticket.status === 'no_show'
          ? [t('noShowTitle'), t('noShowText')]
          : [t('cancelledTitle'), t('cancelledText')];
    const again = `/kiosk/${encodeURIComponent(ticket.location.slug)}?via=phone${p.lang === 'en' ? '' : `&lang=${p.lang}`}`;
    return [
      h('h1', { 'data-testid': 'ticket-headline' }, title),
      text ? h('p', { class: 'calm' }, text) : '',
      ticket.status === 'served' ? '' : h('a', { class: 'big button', href: again }, t('checkInAgain')),
    ];
  };

  const ask = (what: Page['asking']) => {
    p.asking = what;
    render();
  };

  /** The stream reconnects by itself after a drop; only a stream the browser gave up on is opened again, with backoff. */
  const follow = (attempt = 0) => {
    const stream = new EventSource(`/api/v1/store/tickets/${encodeURIComponent(token)}/live`);
    stream.onopen = () => {
      p.live = true;
      attempt = 0;
      render();
    };
    stream.onmessage = (event) => {
      p.live = true;
      show(JSON.parse(event.data) as Ticket);
      if (ENDED.has(p.ticket!.status)) stream.close();
    };
    stream.onerror = () => {
      p.live = false;
      render();
      if (stream.readyState === EventSource.CLOSED) setTimeout(() => follow(attempt + 1), backoffDelay(attempt));
    };
  };

  rememberLang(lang);
  render();
  follow();
}
