import { describe, expect, it } from 'vitest';
import { entry } from './fixtures.test-util.ts';
import { completeUpTo, lastCustomerSeq, lastSeqOf, leavesGap, mergeEntries } from './merge.ts';

describe('mergeEntries', () => {
  it('appends new entries in seq order', () => {
    const merged = mergeEntries([entry(1)], [entry(2), entry(3)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('shows an entry delivered twice only once', () => {
    const merged = mergeEntries([entry(1), entry(2)], [entry(2, { body: 'again' }), entry(3), entry(3)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(merged[1]!.body).toBe('message 2');
  });

  it('sorts entries that arrive out of order', () => {
    const merged = mergeEntries([entry(1), entry(4)], [entry(3), entry(2)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing is new, so the view does not re-render', () => {
    const held = [entry(1), entry(2)];
    expect(mergeEntries(held, [entry(1)])).toBe(held);
    expect(mergeEntries(held, [])).toBe(held);
  });
});

describe('timeline positions', () => {
  it('knows the last seq held, 0 when empty', () => {
    expect(lastSeqOf([])).toBe(0);
    expect(lastSeqOf([entry(1), entry(7)])).toBe(7);
  });

  it('knows how far nothing is missing: from a database read, then only through consecutive seqs', () => {
    expect(completeUpTo([], 0)).toBe(0);
    expect(completeUpTo([entry(1), entry(2), entry(4)], 0)).toBe(2);
    expect(completeUpTo([entry(1), entry(2), entry(4)], 3)).toBe(4);
    expect(completeUpTo([entry(5), entry(7)], 5)).toBe(5);
  });

  it('notices a gap after a missed entry', () => {
    expect(leavesGap(1, entry(2))).toBe(false);
    expect(leavesGap(1, entry(4))).toBe(true);
    expect(leavesGap(0, entry(1))).toBe(false);
  });

  it('finds the last customer message to mark as read', () => {
    const held = [entry(1), entry(2, { direction: 'out' }), entry(3, { kind: 'note', direction: null })];
    expect(lastCustomerSeq(held)).toBe(1);
    expect(lastCustomerSeq([])).toBe(0);
  });
});
