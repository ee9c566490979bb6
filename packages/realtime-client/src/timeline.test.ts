import { describe, expect, it } from 'vitest';
import { entry } from './fixtures.test-util.ts';
import { Timeline } from './timeline.ts';

describe('Timeline', () => {
  it('holds each seq once, whatever path it arrives by', () => {
    const t = new Timeline();
    expect(t.add(entry(1))).toBe(true);
    expect(t.add(entry(1))).toBe(false); // same entry as ack then entry
    expect(t.addAll([entry(1), entry(2), entry(2)]).map((e) => e.seq)).toEqual([2]);
    expect(t.entries()).toHaveLength(2);
  });

  it('orders by seq even when entries arrive out of order', () => {
    const t = new Timeline();
    t.addAll([entry(5), entry(2), entry(9), entry(3)]);
    expect(t.entries().map((e) => e.seq)).toEqual([2, 3, 5, 9]);
  });

  it('resumes from the highest seq held, gaps from internal notes included', () => {
    const t = new Timeline();
    t.addAll([entry(1), entry(2), entry(4)]);
    expect(t.lastSeq('c1')).toBe(4);
    expect(t.cursors(['c2'])).toEqual({ c1: 4, c2: 0 });
  });

  it('never shows internal notes', () => {
    const t = new Timeline();
    expect(t.add(entry(1, { kind: 'note' }))).toBe(false);
    expect(t.entries()).toEqual([]);
  });

  it('keeps conversations apart, oldest first', () => {
    const t = new Timeline();
    t.add(entry(1, { conversationId: 'new', createdAt: '2025-02-01T00:00:00Z' }));
    t.add(entry(1, { conversationId: 'old', createdAt: '2025-01-01T00:00:00Z' }));
    t.add(entry(2, { conversationId: 'old', createdAt: '2025-01-01T00:01:00Z' }));
    expect(t.entries().map((e) => `${e.conversationId}:${e.seq}`)).toEqual(['old:1', 'old:2', 'new:1']);
  });

  it('finds entries by clientId', () => {
    const t = new Timeline();
    t.add(entry(1, { clientId: 'x' }));
    expect(t.hasClientId('x')).toBe(true);
    expect(t.hasClientId('y')).toBe(false);
  });

  it('resumes from complete-up-to: consecutive seqs live, anything a database read proved', () => {
    const t = new Timeline();
    t.addAll([entry(1), entry(2), entry(4)]);
    expect(t.resumeCursors(['c2'])).toEqual({ c1: 2, c2: 0 });
    t.settle('c1', 3);
    expect(t.resumeCursors()).toEqual({ c1: 4 });
  });
});
