import { FakeSocket } from '@warmline/realtime-client/testing';
import type { WidgetSessionResponse } from '@warmline/shared/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Api, ApiError, type SignedInUser } from './api.ts';
import { Chat } from './chat.ts';
import { callback, entry, visitorConversation, waitEstimate } from './fixtures.test-util.ts';
import { type KV, memoryKV } from './storage.ts';

const wait = waitEstimate({
  seconds: 120,
  range: { low: 60, high: 180 },
  text: 'A person will be with you in about 1–3 minutes.',
});

function session(over: Partial<WidgetSessionResponse> = {}): WidgetSessionResponse {
  return {
    visitorToken: 'tok',
    workspace: { name: 'Juniper & Rye', greeting: 'Hi!' },
    conversation: null,
    entries: [],
    wait,
    team: [],
    ...over,
  };
}

function setup(opts: { kv?: KV; api?: Partial<Api>; user?: SignedInUser } = {}) {
  const kv = opts.kv ?? memoryKV();
  let n = 0;
  const api: Api = {
    session: vi.fn(async () => session()),
    leaveMessage: vi.fn(),
    callbackWindows: vi.fn(),
    bookCallback: vi.fn(),
    storeLocations: vi.fn(),
    availability: vi.fn(),
    bookStoreVisit: vi.fn(),
    upload: vi.fn(),
    download: vi.fn(),
    survey: vi.fn(),
    answerSurvey: vi.fn(),
    ...opts.api,
  };
  const chat = new Chat({
    workspaceKey: 'wk',
    base: 'http://h',
    api,
    kv,
    user: opts.user,
    makeSocket: (u) => new FakeSocket(u),
    uuid: () => `00000000-0000-4000-8000-00000000000${++n}`,
    random: () => 0.5,
  });
  return { chat, kv, api };
}

const flushPromises = () => vi.advanceTimersByTimeAsync(0);

