import type { VisitorCall } from '@warmline/shared/types';
import type { Chat } from '../chat.ts';
import { avatar } from './avatar.ts';
import { h, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/** "3:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What the customer reads about their call: who, what is happening, and how long honestly. */
export function callWords(call: VisitorCall | null, now: number, problem: string | null): { title: string; status: string } {
  if (!call) return { title: problem ? 'Call not started' : 'Calling…', status: problem ?? 'Connecting your call…' };
  const name = call.person?.displayName ?? 'our team';
  const since = (at: string | null) => (at ? (now - Date.parse(at)) / 1000 : 0);
  if (call.status === 'ringing' && call.direction === 'outbound') {
    return { title: `${name} is calling you back`, status: 'Answer to talk here, in your browser.' };
  }
  if (call.status === 'ringing') {
    const left = Math.max(1, Math.ceil(call.ringSeconds - since(call.rangAt)));
    return { title: `Ringing ${name}…`, status: `Up to ${left} s more, then we try a colleague. No menus, no music.` };
  }
  if (call.status === 'answered') {
    return call.onHold
      ? { title: `On hold · ${clock(since(call.answeredAt))}`, status: `${name} put you on hold for a moment.` }
      : { title: `On a call with ${name}`, status: clock(since(call.answeredAt)) };
  }
  if (call.direction === 'outbound' && (call.outcome === 'missed' || call.outcome === 'declined')) {
    return { title: 'Call ended', status: `You missed ${name}’s call. They will try again, or write to us here.` };
  }
  const ended: Record<string, string> = {
    completed: `Call ended · ${clock(call.durationSeconds ?? 0)}`,
    missed: 'Nobody could answer in time. We can call you back, keeping your place.',
    declined: 'Nobody could answer right now. We can call you back, keeping your place.',
    cancelled: call.direction === 'outbound' ? `${name} stopped ringing.` : 'You hung up before we answered.',
    failed: 'The call was cut off.',
  };
  return { title: call.outcome === 'completed' ? `Call with ${name}` : 'Call ended', status: ended[call.outcome ?? 'failed']! };
}

/** The call card under the header: ringing, in call, on hold, ended; hang up or switch to "call me back". */
export function createCallCard(base: string, chat: Chat) {
  const face = h('div', { class: 'callface' });
  const title = h('p', { class: 'calltitle', 'data-testid': 'wl-call-title' });
  const status = h('p', { class: 'callstatus', 'data-testid': 'wl-call-status', role: 'status' });
  const hangUp = h(
    'button',
    { class: 'hang', type: 'button', 'data-testid': 'wl-hangup', onclick: () => chat.call.hangUp() },
    icon('phone'),
    'Hang up',
  );
  const pickWord = h('span', { text: 'Answer' });
  const pickUp = h(
    'button',
    { class: 'pick', type: 'button', 'data-testid': 'wl-answer', onclick: () => chat.call.answer() },
    icon('phone'),
    pickWord,
  );
  const notNow = h('button', {
    class: 'link',
    type: 'button',
    'data-testid': 'wl-decline',
    text: 'Not now',
    onclick: () => chat.call.decline(),
  });
  const callback = h('button', {
    class: 'link',
    type: 'button',
    'data-testid': 'wl-call-callback',
    text: 'Call me back instead',
    onclick: () => {
      chat.wantsCallback = true;
      chat.call.putAway();
    },
  });
  const close = h('button', { class: 'link', type: 'button', text: 'Close', onclick: () => chat.call.dismiss() });
  const el = h(
    'section',
    { class: 'call', 'data-testid': 'wl-call-card', 'aria-label': 'Your call', hidden: true },
    h('div', { class: 'callwho' }, face, h('div', { style: 'min-width:0' }, title, status)),
    h('div', { class: 'callacts' }, pickUp, hangUp, notNow, callback, close),
  );
  let faceKey = '-';
  let timer: ReturnType<typeof setInterval> | null = null;

  function update() {
    const { call, problem } = chat.call;
    const visible = chat.call.live || !!call || !!problem;
    show(el, visible);
    const live = chat.call.live;
    if (live && !timer) timer = setInterval(update, 1000);
    if (!live && timer) {
      clearInterval(timer);
      timer = null;
    }
    if (!visible) return;
    const state = !call ? 'placing' : call.status === 'answered' && call.onHold ? 'hold' : call.status;
    el.dataset.state = state;
    const words = callWords(call, Date.now(), problem);
    setText(title, words.title);
    setText(status, words.status);
    const person = call?.person ?? null;
    const key = person ? `${person.id}:${person.avatarUrl}` : '';
    if (key !== faceKey) {
      faceKey = key;
      face.replaceChildren(person ? avatar(person, 40, base) : icon('phone'));
    }
    const ringingMe = chat.call.ringingMe;
    show(pickUp, ringingMe);
    setText(pickWord, chat.call.placing ? 'Answering…' : 'Answer');
    show(notNow, ringingMe && !chat.call.placing);
    show(hangUp, live && !!call && !ringingMe);
    const outbound = call?.direction === 'outbound';
    const unanswered = !outbound && (call?.outcome === 'missed' || call?.outcome === 'declined');
    show(callback, ((state === 'ringing' && !outbound) || unanswered) && !chat.callback);
    setText(callback, unanswered ? 'Call me back' : 'Call me back instead');
    show(close, !live);
  }

  return { el, update };
}
