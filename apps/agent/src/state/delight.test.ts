import type { DelightMoment } from '@warmline/shared/types';
import { describe, expect, it } from 'vitest';
import { entry, T0 } from '../testing/fixtures.ts';
import { momentOfEntry, ratingLine, withMoment } from './delight.ts';

const moment = (seq: number | null, status: DelightMoment['status'], id = `m${seq}`): DelightMoment => ({
  id,
  conversationId: 'c1',
  seq,
  surveyResponseId: seq === null ? 'r1' : null,
  words: 'You made my day',
  csat: null,
  feeling: null,
  source: 'agent',
  status,
  customerFirstName: 'Wanjiru',
  agent: null,
  decidedBy: null,
  team: null,
  createdAt: T0,
});

const warm = entry(3, {
  kind: 'message',
  direction: 'in',
  body: 'This is wonderful, I love it!',
  emotion: { label: 'delighted', sentiment: 0.85, upset: false },
});

describe('moments of delight on the timeline', () => {
  it('a warm customer message is offered at once; what the server holds wins', () => {
    expect(momentOfEntry([], warm)).toEqual({ state: 'suggested', moment: null });
    expect(momentOfEntry([moment(3, 'dismissed')], warm).state).toBe('dismissed');
    expect(momentOfEntry([moment(3, 'kept')], warm).state).toBe('kept');
    // A plain message is not offered; an agent's reply never is.
    const plain = { ...warm, body: 'Where is my parcel?', emotion: { label: 'neutral' as const, sentiment: 0, upset: false } };
    expect(momentOfEntry([], plain)).toEqual({ state: 'none' });
    expect(momentOfEntry([], { ...warm, direction: 'out' })).toEqual({ state: 'none' });
  });

  it('a decided moment replaces the one it was; a new one is added', () => {
    const list = [moment(3, 'suggested'), moment(null, 'suggested', 's1')];
    expect(withMoment(list, moment(3, 'kept')).map((m) => m.status)).toEqual(['kept', 'suggested']);
    expect(withMoment(list, moment(5, 'kept'))).toHaveLength(3);
  });

  it('a survey answer without words reads as its score and feeling', () => {
    expect(ratingLine({ csat: 5, feeling: 'delighted' })).toBe('★★★★★ 5 out of 5 · felt delighted');
    expect(ratingLine({ csat: null, feeling: 'grateful' })).toBe('felt grateful');
  });
});
