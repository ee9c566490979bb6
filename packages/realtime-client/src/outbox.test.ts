import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitingAck, markFailed, memoryStore, Outbox, type OutboxMessage, retry, settle } from './outbox.ts';

interface PendingMessage extends OutboxMessage {
  conversationId: string;
  note: boolean;
  createdAt: string;
}

function pending(clientId: string): PendingMessage {
  return { clientId, conversationId: 'c1', body: 'hi', note: false, status: 'sending', error: null, createdAt: '' };
}

describe('outbox', () => {
  it('drops a message once it is acknowledged', () => {
    const outbox = [pending('a'), pending('b')];
    expect(settle(outbox, 'a').map((m) => m.clientId)).toEqual(['b']);
    expect(settle(outbox, 'zzz')).toBe(outbox);
  });

  it('resends every unacknowledged message after a reconnect but not refused ones', () => {
    const outbox = markFailed([pending('a'), pending('b')], 'a', 'body must not be empty');
    expect(outbox[0]).toMatchObject({ status: 'failed', error: 'body must not be empty' });
    expect(awaitingAck(outbox).map((m) => m.clientId)).toEqual(['b']);
  });

  it('retries a failed message with its original clientId', () => {
    const outbox = retry(markFailed([pending('a')], 'a', 'nope'), 'a');
    expect(awaitingAck(outbox)).toEqual([pending('a')]);
  });
});

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const sent: string[] = [];
    const box = new Outbox<PendingMessage>({ store: memoryStore(), transmit: (m) => sent.push(m.clientId), random: () => 0.5 });
    return { box, sent };
  }

  it('resends after the time the server asked for, or at reconnect if sooner, and only once', () => {
    const { box, sent } = setup();
    box.add(pending('a'));
    expect(box.refused('a', { code: 'unavailable', message: 'later', details: { retryAfterSeconds: 3 } })).toBe('pending');
    vi.advanceTimersByTime(3299);
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['a', 'a']);
    box.refused('a', { code: 'unavailable', message: 'later' });
    box.flush();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual(['a', 'a', 'a']);
  });

  it('sends a retried message again under the clientId it failed with', () => {
    const { box, sent } = setup();
    box.add(pending('a'));
    expect(box.refused('a', { code: 'invalid', message: 'nope' })).toBe('failed');
    box.flush();
    expect(sent).toEqual(['a']);
    box.retry('a');
    expect(sent).toEqual(['a', 'a']);
    expect(box.pending()).toEqual([pending('a')]);
  });
});
