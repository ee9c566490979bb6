import type { WaitChoice } from '@warmline/shared';
import type { StoreLocation } from '../api.ts';
import { type CallbackWindow, windowLabel } from '../callbackWindows.ts';
import type { Chat } from '../chat.ts';
import { phoneProblem } from '../text.ts';
import { h, say, setText, show } from './dom.ts';
import { icon } from './icons.ts';
import { createLeaveCard } from './leave.ts';
import { createStoreVisitForm } from './storeVisit.ts';

/** "Call me back": a phone number and a window from the ones the team has open. */
function createCallbackForm(chat: Chat) {
  const phone = h('input', {
    type: 'tel',
    name: 'phone',
    autocomplete: 'tel',
    inputmode: 'tel',
    required: true,
    maxlength: 40,
    'data-testid': 'wl-callback-phone',
    'aria-describedby': 'wl-cb-phone-error',
    placeholder: '+254 712 345 678',
  });
  const phoneError = h('p', { class: 'err', id: 'wl-cb-phone-error', role: 'alert', hidden: true });
  const select = h('select', {
    name: 'window',
    required: true,
    'data-testid': 'wl-callback-window',
    'aria-describedby': 'wl-cb-window-error wl-cb-window-hint',
  });
  const hint = h('p', { class: 'hint', id: 'wl-cb-window-hint', 'aria-live': 'polite', hidden: true });
  const here = h('input', { type: 'checkbox', name: 'inBrowser', 'data-testid': 'wl-callback-here' });
  const retry = h('button', { class: 'link', type: 'button', text: 'Try again', hidden: true, onclick: () => void load() });
  const windowError = h('p', { class: 'err', id: 'wl-cb-window-error', role: 'alert', hidden: true });
  const error = h('p', { class: 'err', role: 'alert', hidden: true });
  const submit = h('button', { class: 'btn', type: 'submit', 'data-testid': 'wl-callback-submit', text: 'Call me back' });
  let windows: CallbackWindow[] = [];
  let loading = false;
  let busy = false;

  const el = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-label': 'Call me back',
      hidden: true,
      onsubmit: (e) => {
        e.preventDefault();
        void send();
      },
    },
    h('p', { text: 'Leave your number and pick a time — a named person from our team will call you.' }),
    h('label', {}, h('b', { text: 'Phone number' }), phone),
    phoneError,
    h('label', {}, h('b', { text: 'When suits you?' }), select),
    h('div', { class: 'hintrow' }, hint, retry),
    windowError,
    h('label', { class: 'check' }, here, h('span', { text: 'Ring me here in my browser if this page is open' })),
    error,
    submit,
  );

  function fieldError(field: 'phone' | 'window' | null, message: string | null) {
    say(phoneError, field === 'phone' ? message : null);
    say(windowError, field === 'window' ? message : null);
    say(error, field === null ? message : null);
    phone.setAttribute('aria-invalid', String(field === 'phone' && !!message));
    select.setAttribute('aria-invalid', String(field === 'window' && !!message));
  }

  function idle(on: boolean) {
    if (on) submit.setAttribute('aria-disabled', 'true');
    else submit.removeAttribute('aria-disabled');
  }

  /** (Re)load the open windows, keeping the visitor's pick when it is still offered. */
  async function load() {
    if (loading) return;
    loading = true;
    const keep = select.value;
    say(hint, 'Finding times…');
    show(retry, false);
    select.disabled = true;
    const res = await chat.callbackWindows();
    loading = false;
    select.disabled = false;
    if ('error' in res) {
      windows = [];
      select.replaceChildren();
      say(hint, res.error);
      show(retry, true);
      idle(true);
      return;
    }
    windows = res.windows;
    const now = new Date();
    select.replaceChildren(...windows.map((w) => h('option', { value: w.start, text: windowLabel(w, now) })));
    if (windows.some((w) => w.start === keep)) select.value = keep;
    say(hint, windows.length ? null : 'There are no callback times open right now.');
    idle(!windows.length);
  }

  async function send() {
    if (busy) return;
    const problem = phoneProblem(phone.value);
    if (problem) {
      fieldError('phone', problem);
      phone.focus();
      return;
    }
    const w = windows.find((x) => x.start === select.value);
    if (!w) {
      fieldError('window', loading ? 'Just a moment — still finding times.' : 'Please choose a time.');
      if (!loading) select.focus();
      return;
    }
    fieldError(null, null);
    busy = true;
    idle(true);
    setText(submit, 'Booking…');
    const err = await chat.bookCallback(phone.value, w, here.checked);
    busy = false;
    idle(false);
    setText(submit, 'Call me back');
    if (!err) return;
    fieldError(err.field, err.message);
    if (err.field === 'phone') phone.focus();
    if (err.field === 'window') {
      await load(); // the times may have moved on: offer the ones still open
      select.focus();
    }
  }

  phone.addEventListener('input', () => {
    if (!phoneError.hidden && !phoneProblem(phone.value)) fieldError(null, null);
  });
  select.addEventListener('change', () => {
    if (!windowError.hidden) fieldError(null, null);
  });

  return { el, first: phone, load };
}

