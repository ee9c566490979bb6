import { describe, expect, it } from 'vitest';
import { agent } from '../testing/fixtures.ts';
import {
  channelLoads,
  humanSeconds,
  liveWaitingSeconds,
  loadText,
  sortAgentsForOverview,
  tthByWayIn,
  tthCaption,
  waitingClock,
} from './supervisor.ts';

describe('supervisor formatting', () => {
  it('writes times the way people say them', () => {
    expect(humanSeconds(null)).toBe('—');
    expect(humanSeconds(0)).toBe('0 s');
    expect(humanSeconds(44.6)).toBe('45 s');
    expect(humanSeconds(200)).toBe('3 min 20 s');
    expect(humanSeconds(180)).toBe('3 min');
    expect(humanSeconds(725)).toBe('12 min');
    expect(humanSeconds(3600)).toBe('1 h');
    expect(humanSeconds(3900)).toBe('1 h 5 min');
  });

  it('keeps waiting clocks ticking between reads', () => {
    expect(liveWaitingSeconds(100, 5_000, 8_900)).toBe(103);
    expect(liveWaitingSeconds(100, 5_000, 4_000)).toBe(100);
    expect(waitingClock(45)).toBe('0:45');
    expect(waitingClock(723)).toBe('12:03');
    expect(waitingClock(3723)).toBe('1:02:03');
  });

  it('shows load per channel against capacity', () => {
    const a = agent('a1', { capacity: { chat: 4, email: 10 } });
    const loads = channelLoads(a, { chat: 4, email: 2, phone: 0 });
    expect(loads.map((l) => [l.channel, loadText(l), l.level])).toEqual([
      ['chat', '4 of 4', 'full'],
      ['email', '2 of 10', 'free'],
    ]);
    expect(channelLoads(agent('a2', { capacity: {} }), { phone: 1 }).map(loadText)).toEqual(['1 (not taken)']);
    expect(channelLoads(agent('a3', { capacity: { chat: 2 } }), {})[0]).toMatchObject({ open: 0, level: 'free' });
    expect(channelLoads(agent('a4', { capacity: { chat: 2 } }), { chat: 1 })[0]?.level).toBe('busy');
  });

  it('lists available people first', () => {
    const rows = [
      { agent: agent('z', { displayName: 'Zawadi', presence: 'away' }), load: {} },
      { agent: agent('b', { displayName: 'Baraka' }), load: {} },
      { agent: agent('a', { displayName: 'Amina', presence: 'busy' }), load: {} },
    ];
    expect(sortAgentsForOverview(rows).map((r) => r.agent.id)).toEqual(['b', 'a', 'z']);
  });

  it('captions today’s count', () => {
    expect(tthCaption(0)).toBe('Nobody has waited for a person yet today');
    expect(tthCaption(1)).toBe('1 customer reached a person today');
    expect(tthCaption(12)).toBe('12 customers reached a person today');
  });

  it('puts walk-ins beside chat and calls, leaving out a way in nobody came by today', () => {
    const none = { count: 0, medianSeconds: null };
    expect(tthByWayIn({ chat: { count: 4, medianSeconds: 45 }, phone: none, walkIn: { count: 2, medianSeconds: 240 } })).toBe(
      'Chat 45 s · Walk-ins 4 min',
    );
    expect(tthByWayIn({ chat: none, phone: none, walkIn: none })).toBeNull();
    expect(tthByWayIn(undefined)).toBeNull();
  });
});
