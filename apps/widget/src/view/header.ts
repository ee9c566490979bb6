import type { PublicAgent } from '@warmline/shared';
import { callbackStatus } from '../callbackWindows.ts';
import type { Chat } from '../chat.ts';
import { avatar } from './avatar.ts';
import { h, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/** The panel header: who is helping (name + photo), or the team's faces and an honest wait. */
export function createHeader(base: string, onClose: () => void, onCall: () => void) {
  const faces = h('div', { class: 'faces' });
  const title = h('p', { class: 'title' });
  const status = h('p', { class: 'status', 'data-testid': 'wl-status' });
  const position = h('p', { class: 'pos', 'data-testid': 'wl-position', hidden: true });
  const callButton = h(
    'button',
    { class: 'close', type: 'button', 'data-testid': 'wl-call', 'aria-label': 'Call us', title: 'Call us', onclick: onCall },
    icon('phone'),
  );
  const el = h(
    'header',
    { class: 'head' },
    h('div', { class: 'who' }, faces, h('div', { style: 'min-width:0' }, title, status, position)),
    callButton,
    h('button', { class: 'close', type: 'button', 'aria-label': 'Close chat', onclick: onClose }, icon('close')),
  );
  let facesKey = '';

  function setFaces(people: readonly PublicAgent[], size: number, cls: string) {
    const key = `${size}|${people.map((p) => `${p.id}:${p.avatarUrl}`).join(',')}`;
    if (key === facesKey) return;
    facesKey = key;
    faces.replaceChildren(
      ...people.map((p) => {
        const a = avatar(p, size, base);
        if (cls) a.classList.add(cls);
        a.title = p.displayName;
        return a;
      }),
    );
  }

  /** Update from the chat state. */
  function update(chat: Chat) {
    show(callButton, !chat.call.live);
    const c = chat.conversation;
    const agent = c && c.status !== 'resolved' ? c.assignee : null;
    setPosition(null);
    if (agent) {
      setFaces([agent], 42, 'big');
      // Keyed by id as well as name: a transfer to a namesake must still switch the header.
      if (title.dataset.agent !== `${agent.id}|${agent.displayName}`) {
        title.dataset.agent = `${agent.id}|${agent.displayName}`;
        const name = h('strong', { 'data-testid': 'wl-agent-name', text: agent.displayName });
        title.replaceChildren(h('span', { class: 'pre', text: 'You’re talking with ' }), name);
      }
      const byEmail = chat.wait?.agentsAvailable === 0 && (!!chat.promise || !!c?.promisedReplyBy);
      setText(
        status,
        chat.typingName
          ? 'Typing a reply…'
          : byEmail
            ? 'Will reply to you by email'
            : c?.status === 'snoozed' // set aside for later, e.g. a store visit booked: not here right now
              ? 'Has your whole story'
              : 'A real person, here to help',
      );
      return;
    }
    delete title.dataset.agent;
    setText(title, chat.workspace?.name ?? 'Chat with us');
    const cb = c?.status !== 'resolved' ? chat.callback : null;
    if (cb) {
      // A booked callback replaces the wait: who will call, and when.
      setFaces(cb.owner ? [cb.owner] : chat.team.slice(0, 3), 36, '');
      setText(status, callbackStatus(cb, new Date()).replace(/–/g, '\u2060–\u2060')); // keep 14:00–14:30 on one line
      return;
    }
    setFaces(chat.team.slice(0, 3), 36, '');
    let text = chat.wait?.text ?? 'Just a moment…';
    if (c?.status === 'resolved') text = 'This conversation is closed. Write to start a new one.';
    setText(status, text);
    const pos = chat.wait?.position;
    if (c && c.status !== 'resolved' && typeof pos === 'number' && pos > 0) setPosition(`${pos} ahead of you`);
  }

  function setPosition(text: string | null) {
    show(position, !!text);
    setText(position, text ?? '');
  }

  return { el, update };
}
