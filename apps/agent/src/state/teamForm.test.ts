import { describe, expect, it } from 'vitest';
import { agent, team } from '../testing/fixtures.ts';
import {
  capacitySummary,
  minutesToSeconds,
  removalWarning,
  routingFields,
  routingInput,
  secondsToMinutes,
  splitList,
  teamFields,
  teamInput,
} from './teamForm.ts';

describe('team settings form', () => {
  it('turns minutes into seconds and back', () => {
    expect(minutesToSeconds('2')).toBe(120);
    expect(minutesToSeconds('1,5')).toBe(90);
    expect(minutesToSeconds('')).toBeNull();
    expect(minutesToSeconds('soon')).toBeNull();
    expect(minutesToSeconds('-1')).toBeNull();
    expect(secondsToMinutes(90)).toBe('1.5');
    expect(secondsToMinutes(600)).toBe('10');
  });

  it('builds the team body, leaving empty fields to the server', () => {
    expect(teamInput({ name: ' Deliveries ', targetMinutes: '3', offerMinutes: '', graceMinutes: '10' })).toEqual({
      name: 'Deliveries',
      targetSeconds: 180,
      continuityGraceSeconds: 600,
    });
    expect(teamFields(team('t1', { targetSeconds: 90 })).targetMinutes).toBe('1.5');
  });

  it('reads comma-separated lists', () => {
    expect(splitList('billing, Returns ,, billing ')).toEqual(['billing', 'Returns']);
    expect(splitList('  ')).toEqual([]);
  });

  it('builds the routing body; an empty channel is not taken', () => {
    const a = agent('a1', { capacity: { chat: 4, email: 10 }, skills: ['billing'], languages: ['en', 'sw'] });
    const fields = routingFields(a);
    expect(fields).toEqual({ chat: '4', email: '10', phone: '', skills: 'billing', languages: 'en, sw' });
    expect(routingInput({ ...fields, email: '', phone: '2', languages: 'EN, sw' })).toEqual({
      capacity: { chat: 4, phone: 2 },
      skills: ['billing'],
      languages: ['en', 'sw'],
    });
    expect(capacitySummary({ chat: 4, phone: 1 })).toBe('Chat 4 · Phone 1');
    expect(capacitySummary({})).toBe('Takes no channels');
  });

  it('says what removing a colleague does: no more sign-in, their open conversations back to the queue, their words kept', () => {
    expect(removalWarning({ displayName: 'Amina Odhiambo', openConversations: 3 })).toBe(
      'Amina can no longer sign in; their 3 open conversations go back to the queue. What they wrote stays, with their name.',
    );
    expect(removalWarning({ displayName: 'Jonas', openConversations: 1 })).toBe(
      'Jonas can no longer sign in; their open conversation goes back to the queue. What they wrote stays, with their name.',
    );
    expect(removalWarning({ displayName: 'Priya', openConversations: 0 })).toMatch(
      /^Priya can no longer sign in; they hold no open/,
    );
  });
});
