import { describe, expect, it } from 'vitest';
import { entry } from './fixtures.test-util.ts';
import { buildItems, countUnread, eventText } from './timeline.ts';

const none = () => 0;

describe('buildItems', () => {
  it('shows a pending message once, and keeps its key when it is acknowledged', () => {
    const pending = [{ clientId: 'u1', body: 'hello', at: Date.UTC(2025, 0, 2) }];
    const before = buildItems([], pending, [], none);
    expect(before).toMatchObject([{ key: 'c:u1', state: 'sending', seq: null, body: 'hello' }]);
    const acked = entry(3, { clientId: 'u1', body: 'hello' });
    // Outbox not yet cleared (ack reached another tab first): still one bubble.
    const after = buildItems([acked], pending, [], none);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ key: 'c:u1', state: 'sent', seq: 3 });
  });

  it('puts unsent and failed messages after delivered ones', () => {
    const items = buildItems(
      [entry(1), entry(2, { direction: 'out' })],
      [{ clientId: 'p', body: 'pending', at: 2 }],
      [{ clientId: 'f', body: 'failed', at: 1, error: 'body too long' }],
      none,
    );
    expect(items.map((i) => (i.kind === 'message' ? i.state : i.kind))).toEqual(['sent', 'sent', 'failed', 'sending']);
    expect(items[2]).toMatchObject({ error: 'body too long' });
  });

  it('marks only the last visitor message as seen, once an agent read covers it', () => {
    const entries = [entry(1), entry(2, { direction: 'out' }), entry(3), entry(4, { direction: 'out' })];
    const seenAt = (n: number) =>
      buildItems(entries, [], [], () => n)
        .filter((i) => i.kind === 'message' && i.seen)
        .map((i) => i.seq);
    expect(seenAt(2)).toEqual([]);
    expect(seenAt(3)).toEqual([3]);
    expect(seenAt(10)).toEqual([3]);
  });

  it('renders events as system lines from customerText, and skips events meant for agents', () => {
    const ev = (seq: number, type: string, data: Record<string, unknown>) =>
      entry(seq, {
        kind: 'event',
        direction: null,
        body: 'internal wording',
        author: { kind: 'system', id: null, name: null, avatarUrl: null },
        event: { type, data },
      });
    const items = buildItems(
      [
        ev(2, 'assigned', { customerText: 'Amina, who helped you last week, is joining.' }),
        ev(3, 'priority_changed', { to: 40 }),
        ev(4, 'transferred', { customerText: 'Jonas is joining — he looks after deliveries.', note: 'refund > €50' }),
        ev(5, 'escalated', { customerText: '   ' }),
        ev(6, 'status_changed', { to: 'resolved' }),
      ],
      [],
      [],
      none,
    );
    expect(items).toEqual([
      { kind: 'event', key: 'v:c1:2', seq: 2, text: 'Amina, who helped you last week, is joining.' },
      { kind: 'event', key: 'v:c1:4', seq: 4, text: 'Jonas is joining — he looks after deliveries.' },
    ]);
  });
});

describe('eventText', () => {
  const ev = (type: string, data: Record<string, unknown> = {}, body = '') =>
    entry(1, { kind: 'event', direction: null, body, event: { type, data } });
  it('uses the sentence meant for the customer', () => {
    expect(eventText(ev('assigned', { customerText: 'Amina is joining.', agentName: 'Amina' }))).toBe('Amina is joining.');
    expect(eventText(ev('callback_booked', { customerText: 'Amina will call you at 14:00.' }))).toBe(
      'Amina will call you at 14:00.',
    );
  });
  it('falls back to naming who joined only for `assigned`', () => {
    expect(eventText(ev('assigned', { agentName: 'Sam' }))).toBe('Sam joined the conversation');
    expect(eventText(ev('assigned', { assignee: { id: 'a1', displayName: 'Amina', avatarUrl: null } }))).toBe(
      'Amina joined the conversation',
    );
    expect(eventText({ ...ev('assigned'), author: { kind: 'agent', id: 'a', name: 'Lee', avatarUrl: null } })).toBe(
      'Lee joined the conversation',
    );
  });
  it('shows nothing for events without customerText: they are for agents', () => {
    expect(eventText(ev('something', {}, 'Something happened'))).toBeNull();
    expect(eventText(ev('transferred', { agentName: 'Jonas' }))).toBeNull();
    expect(eventText(ev('status_changed', { to: 'resolved' }))).toBeNull();
    expect(eventText(ev('left_message', {}, 'Left a message for a reply by email'))).toBeNull();
    expect(eventText(ev('assigned', { customerText: 42 }))).toBe('A person joined the conversation');
  });
});

describe('countUnread', () => {
  it('counts agent messages after the seen seq', () => {
    const entries = [entry(1), entry(2, { direction: 'out' }), entry(3, { direction: 'out' }), entry(4)];
    expect(countUnread(entries, () => 0)).toBe(2);
    expect(countUnread(entries, () => 2)).toBe(1);
    expect(countUnread(entries, () => 4)).toBe(0);
  });
});