/** A better choice than waiting: those the server offers, and a visit to a store when the workspace has one. */
type Choice = WaitChoice | 'store_visit';
const CHOICES = ['callback', 'leave_message', 'store_visit'] as const;

/**
 * "Rather not wait?": the better choices the server offers while nobody can take the chat yet, and "See someone
 * in a store" when there is a store to see. With one choice its form shows at once; with several the visitor
 * picks one, and can switch.
 */
export function createChoices(chat: Chat, reveal: (el: HTMLElement) => void) {
  const callback = createCallbackForm(chat);
  const leave = createLeaveCard(chat);
  const visit = createStoreVisitForm(chat.storeVisits);
  const option = (testid: string, name: 'phone' | 'mail' | 'store', label: string, sub: string) =>
    h(
      'button',
      { class: 'opt', type: 'button', 'data-testid': testid },
      icon(name),
      h('span', {}, h('b', { text: label }), h('small', { text: sub })),
    );
  const buttons = {
    callback: option('wl-choice-callback', 'phone', 'Call me back', 'Pick a time and we’ll ring you'),
    leave_message: option('wl-choice-leave', 'mail', 'Leave a message', 'A named person replies by email'),
    store_visit: option('wl-choice-store', 'store', 'See someone in a store', 'Pick a time; they’ll know your story'),
  };
  const forms = { callback, leave_message: leave, store_visit: visit };
  const opts = h(
    'div',
    { class: 'opts', role: 'group', 'aria-label': 'Instead of waiting' },
    buttons.callback,
    buttons.leave_message,
    buttons.store_visit,
  );
  const el = h(
    'section',
    { class: 'card', 'data-testid': 'wl-choices', 'aria-labelledby': 'wl-choices-title', hidden: true },
    h('h3', { id: 'wl-choices-title', text: 'Rather not wait?' }),
    h('p', { text: 'You keep your place in line either way.' }),
    opts,
    callback.el,
    leave.el,
    visit.el,
  );
  let served: readonly WaitChoice[] = [];
  let offered = '';
  let picked: Choice | null = null;
  let stores: StoreLocation[] | null = null; // null until asked, once the choices first appear

  function pick(choice: Choice | null, focus: boolean) {
    picked = choice;
    opts.classList.toggle('picked', !!choice); // once chosen, the options shrink so the form fits
    for (const k of CHOICES) {
      buttons[k].setAttribute('aria-pressed', String(k === choice));
      show(forms[k].el, k === choice);
    }
    if (choice === 'callback') void callback.load();
    if (choice === 'store_visit') visit.load(stores ?? []);
    if (choice && focus) {
      forms[choice].first.focus({ preventScroll: true });
      reveal(el);
    }
  }

  for (const k of CHOICES) buttons[k].addEventListener('click', () => pick(k, true));

  function offer() {
    const choices: Choice[] = served.length && stores?.length ? [...served, 'store_visit'] : [...served];
    const key = choices.join();
    if (key === offered) return;
    const several = choices.length > 1;
    // A form shown because it was the only choice gives way to the options when more arrive.
    if (several && picked && opts.hidden) pick(null, false);
    offered = key;
    for (const k of CHOICES) show(buttons[k], choices.includes(k) && several);
    show(opts, several);
    if (choices.length === 1) pick(choices[0] ?? null, false);
    else if (picked && !choices.includes(picked)) pick(null, false);
  }

  /** Show the card for the choices on offer (none hides it); true when it has just appeared. */
  function update(choices: readonly WaitChoice[]): boolean {
    const appeared = el.hidden && choices.length > 0;
    show(el, choices.length > 0);
    served = choices;
    if (choices.length && !stores) {
      stores = [];
      void chat.storeVisits.locations().then((found) => {
        stores = found;
        offer();
        // It joins the card a moment after the others: bring it into view unless the visitor is busy with one.
        if (!el.hidden && !picked && !buttons.store_visit.hidden) reveal(buttons.store_visit);
      });
    }
    offer();
    return appeared;
  }

  /** Move focus into the card: the first choice, or the only form's first field. */
  function focus() {
    if (!opts.hidden) (Object.values(buttons).find((b) => !b.hidden) ?? el).focus();
    else if (picked) forms[picked].first.focus();
  }

  return { el, update, focus };
}