describe('Chat', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the visitor token and connects with it', async () => {
    const { chat, kv } = setup();
    chat.start();
    await flushPromises();
    expect(kv.get('warmline:wk:token')).toBe('tok');
    expect(FakeSocket.last().url).toBe('ws://h/ws/visitor?token=tok');
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent).toEqual([{ type: 'resume', conversations: {} }]);
  });

  it('uploads a chosen file at once and sends it with the message by its id; words may be left out', async () => {
    const receipt = { id: 'a1', name: 'receipt.png', type: 'image/png', size: 3, url: '/api/v1/widget/attachments/a1' };
    let finishUpload: (v: { attachment: typeof receipt }) => void = () => {};
    const upload = vi.fn(() => new Promise<{ attachment: typeof receipt }>((resolve) => (finishUpload = resolve)));
    const { chat } = setup({ api: { upload } });
    chat.start();
    await flushPromises();
    FakeSocket.last().accept();
    const file = new File([new Uint8Array([1, 2, 3])], 'receipt.png', { type: 'image/png' });
    chat.files.attach([file]);
    expect(upload).toHaveBeenCalledWith('tok', file, 'receipt.png');
    // Still uploading: the message waits rather than going without its file.
    expect(chat.send('')).toBe(false);
    finishUpload({ attachment: receipt });
    await flushPromises();
    expect(chat.send('')).toBe(true);
    expect(FakeSocket.last().sent.at(-1)).toEqual({
      type: 'send',
      clientId: expect.any(String),
      body: '',
      attachmentIds: ['a1'],
    });
    expect(chat.items().at(-1)).toMatchObject({ kind: 'message', state: 'sending', attachments: [receipt] });
    expect(chat.files.drafts).toEqual([]);
  });

  it('refuses a file over 10 MB, or a sixth, with a clear line, and uploads nothing of it', async () => {
    const upload = vi.fn(() => new Promise<never>(() => {}));
    const { chat } = setup({ api: { upload } });
    chat.start();
    await flushPromises();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'video.mov');
    chat.files.attach([big]);
    expect(chat.files.error).toBe('video.mov: This file is over the 10 MB limit.');
    expect(upload).not.toHaveBeenCalled();
    const small = (i: number) => new File(['x'], `note-${i}.txt`, { type: 'text/plain' });
    chat.files.attach([1, 2, 3, 4, 5, 6].map(small));
    expect(upload).toHaveBeenCalledTimes(5);
    expect(chat.files.error).toBe('note-6.txt: A message carries at most 5 files.');
  });

  it('replaces a refused token with a fresh one', async () => {
    const kv = memoryKV();
    kv.set('warmline:wk:token', 'forged');
    const sessionFn = vi.fn(async (_k: string, t?: string) => {
      if (t) throw new ApiError(401, 'unauthenticated', 'expired');
      return session({ visitorToken: 'fresh' });
    });
    const { chat } = setup({ kv, api: { session: sessionFn } });
    chat.start();
    await flushPromises();
    expect(sessionFn.mock.calls).toEqual([['wk', 'forged', undefined], ['wk']]);
    expect(kv.get('warmline:wk:token')).toBe('fresh');
  });

  it("sends the site's signed-in user, and never shows one person's chat to the next who signs in", async () => {
    const kv = memoryKV();
    const wanjiru = { userId: 'member-1', userHash: 'h1', name: 'Wanjiru' };
    const sessionFn = vi.fn(async (_k: string, _t?: string, user?: SignedInUser) =>
      session({ visitorToken: `token-of-${user?.userId ?? 'anonymous'}` }),
    );
    setup({ kv, user: wanjiru, api: { session: sessionFn } }).chat.start();
    await flushPromises();
    expect(sessionFn.mock.calls).toEqual([['wk', undefined, wanjiru]]);
    expect(kv.get('warmline:wk:token')).toBe('token-of-member-1');

    // Same browser, Wanjiru signed out: the stored token is not offered again.
    sessionFn.mockClear();
    setup({ kv, api: { session: sessionFn } }).chat.start();
    await flushPromises();
    expect(sessionFn.mock.calls).toEqual([['wk', undefined, undefined]]);
    expect(kv.get('warmline:wk:token')).toBe('token-of-anonymous');
  });

  it('chats anonymously when the signed-in user cannot be verified', async () => {
    const sessionFn = vi.fn(async (_k: string, _t?: string, user?: SignedInUser) => {
      if (user) throw new ApiError(401, 'unauthenticated', 'The signed-in user could not be verified');
      return session({ visitorToken: 'anonymous' });
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { chat, kv } = setup({ user: { userId: 'u', userHash: 'wrong' }, api: { session: sessionFn } });
    chat.start();
    await flushPromises();
    expect(chat.phase).toBe('ready');
    expect(kv.get('warmline:wk:token')).toBe('anonymous');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('shows a message at once, sends it after resume, and replaces it with the acked entry', async () => {
    const { chat, kv } = setup();
    chat.send('Do you have rye today?');
    expect(chat.items()).toMatchObject([{ state: 'sending', body: 'Do you have rye today?' }]);
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    const clientId = '00000000-0000-4000-8000-000000000001';
    expect(ws.sent).toEqual([
      { type: 'resume', conversations: {} },
      { type: 'send', clientId, body: 'Do you have rye today?' },
    ]);
    expect(kv.get('warmline:wk:outbox')).toContain(clientId);
    const acked = entry(1, { conversationId: 'c9', clientId, body: 'Do you have rye today?' });
    ws.server({ type: 'ack', clientId, conversationId: 'c9', seq: 1, entry: acked });
    ws.server({ type: 'entry', entry: acked });
    expect(chat.items()).toMatchObject([{ state: 'sent', seq: 1, key: `c:${clientId}` }]);
    expect(chat.items()).toHaveLength(1);
    expect(kv.get('warmline:wk:outbox')).toBeNull();
    expect(chat.conversation?.id).toBe('c9');
  });

  it('resends an unacknowledged message with the same clientId after a reconnect', async () => {
    const { chat } = setup();
    chat.start();
    await flushPromises();
    FakeSocket.last().accept();
    chat.send('hello');
    FakeSocket.last().drop();
    chat.send('written while offline');
    expect(chat.items().map((i) => i.kind === 'message' && i.state)).toEqual(['sending', 'sending']);
    vi.advanceTimersByTime(1000);
    const ws = FakeSocket.last();
    ws.accept();
    expect(ws.sent.map((f) => f.clientId ?? f.type)).toEqual([
      'resume',
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('resumes from the last seq held', async () => {
    const { chat } = setup({
      api: {
        session: async () =>
          session({
            conversation: visitorConversation({ status: 'active', lastSeq: 7 }),
            entries: [entry(1), entry(7, { direction: 'out' })],
          }),
      },
    });
    chat.start();
    await flushPromises();
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'resume', conversations: { c1: 7 } });
  });

  it('resumes from the last seq with nothing missing below it, so an entry overtaken by an ack is not lost', async () => {
    const { chat } = setup({
      api: { session: async () => session({ conversation: visitorConversation(), entries: [entry(1), entry(2)] }) },
    });
    chat.start();
    await flushPromises();
    let ws = FakeSocket.last();
    ws.accept();
    chat.send('one more thing');
    const clientId = '00000000-0000-4000-8000-000000000001';
    ws.server({ type: 'entry', entry: entry(3, { direction: 'out' }) });
    // 4 (the agent's) is still on its way through the bus when the ack for 5 comes straight back; then the node dies.
    ws.server({ type: 'ack', clientId, conversationId: 'c1', seq: 5, entry: entry(5, { clientId }) });
    ws.drop();
    vi.advanceTimersByTime(1000);
    ws = FakeSocket.last();
    ws.accept();
    expect(ws.sent[0]).toEqual({ type: 'resume', conversations: { c1: 3 } });
    // The catch-up re-sends what is held as well as what was missing: each shows once.
    ws.server({ type: 'entry', entry: entry(4, { direction: 'out' }) });
    ws.server({ type: 'entry', entry: entry(5, { clientId }) });
    ws.server({ type: 'resumed' });
    expect(chat.items().map((i) => i.kind === 'message' && i.seq)).toEqual([1, 2, 3, 4, 5]);
    ws.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'resume', conversations: { c1: 5 } });
  });

  it('stalls the resume cursor at a seq it never sees (an internal note) until a resume has read past it', async () => {
    const { chat } = setup({
      api: { session: async () => session({ conversation: visitorConversation(), entries: [entry(1)] }) },
    });
    chat.start();
    await flushPromises();
    let ws = FakeSocket.last();
    ws.accept();
    ws.server({ type: 'entry', entry: entry(3, { direction: 'out' }) }); // 2 is a note
    ws.drop();
    vi.advanceTimersByTime(1000);
    ws = FakeSocket.last();
    ws.accept();
    expect(ws.sent[0]).toEqual({ type: 'resume', conversations: { c1: 1 } });
    ws.server({ type: 'entry', entry: entry(3, { direction: 'out' }) });
    ws.server({ type: 'resumed' });
    ws.server({ type: 'entry', entry: entry(4) });
    expect(chat.items().map((i) => i.kind === 'message' && i.seq)).toEqual([1, 3, 4]);
    ws.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'resume', conversations: { c1: 4 } });
  });

  it('keeps a message the server could not store yet pending and resends it with the same clientId', async () => {
    const { chat } = setup();
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    chat.send('are you there?');
    const clientId = '00000000-0000-4000-8000-000000000001';
    const unavailable = { code: 'unavailable' as const, message: 'Try again shortly', details: { retryAfterSeconds: 3 } };
    ws.server({ type: 'error', clientId, error: unavailable });
    expect(chat.items()).toMatchObject([{ state: 'sending', clientId }]);
    expect(chat.outbox.has(clientId)).toBe(true);
    vi.advanceTimersByTime(3000); // jittered: 3.3 s with random() = 0.5
    expect(ws.sent.filter((f) => f.type === 'send')).toHaveLength(1);
    vi.advanceTimersByTime(400);
    expect(ws.sent.filter((f) => f.type === 'send')).toEqual([
      { type: 'send', clientId, body: 'are you there?' },
      { type: 'send', clientId, body: 'are you there?' },
    ]);

    // Without retryAfterSeconds it waits about 2 s, unless a reconnect resends it first (and only then).
    ws.server({ type: 'error', clientId, error: { code: 'unavailable', message: 'Try again shortly' } });
    ws.drop();
    vi.advanceTimersByTime(600);
    const next = FakeSocket.last();
    next.accept();
    vi.advanceTimersByTime(5000);
    expect(next.sent.filter((f) => f.type === 'send')).toEqual([{ type: 'send', clientId, body: 'are you there?' }]);
    expect(chat.items()).toMatchObject([{ state: 'sending', clientId }]);
  });

  it('survives a reload with the outbox intact and drops what the server already stored', async () => {
    const kv = memoryKV();
    const first = setup({ kv });
    first.chat.send('one');
    first.chat.send('two');
    const stored = entry(1, { clientId: '00000000-0000-4000-8000-000000000001', body: 'one' });
    const second = setup({ kv, api: { session: async () => session({ entries: [stored] }) } });
    expect(second.chat.returning).toBe(true);
    second.chat.start();
    await flushPromises();
    expect(second.chat.items().map((i) => i.kind === 'message' && `${i.body}:${i.state}`)).toEqual(['one:sent', 'two:sending']);
  });

  it('marks a rejected message failed and retries it with the same clientId, so it is never stored twice', async () => {
    const { chat, kv } = setup();
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    chat.send('too long');
    const clientId = '00000000-0000-4000-8000-000000000001';
    ws.server({ type: 'error', clientId, error: { code: 'invalid', message: 'body is too long' } });
    expect(chat.items()).toMatchObject([{ state: 'failed', error: 'body is too long' }]);
    expect(chat.outbox.pending()).toEqual([]);
    expect(kv.get('warmline:wk:outbox')).toBeNull();
    chat.retry(clientId);
    expect(chat.items()).toMatchObject([{ state: 'sending', clientId }]);
    expect(chat.items()).toHaveLength(1);
  });

  it('resends a failed message with the clientId it failed with, after a reconnect too', async () => {
    const { chat } = setup();
    chat.start();
    await flushPromises();
    let ws = FakeSocket.last();
    ws.accept();
    chat.send('are you open on Sunday?');
    const clientId = '00000000-0000-4000-8000-000000000001';
    ws.server({ type: 'error', clientId, error: { code: 'rate_limited', message: 'Slow down a little' } });
    ws.drop();
    chat.retry(clientId);
    vi.advanceTimersByTime(1000);
    ws = FakeSocket.last();
    ws.accept();
    expect(ws.sent.filter((f) => f.type === 'send')).toEqual([{ type: 'send', clientId, body: 'are you open on Sunday?' }]);
    ws.server({
      type: 'ack',
      clientId,
      conversationId: 'c1',
      seq: 1,
      entry: entry(1, { clientId, body: 'are you open on Sunday?' }),
    });
    expect(chat.items()).toMatchObject([{ state: 'sent', clientId, seq: 1 }]);
    expect(chat.outbox.items()).toEqual([]);
  });

  it('follows assignment, wait, typing and read frames', async () => {
    const { chat } = setup();
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    const amina = { id: 'a1', displayName: 'Amina', avatarUrl: null };
    ws.server({ type: 'wait', wait: waitEstimate({ agentsAvailable: 2, text: 'About a minute' }) });
    expect(chat.wait?.text).toBe('About a minute');
    ws.server({
      type: 'visitor_conversation',
      conversation: visitorConversation({ status: 'active', assignee: amina, lastSeq: 1 }),
    });
    expect(chat.conversation?.assignee?.displayName).toBe('Amina');
    ws.server({ type: 'typing', conversationId: 'c1', typing: true, by: { kind: 'agent', name: 'Amina' } });
    expect(chat.typingName).toBe('Amina');
    ws.server({ type: 'entry', entry: entry(2, { direction: 'out' }) });
    expect(chat.typingName).toBeNull();
    ws.server({ type: 'typing', conversationId: 'c1', typing: true, by: { kind: 'agent', name: 'Amina' } });
    vi.advanceTimersByTime(6000);
    expect(chat.typingName).toBeNull();
    ws.server({ type: 'entry', entry: entry(1) });
    ws.server({ type: 'read', conversationId: 'c1', seq: 2, by: 'agent' });
    expect(chat.items().find((i) => i.kind === 'message' && i.seen)?.seq).toBe(1);
  });

  it('counts unread agent messages until seen, and reports read to the server', async () => {
    const { chat } = setup();
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    ws.server({ type: 'entry', entry: entry(1) });
    ws.server({ type: 'entry', entry: entry(2, { direction: 'out' }) });
    expect(chat.unread()).toBe(1);
    chat.markSeen();
    expect(chat.unread()).toBe(0);
    expect(ws.sent.at(-1)).toEqual({ type: 'read', conversationId: 'c1', seq: 2 });
    chat.markSeen();
    expect(ws.sent.filter((f) => f.type === 'read')).toHaveLength(1);
  });

  it('offers the server’s choices once the visitor has written and nobody is assigned, and keeps the promise', async () => {
    const leaveMessage = vi.fn(async () => ({
      conversation: visitorConversation({ lastSeq: 2, promisedReplyBy: 'z' }),
      promise: { owner: null, by: 'z', text: 'Amina will reply to you@x.com by 4:30 pm.' },
    }));
    const nobody = waitEstimate({
      agentsAvailable: 0,
      agentsOnShift: 0,
      seconds: null,
      range: null,
      text: 'Nobody is on shift right now, so we can’t promise a time.',
      choices: ['callback', 'leave_message'],
    });
    const { chat } = setup({ api: { session: async () => session({ wait: nobody }), leaveMessage } });
    chat.start();
    await flushPromises();
    expect(chat.choices).toEqual([]); // nothing written yet
    const ws = FakeSocket.last();
    ws.accept();
    chat.send('hello?');
    const clientId = '00000000-0000-4000-8000-000000000001';
    ws.server({ type: 'ack', clientId, conversationId: 'c1', seq: 1, entry: entry(1, { clientId }) });
    expect(chat.choices).toEqual(['callback', 'leave_message']);
    expect(await chat.leaveMessage('you@x.com', '')).toBeNull();
    expect(leaveMessage).toHaveBeenCalledWith('tok', { conversationId: 'c1', email: 'you@x.com' });
    expect(chat.promise).toBe('Amina will reply to you@x.com by 4:30 pm.');
    expect(chat.choices).toEqual([]);
  });

  it('offers choices only when the server lists them and nobody is assigned', async () => {
    const { chat } = setup({
      api: { session: async () => session({ conversation: visitorConversation(), entries: [entry(1)] }) },
    });
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    expect(chat.choices).toEqual([]); // a short wait: no choices listed
    ws.server({ type: 'wait', wait: waitEstimate({ seconds: 900, position: 6, choices: ['callback'] }) });
    expect(chat.choices).toEqual(['callback']);
    ws.server({
      type: 'visitor_conversation',
      conversation: visitorConversation({ status: 'active', assignee: { id: 'a2', displayName: 'Jonas', avatarUrl: null } }),
    });
    expect(chat.choices).toEqual([]); // a person is here
    ws.server({ type: 'visitor_conversation', conversation: visitorConversation({ status: 'resolved' }) });
    expect(chat.choices).toEqual([]);
  });

  it('does not offer choices to a server that sends none (older than the contract)', async () => {
    const old = { agentsAvailable: 0, seconds: null, text: 'Everyone is away' } as unknown as typeof wait;
    const { chat } = setup({
      api: { session: async () => session({ wait: old, conversation: visitorConversation(), entries: [entry(1)] }) },
    });
    chat.start();
    await flushPromises();
    expect(chat.choices).toEqual([]);
  });

  it('follows live wait frames: position and wording', async () => {
    const { chat } = setup({
      api: { session: async () => session({ conversation: visitorConversation(), entries: [entry(1)] }) },
    });
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    ws.server({ type: 'wait', wait: waitEstimate({ position: 3, text: 'A person will be with you in about 3–5 minutes.' }) });
    expect(chat.wait).toMatchObject({ position: 3, text: 'A person will be with you in about 3–5 minutes.' });
    ws.server({ type: 'wait', wait: waitEstimate({ position: 0, text: 'A person will be with you in about a minute.' }) });
    expect(chat.wait?.position).toBe(0);
  });

  it('loads callback windows, drops those already over, and books one', async () => {
    vi.setSystemTime(new Date('2025-01-01T14:10:00.000Z'));
    const windows = [
      { start: '2025-01-01T14:30:00.000Z', end: '2025-01-01T15:00:00.000Z' },
      { start: '2025-01-01T13:30:00.000Z', end: '2025-01-01T14:00:00.000Z' }, // over
      { start: '2025-01-01T14:00:00.000Z', end: '2025-01-01T14:30:00.000Z' },
    ];
    const booked = callback();
    const bookCallback = vi.fn(async () => ({
      callback: booked,
      conversation: visitorConversation({ callback: booked }),
      text: 'Amina will call you on +254 712 345 678 between 14:00 and 14:30. You keep your place in line.',
    }));
    const { chat, kv } = setup({
      api: {
        session: async () =>
          session({ conversation: visitorConversation(), entries: [entry(1)], wait: waitEstimate({ choices: ['callback'] }) }),
        callbackWindows: async () => ({ timezone: 'Africa/Nairobi', windows }),
        bookCallback,
      },
    });
    chat.start();
    await flushPromises();
    const res = await chat.callbackWindows();
    expect(res).toEqual({ timezone: 'Africa/Nairobi', windows: [windows[2], windows[0]] });
    expect(await chat.bookCallback(' +254 712 345 678 ', windows[2]!)).toBeNull();
    expect(bookCallback).toHaveBeenCalledWith('tok', {
      conversationId: 'c1',
      phone: '+254 712 345 678',
      windowStart: '2025-01-01T14:00:00.000Z',
      windowEnd: '2025-01-01T14:30:00.000Z',
      inBrowser: false,
    });
    expect(chat.callback?.id).toBe('cb1');
    expect(chat.callbackConfirmation).toMatch(/^Amina will call you on \+254/);
    expect(chat.choices).toEqual([]); // arranged: no more offers
    // The server's event with the same sentence is not shown again as a system line beside the confirmation.
    const sentence = chat.callbackConfirmation ?? '';
    const booking = { type: 'callback_booked', data: { customerText: sentence } };
    const ws = FakeSocket.last();
    ws.accept();
    ws.server({ type: 'entry', entry: entry(2, { kind: 'event', direction: null, event: booking }) });
    expect(chat.items().filter((i) => i.kind === 'event')).toEqual([]);

    // After a reload the booking comes back with the session, and so does the sentence we were told.
    const again = setup({
      kv,
      api: { session: async () => session({ conversation: visitorConversation({ callback: booked }), entries: [entry(1)] }) },
    });
    again.chat.start();
    await flushPromises();
    expect(again.chat.callback?.status).toBe('scheduled');
    expect(again.chat.callbackConfirmation).toMatch(/You keep your place in line/);
  });

  it('keeps a booked callback when a conversation frame from an older server omits it', async () => {
    const { chat } = setup({
      api: { session: async () => session({ conversation: visitorConversation({ callback: callback() }), entries: [entry(1)] }) },
    });
    chat.start();
    await flushPromises();
    const ws = FakeSocket.last();
    ws.accept();
    const { callback: _omit, ...withoutCallback } = visitorConversation({ lastSeq: 3 });
    ws.server({ type: 'visitor_conversation', conversation: withoutCallback as never });
    expect(chat.callback?.id).toBe('cb1');
    ws.server({ type: 'visitor_conversation', conversation: visitorConversation({ callback: callback({ status: 'done' }) }) });
    expect(chat.callback).toBeNull();
  });

  it('says which field a refused callback is about', async () => {
    let message = 'body.phone: that is not a phone number';
    const { chat } = setup({
      api: {
        session: async () => session({ conversation: visitorConversation(), entries: [entry(1)] }),
        bookCallback: async () => {
          throw new ApiError(400, 'invalid', message);
        },
      },
    });
    chat.start();
    await flushPromises();
    const w = { start: '2025-01-01T14:00:00.000Z', end: '2025-01-01T14:30:00.000Z' };
    expect(await chat.bookCallback('12', w)).toEqual({ field: 'phone', message: 'That is not a phone number' });
    message = 'That window is outside our opening hours — please pick another time.';
    expect(await chat.bookCallback('+254712345678', w)).toEqual({ field: 'window', message });
  });

  it('shows the server’s error message when leaving a message fails', async () => {
    const { chat } = setup({
      api: {
        leaveMessage: async () => {
          throw new ApiError(400, 'invalid', 'email must be a valid email address');
        },
      },
    });
    chat.start();
    await flushPromises();
    FakeSocket.last().accept();
    FakeSocket.last().server({ type: 'entry', entry: entry(1) });
    expect(await chat.leaveMessage('bad', '')).toBe('Email must be a valid email address');
  });

  it('retries a failed session load and says so calmly', async () => {
    let calls = 0;
    const { chat } = setup({
      api: {
        session: async () => {
          if (++calls === 1) throw new ApiError(0, 'network', 'We can’t reach the chat right now.');
          return session();
        },
      },
    });
    chat.start();
    await flushPromises();
    expect(chat.phase).toBe('error');
    expect(chat.problem).toMatch(/can’t reach/);
    await vi.advanceTimersByTimeAsync(5000);
    expect(chat.phase).toBe('ready');
    expect(chat.problem).toBeNull();
  });
});
