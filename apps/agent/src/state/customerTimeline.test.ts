import type { TimelineItem } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { appendOlder, groupByDay, timelineKey } from './customerTimeline.ts';

function item(at: string, overrides: Partial<TimelineItem> = {}): TimelineItem {
  return {
    kind: 'message',
    at,
    customerId: 'cu1',
    conversationId: 'c1',
    channel: 'chat',
    direction: 'in',
    type: null,
    text: `said at ${at}`,
    author: { kind: 'customer', name: 'Ana' },
    mood: null,
    ...overrides,
  };
}

const at = (day: number, hour = 10) => new Date(2025, 0, day, hour).toISOString();

describe('appendOlder', () => {
  it('puts the older page below what is shown', () => {
    const held = [item(at(5)), item(at(4))];
    const merged = appendOlder(held, [item(at(3)), item(at(2))]);
    expect(merged.map((i) => i.at)).toEqual([at(5), at(4), at(3), at(2)]);
  });

  it('shows an item once when the pages overlap (something new arrived between the reads)', () => {
    const held = [item(at(5)), item(at(4))];
    const merged = appendOlder(held, [item(at(4)), item(at(3))]);
    expect(merged.map((i) => i.at)).toEqual([at(5), at(4), at(3)]);
  });

  it('keeps two different things that happened at the same instant', () => {
    const message = item(at(4));
    const event = item(at(4), { kind: 'event', type: 'assigned', text: 'Amina took the conversation', direction: null });
    expect(timelineKey(message)).not.toBe(timelineKey(event));
    expect(appendOlder([message], [event])).toHaveLength(2);
  });

  it('returns the same array when the page adds nothing', () => {
    const held = [item(at(5))];
    expect(appendOlder(held, [item(at(5))])).toBe(held);
  });
});

describe('groupByDay', () => {
  const now = new Date(2025, 0, 10, 15).getTime();

  it('gives each day one heading, newest first, with today and yesterday by name', () => {
    const days = groupByDay([item(at(10, 14)), item(at(10, 9)), item(at(9)), item(at(2))], now);
    expect(days.map((d) => d.label.length > 0)).toEqual([true, true, true]);
    expect(days[0]).toMatchObject({ label: 'Today' });
    expect(days[0]!.items).toHaveLength(2);
    expect(days[1]).toMatchObject({ label: 'Yesterday' });
    expect(days[2]!.label).not.toMatch(/Today|Yesterday/);
  });

  it('names the year only for earlier years', () => {
    const days = groupByDay([item(new Date(2024, 11, 24, 12).toISOString())], now);
    expect(days[0]!.label).toMatch(/2024/);
    expect(groupByDay([item(at(2))], now)[0]!.label).not.toMatch(/2025/);
  });
});
