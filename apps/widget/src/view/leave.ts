import type { Chat } from '../chat.ts';
import { emailProblem } from '../text.ts';
import { h, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/** "Leave us a message": an email (and optional name) so a named person replies by a promised time. Shown inside the choices card. */
export function createLeaveCard(chat: Chat) {
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    required: true,
    'data-testid': 'wl-leave-email',
    'aria-describedby': 'wl-leave-error',
    placeholder: 'you@example.com',
  });
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', 'data-testid': 'wl-leave-name', maxlength: 120 });
  const error = h('p', { class: 'err', id: 'wl-leave-error', role: 'alert', hidden: true });
  const submit = h('button', { class: 'btn', type: 'submit', 'data-testid': 'wl-leave-submit', text: 'Leave my email' });
  let busy = false;

  const el = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-label': 'Leave us a message',
      hidden: true,
      onsubmit: (e) => {
        e.preventDefault();
        void send();
      },
    },
    h('p', { text: 'Leave your email and a named person from our team will reply — we’ll tell you by when.' }),
    h('label', {}, h('b', { text: 'Email' }), email),
    error,
    h('label', {}, h('b', {}, 'Name ', h('span', { text: '(optional)' })), name),
    submit,
  );

  function fail(message: string, onEmail: boolean) {
    setText(error, message);
    show(error, true);
    email.setAttribute('aria-invalid', String(onEmail));
    if (onEmail) email.focus();
  }

  async function send() {
    if (busy) return;
    const problem = emailProblem(email.value);
    if (problem) return fail(problem, true);
    show(error, false);
    email.setAttribute('aria-invalid', 'false');
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    setText(submit, 'Sending…');
    const err = await chat.leaveMessage(email.value, name.value);
    busy = false;
    submit.removeAttribute('aria-disabled');
    setText(submit, 'Leave my email');
    if (err) fail(err, /email/i.test(err));
  }

  email.addEventListener('input', () => {
    if (!error.hidden && !emailProblem(email.value)) {
      show(error, false);
      email.setAttribute('aria-invalid', 'false');
    }
  });

  return { el, first: email };
}

/** The promise made to the visitor, e.g. "Amina will reply to you@x.com by 4:30 pm." (or the callback booked). */
export function createPromise(testid = 'wl-promise') {
  const text = h('span', { 'data-testid': testid });
  const el = h('div', { class: 'promise', role: 'status', hidden: true }, icon('check'), text);
  return {
    el,
    update(promise: string | null) {
      show(el, !!promise);
      setText(text, promise ?? '');
    },
  };
}
