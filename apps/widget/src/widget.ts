import type { WidgetConfig } from '@warmline/shared/types';
import { createApi, type SignedInUser } from './api.ts';
import { brandColours, fetchBranding } from './branding.ts';
import { Chat } from './chat.ts';
import { browserKV, storageKey } from './storage.ts';
import { styles } from './styles.ts';
import { surveyInvited, WidgetSurvey } from './survey.ts';
import { clockTime } from './text.ts';
import { safeImageUrl } from './url.ts';
import { createCallCard } from './view/callCard.ts';
import { createChoices } from './view/choices.ts';
import { createComposer } from './view/composer.ts';
import { h, setText, show } from './view/dom.ts';
import { createHeader } from './view/header.ts';
import { icon } from './view/icons.ts';
import { createPromise } from './view/leave.ts';
import { createMessages } from './view/messages.ts';
import { createSurveyCard } from './view/surveyCard.ts';

/** The public handle a host page gets as `window.Warmline`. */
export interface WarmlineHandle {
  open(): void;
  close(): void;
}

/** Mount the widget for a workspace on the page, talking to the Warmline server at `base`. */
export function mountWidget(base: string, workspaceKey: string, user?: SignedInUser): WarmlineHandle {
  const api = createApi(base);
  const kv = browserKV();
  const chat = new Chat({ workspaceKey, base, api, kv, user });
  // After a resolved chat, its survey inline (the server asks in the chat; the widget fetches the questions).
  const survey = new WidgetSurvey({
    fetchSurvey: (token, conversationId) => api.survey(token, conversationId),
    answer: (token, body) => api.answerSurvey(token, body),
    kv,
    storageKey: storageKey(workspaceKey, 'survey'),
    visitorToken: () => kv.get(storageKey(workspaceKey, 'token')),
    changed: () => schedule(),
  });
  let isOpen = false;
  let wasOnline = false;

  const host = h('div', { id: 'warmline-widget', 'data-warmline': workspaceKey });
  const shadow = host.attachShadow({ mode: 'open' });

  const header = createHeader(
    base,
    () => close(true),
    () => chat.call.place(),
  );
  const callCard = createCallCard(base, chat);
  const talk = h(
    'button',
    { class: 'talk', type: 'button', 'data-testid': 'wl-talk', onclick: () => chat.call.place() },
    icon('phone'),
    'Prefer to talk? Call us — a person answers',
  );
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  const intro = h('div', { class: 'intro', hidden: true });
  const messages = createMessages(base, (id) => chat.retry(id), chat.files);
  const promise = createPromise();
  const booked = createPromise('wl-callback-confirmation');
  const choices = createChoices(chat, reveal);
  const surveyCard = createSurveyCard(survey, () => chat.workspace?.name ?? brand?.name ?? '');
  const list = h(
    'div',
    { class: 'list', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' },
    intro,
    messages.el,
    promise.el,
    booked.el,
    choices.el,
    surveyCard.el,
  );
  const typingText = h('span', {});
  const typing = h(
    'div',
    { class: 'typing', 'data-testid': 'wl-typing', hidden: true },
    h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
    typingText,
  );
  const composer = createComposer(
    (body) => chat.send(body),
    () => chat.typing.input(),
    chat.files,
  );
  const panel = h(
    'div',
    { class: 'panel', role: 'dialog', 'aria-label': 'Chat with us', 'data-testid': 'wl-panel', hidden: true },
    header.el,
    callCard.el,
    banner,
    list,
    typing,
    composer.el,
    h('div', { class: 'foot', text: 'Real people, real answers' }),
  );
  const badge = h('span', { class: 'badge', 'data-testid': 'wl-unread', 'aria-hidden': 'true', hidden: true });
  const unreadText = h('span', { class: 'sr', id: 'wl-unread-text' });
  const launcherIcon = h('span', { style: 'display:grid' }, icon('chat'));
  const launcher = h(
    'button',
    {
      class: 'launcher',
      type: 'button',
      'aria-label': 'Chat with us',
      'aria-expanded': 'false',
      'aria-describedby': 'wl-unread-text',
      'data-testid': 'wl-launcher',
      onclick: () => (isOpen ? close(true) : open()),
    },
    launcherIcon,
    badge,
  );
  // Panel before launcher: on small screens CSS hides the launcher behind the full-screen panel (`.panel:not([hidden]) ~`).
  const root = h('div', { class: 'root' }, panel, launcher, unreadText);
  adoptStyles(shadow);
  shadow.append(root);

  // The workspace's colour, logo and greeting, before the visitor writes anything (and before any session).
  let brand: WidgetConfig | null = null;
  void fetchBranding(base, workspaceKey).then((config) => {
    if (!config) return;
    brand = config;
    for (const [name, value] of Object.entries(brandColours(config.color))) root.style.setProperty(name, value);
    schedule();
  });

  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    }
  });

  /** Scroll the list so as much of `el` shows as fits, its top first (a form's fields before its button). */
  function reveal(el: HTMLElement) {
    const l = list.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const down = Math.min(r.bottom - l.bottom + 8, r.top - l.top - 8);
    if (down > 0) list.scrollTop += down;
  }

  let scheduled = false;
  /** Coalesce bursts of frames (resume catch-up) into one render. */
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      render();
    });
  }

  /** The ring-back that opened the panel: a customer we ring back sees who is calling without looking for it. */
  let rangOpen: string | null = null;

  function render() {
    const ringing = chat.call.ringingMe ? chat.call.call!.id : null;
    if (ringing && ringing !== rangOpen) {
      rangOpen = ringing;
      if (!isOpen) return open();
    }
    header.update(chat);
    composer.showFiles();
    callCard.update();
    const ws = chat.workspace ?? brand;
    const logo = safeImageUrl(brand?.logoUrl, base);
    show(intro, !!ws);
    if (ws && intro.dataset.name !== `${ws.name}|${ws.greeting}|${logo}`) {
      intro.dataset.name = `${ws.name}|${ws.greeting}|${logo}`;
      const name = h('p', { class: 'name', text: ws.name });
      const heading = logo
        ? h(
            'div',
            { class: 'brand' },
            h('img', { class: 'logo', src: logo, alt: '', 'data-testid': 'wl-logo', referrerpolicy: 'no-referrer' }),
            name,
          )
        : name;
      intro.replaceChildren(heading, h('p', { class: 'greet', 'data-testid': 'wl-greeting', text: ws.greeting }), talk);
    }
    show(talk, !chat.call.live && !chat.call.call);
    panel.setAttribute('aria-label', ws ? `Chat with ${ws.name}` : 'Chat with us');

    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const added = messages.update(chat.items());
    const c = chat.conversation;
    promise.update(chat.promise ?? (c?.promisedReplyBy ? `We’ll reply by ${clockTime(c.promisedReplyBy)}.` : null));
    booked.update(chat.callbackConfirmation);
    const offer = chat.choices;
    const hadFocus = choices.el.contains(shadow.activeElement);
    const wasShown = !choices.el.hidden;
    const appeared = choices.update(offer);
    survey.follow(c?.id ?? null, surveyInvited(chat.timeline.entries(), c?.id ?? null));
    const surveyAppeared = surveyCard.update(c?.status === 'resolved');
    if ((added || appeared || surveyAppeared || wasShown === choices.el.hidden) && nearBottom) list.scrollTop = list.scrollHeight;
    // The card moved focus in when it appeared (unless the visitor is mid-sentence); when it goes, focus returns
    // to the composer rather than being lost (Escape must keep working).
    if (appeared && isOpen && !composer.input.value.trim()) choices.focus();
    if (hadFocus && choices.el.hidden) composer.focus();

    show(typing, !!chat.typingName);
    setText(typingText, chat.typingName ? `${chat.typingName} is typing…` : '');

    if (chat.link === 'online') wasOnline = true;
    let note = chat.problem ?? chat.notice;
    if (!note && wasOnline && chat.link !== 'online' && chat.link !== 'idle')
      note = 'Reconnecting… anything you write will be sent as soon as we’re back.';
    show(banner, !!note);
    setText(banner, note ?? '');

    const unread = isOpen ? 0 : chat.unread();
    show(badge, unread > 0);
    setText(badge, unread > 9 ? '9+' : String(unread));
    setText(unreadText, unread ? `${unread} new ${unread === 1 ? 'message' : 'messages'}` : '');

    if (isOpen && document.visibilityState === 'visible') chat.markSeen();
  }

  function open() {
    if (isOpen) return;
    isOpen = true;
    chat.start();
    show(panel, true);
    launcher.setAttribute('aria-expanded', 'true');
    launcherIcon.replaceChildren(icon('down'));
    render();
    list.scrollTop = list.scrollHeight;
    composer.refresh();
    composer.focus();
  }

  function close(returnFocus = false) {
    if (!isOpen) return;
    isOpen = false;
    chat.typing.stop();
    show(panel, false);
    launcher.setAttribute('aria-expanded', 'false');
    launcherIcon.replaceChildren(icon('chat'));
    render();
    if (returnFocus) launcher.focus();
  }

  // Stay pinned to the newest message when the list shrinks (composer grows, banner appears, mobile keyboard opens).
  let pinned = true;
  list.addEventListener('scroll', () => {
    pinned = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  });
  if (typeof ResizeObserver !== 'undefined')
    new ResizeObserver(() => {
      if (pinned) list.scrollTop = list.scrollHeight;
    }).observe(list);

  chat.onChange(schedule);
  window.addEventListener('online', () => chat.online());
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key.startsWith(`warmline:${workspaceKey}:`)) chat.storageChanged(e.key);
  });
  document.addEventListener('visibilitychange', schedule);

  document.body.append(host);
  render();
  // Returning visitors connect right away so an agent's reply lights up the launcher; new visitors cost nothing until they open it.
  if (chat.returning) chat.start();

  return { open, close: () => close(false) };
}

/**
 * The widget's stylesheet, constructed where the browser can (a host page whose Content-Security-Policy forbids
 * inline style still styles it), else as a <style> element.
 */
function adoptStyles(shadow: ShadowRoot): void {
  const constructable =
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    'adoptedStyleSheets' in ShadowRoot.prototype;
  if (!constructable) {
    shadow.append(h('style', { text: styles }));
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  shadow.adoptedStyleSheets = [sheet];
}
