import { ATTACHMENT_ACCEPT, fileSizeInWords } from '@warmline/shared/attachmentLimits';
import { composerState, MESSAGE_MAX_LENGTH_DEFAULT } from '@warmline/shared/messageLength';
import type { ChatFiles } from '../files.ts';
import { h, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/**
 * The message box: Enter sends, Shift+Enter adds a line, empty or over-long messages are refused. The paperclip
 * chooses files, uploaded at once and shown above the box until the message goes with them.
 */
export function createComposer(onSend: (body: string) => boolean, onType: () => void, files: ChatFiles) {
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
  const picker = h('input', {
    type: 'file',
    multiple: true,
    accept: ATTACHMENT_ACCEPT,
    hidden: true,
    'data-testid': 'wl-file-input',
  });
  picker.addEventListener('change', () => {
    files.attach([...(picker.files ?? [])]);
    picker.value = '';
    input.focus();
  });
  const clip = h(
    'button',
    { class: 'clip', type: 'button', 'data-testid': 'wl-attach', 'aria-label': 'Attach a file', onclick: () => picker.click() },
    icon('clip'),
  );
  const chosen = h('div', { class: 'chosen', 'data-testid': 'wl-drafts', hidden: true });
  const problem = h('div', { class: 'attach-error', role: 'alert', 'data-testid': 'wl-attach-error', hidden: true });
  const form = h(
    'form',
    {
      class: 'composer',
      onsubmit: (e) => {
        e.preventDefault();
        submit();
      },
    },
    clip,
    picker,
    input,
    send,
  );
  const el = h('div', {}, counter, problem, chosen, form);

  function refresh() {
    const s = composerState(input.value, MESSAGE_MAX_LENGTH_DEFAULT);
    show(counter, !!s.counter);
    setText(counter, s.note ?? s.counter ?? '');
    counter.classList.toggle('over', s.over);
    input.setAttribute('aria-invalid', String(s.over));
    // Grow with the text up to the CSS max-height, then scroll.
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
    showFiles();
  }

  /** The chosen files above the box, and why one was not taken. */
  let shown = '';
  function showFiles() {
    const s = composerState(input.value, MESSAGE_MAX_LENGTH_DEFAULT);
    // Styled as idle, not disabled: the button stays reachable and clickable, and an empty send is simply refused.
    send.dataset.idle = String(!(s.canSend || (files.ready().length && !s.over)) || files.uploading);
    show(problem, !!files.error);
    setText(problem, files.error ?? '');
    show(chosen, files.drafts.length > 0);
    const now = files.drafts.map((d) => `${d.key}:${!!d.attachment}`).join();
    if (now === shown) return;
    shown = now;
    chosen.replaceChildren(
      ...files.drafts.map((d) =>
        h(
          'span',
          { class: `chip${d.attachment ? '' : ' up'}`, 'data-testid': 'wl-draft' },
          h('span', { class: 'chip-name', text: d.name }),
          h('span', { class: 'chip-size', text: d.attachment ? fileSizeInWords(d.size) : 'Uploading…' }),
          h('button', {
            type: 'button',
            class: 'chip-x',
            'aria-label': `Remove ${d.name}`,
            text: '×',
            onclick: () => files.remove(d.key),
          }),
        ),
      ),
    );
  }

  function submit() {
    const s = composerState(input.value, MESSAGE_MAX_LENGTH_DEFAULT);
    if (s.over || !onSend(input.value)) return;
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

  return { el, input, focus: () => input.focus(), refresh, showFiles };
}
