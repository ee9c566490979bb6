import { describe, expect, it } from 'vitest';
import { awaitingAck, markFailed, type PendingMessage, retry, settle } from './outbox.ts';

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
