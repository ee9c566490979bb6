import type { CustomerSummary, SearchResponse } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { LatestRequest, moveActive, searchOptions, searchTerm } from './search.ts';

const person = (id: string): CustomerSummary => ({
  id,
  name: id,
  email: null,
  phone: null,
  verified: false,
  erased: false,
  createdAt: '2025-01-01T10:00:00.000Z',
});

describe('searchTerm', () => {
  it('waits for something worth searching', () => {
    expect(searchTerm('')).toBeNull();
    expect(searchTerm('   ')).toBeNull();
    expect(searchTerm('c')).toBeNull();
  });

  it('trims and tidies what was typed', () => {
    expect(searchTerm('  birthday   cake ')).toBe('birthday cake');
    expect(searchTerm('ca')).toBe('ca');
  });
});

describe('LatestRequest', () => {
  it('aborts the previous request when a newer one starts', () => {
    const latest = new LatestRequest();
    const first = latest.start();
    const second = latest.start();
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('treats an answer to an older request as stale, even when it arrives last', () => {
    const latest = new LatestRequest();
    const ca = latest.start();
    const cake = latest.start();
    // "cake" answers first, then the slow "ca" arrives.
    expect(latest.isLatest(cake.id)).toBe(true);
    expect(latest.isLatest(ca.id)).toBe(false);
  });

  it('makes everything in flight stale when cancelled (the box was cleared)', () => {
    const latest = new LatestRequest();
    const request = latest.start();
    latest.cancel();
    expect(request.signal.aborted).toBe(true);
    expect(latest.isLatest(request.id)).toBe(false);
    const next = latest.start();
    expect(latest.isLatest(next.id)).toBe(true);
  });
});

describe('search results for the keyboard', () => {
  const results: SearchResponse = {
    customers: [person('cu1'), person('cu2')],
    conversations: [
      { conversationId: 'c9', customer: person('cu1'), channel: 'chat', status: 'resolved', snippet: '«cake»', at: '' },
    ],
  };

  it('lists people first, then conversations', () => {
    expect(searchOptions(results)).toEqual([
      { kind: 'customer', id: 'cu1' },
      { kind: 'customer', id: 'cu2' },
      { kind: 'conversation', id: 'c9' },
    ]);
    expect(searchOptions(null)).toEqual([]);
  });

  it('moves the highlight with the arrows and wraps at either end', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(1, 1, 0)).toBe(-1);
  });
});
