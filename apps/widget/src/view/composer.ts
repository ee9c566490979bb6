import { composerState, MESSAGE_MAX_LENGTH_DEFAULT } from '@warmline/shared/messageLength';
import { h, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/** The message box: Enter sends, Shift+Enter adds a line, empty or over-long messages are refused. */
export function createComposer(onSend: (body: string) => boolean, onType: () => void) {
  const input = h('textarea', {
    'data-testid': 'wl-composer',
    rows: 1,
    placeholder: 'Write a message…',
    'aria-label': 'Your message',
    autocomplete: 'off',
  });
  const send = h(
    'button',
    { class: 'send', type: 'submit', 'data-testid': 'wl-send', 'aria-label': 'Send message' },
    icon('send'),
  );
  const counter = h('div', { class: 'counter', 'aria-live': 'polite', hidden: true });
  const form = h(
    'form',
    {
      class: 'composer',
      onsubmit: (e) => {
        e.preventDefault();
        submit();
      },
    },
    input,
    send,
  );
  const el = h('div', {}, counter, form);

  function refresh() {
    const s = composerState(input.value, MESSAGE_MAX_LENGTH_DEFAULT);
    // Styled as idle, not disabled: the button stays reachable and clickable, and an empty send is simply refused.
    send.dataset.idle = String(!s.canSend);
    show(counter, !!s.counter);
    setText(counter, s.note ?? s.counter ?? '');
    counter.classList.toggle('over', s.over);
    input.setAttribute('aria-invalid', String(s.over));
    // Grow with the text up to the CSS max-height, then scroll.
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  }

  function submit() {
    const s = composerState(input.value, MESSAGE_MAX_LENGTH_DEFAULT);
    if (!s.canSend || !onSend(input.value)) return;
    input.value = '';
    refresh();
    input.focus();
  }

  input.addEventListener('input', () => {
    refresh();
    if (input.value.trim()) onType();
  });
  input.addEventListener('keydown', (e) => {
    // isComposing: Enter confirms an IME candidate (Japanese, Chinese…), it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submit();
    }
  });
  refresh();

  return { el, input, focus: () => input.focus(), refresh };
}
