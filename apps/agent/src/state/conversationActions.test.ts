import type { ClientFrame } from '@warmline/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, entry } from '../testing/fixtures.ts';
import {
  acknowledge,
  applyDelivery,
  messageRefused,
  openConversation,
  receiveEntry,
  resendOutbox,
  resumeFinished,
  resumePositions,
  sendMessage,
} from './conversationActions.ts';
import { getState, initialState, setState } from './store.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), entries: vi.fn(), postMessage: vi.fn() }));
const sent = vi.hoisted(() => [] as ClientFrame[]);
vi.mock('../api/endpoints.ts', () => ({ conversationsApi: api }));
vi.mock('./connection.ts', () => ({
  sendFrame: (frame: ClientFrame) => {
    sent.push(frame);
    return true;
  },
}));

const seqs = () => getState().timelines.c1?.map((e) => e.seq);

describe('timeline catch-up', () => {
  beforeEach(async () => {
    setState(initialState());
    api.get.mockReset().mockResolvedValue({ conversation: conversation('c1') });
    api.entries.mockReset().mockResolvedValueOnce({ entries: [1, 2, 3, 4].map((seq) => entry(seq)) });
    await openConversation('c1');
  });

  it('resumes from the last seq with nothing missing below it, so an entry overtaken by an ack is not lost', () => {
    receiveEntry(entry(5));
    // 6 (the customer's) is still on its way through the bus when the ack for 7 comes straight back; the node dies.
    acknowledge('mine', entry(7, { clientId: 'mine', direction: 'out' }));
    expect(resumePositions()).toEqual({ c1: 5 });
    // The catch-up re-sends what is held as well as what was missing: each shows once.
    receiveEntry(entry(6));
    receiveEntry(entry(7, { clientId: 'mine', direction: 'out' }));
    resumeFinished();
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(resumePositions()).toEqual({ c1: 7 });
    expect(api.entries).toHaveBeenCalledTimes(1); // the catch-up came by resume, not by extra reads
  });

  it('reads a live gap from where the timeline is complete, not from the highest seq held', async () => {
    acknowledge('mine', entry(6, { clientId: 'mine', direction: 'out' }));
    api.entries.mockResolvedValueOnce({ entries: [entry(5), entry(6, { clientId: 'mine', direction: 'out' }), entry(7)] });
    receiveEntry(entry(7));
    expect(api.entries).toHaveBeenLastCalledWith('c1', 4, 200);
    await vi.waitFor(() => expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]));
    expect(resumePositions()).toEqual({ c1: 7 });
  });

  it('does not count a resume as complete unless `resumed` arrived', () => {
    acknowledge('mine', entry(6, { clientId: 'mine', direction: 'out' }));
    expect(resumePositions()).toEqual({ c1: 4 });
    expect(resumePositions()).toEqual({ c1: 4 }); // the socket dropped mid-catch-up: ask again from the same place
    resumeFinished();
    expect(resumePositions()).toEqual({ c1: 6 });
  });
});

describe('an email reply on the timeline', () => {
  const pending = { status: 'pending' as const, to: 'sam@example.com', error: null, at: null, attempts: 0 };
  const sent = { ...pending, status: 'sent' as const, attempts: 1 };

  beforeEach(async () => {
    setState(initialState());
    api.get.mockReset().mockResolvedValue({ conversation: conversation('c1') });
    api.entries.mockReset().mockResolvedValueOnce({
      entries: [entry(1), entry(2, { direction: 'out', channel: 'email', delivery: pending })],
    });
    await openConversation('c1');
  });

  it('shows the delivery as it moves on, live', () => {
    applyDelivery('c1', 2, sent);
    expect(getState().timelines.c1?.[1]?.delivery).toEqual(sent);
    expect(seqs()).toEqual([1, 2]);
  });

  it('reads again what it holds as not sent yet when the conversation is shown again (frames missed while away)', async () => {
    api.entries.mockResolvedValueOnce({ entries: [entry(2, { direction: 'out', channel: 'email', delivery: sent })] });
    await openConversation('c1');
    expect(api.entries).toHaveBeenLastCalledWith('c1', 1, 200);
    await vi.waitFor(() => expect(getState().timelines.c1?.[1]?.delivery).toEqual(sent));
  });
});

describe('sending', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setState(initialState());
    sent.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const sends = () => sent.filter((f) => f.type === 'send');

  it('keeps a message the server could not store yet pending and resends it with the same clientId', () => {
    sendMessage('c1', 'On its way', false);
    const { clientId } = getState().outbox[0]!;
    messageRefused(clientId, { code: 'unavailable', message: 'Try again shortly', details: { retryAfterSeconds: 3 } }, () => 0.5);
    expect(getState().outbox[0]).toMatchObject({ clientId, status: 'sending', error: null });
    vi.advanceTimersByTime(3299); // 3 s, jittered by +10% with random() = 0.5
    expect(sends()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sends()).toEqual([
      { type: 'send', clientId, conversationId: 'c1', body: 'On its way' },
      { type: 'send', clientId, conversationId: 'c1', body: 'On its way' },
    ]);
  });

  it('resends at reconnect instead when that comes first, and only once', () => {
    sendMessage('c1', 'On its way', false);
    const { clientId } = getState().outbox[0]!;
    messageRefused(clientId, { code: 'unavailable', message: 'Try again shortly' });
    resendOutbox();
    vi.advanceTimersByTime(10_000);
    expect(sends().map((f) => f.type === 'send' && f.clientId)).toEqual([clientId, clientId]);
  });

  it('still fails a message the server refused', () => {
    sendMessage('c1', '', false);
    const { clientId } = getState().outbox[0]!;
    messageRefused(clientId, { code: 'invalid', message: 'body must not be empty' });
    expect(getState().outbox[0]).toMatchObject({ status: 'failed', error: 'body must not be empty' });
    vi.advanceTimersByTime(10_000);
    expect(sends()).toHaveLength(1);
  });
});
