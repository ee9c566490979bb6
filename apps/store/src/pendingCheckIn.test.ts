import { memoryKV } from '@warmline/realtime-client';
import type { Ticket } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { answerOf, checkInUntilAnswered, type PendingCheckIn, pendingCheckIns } from './pendingCheckIn.ts';

const pending: PendingCheckIn = {
  clientId: '7d9c2a4e-1b3f-4c5d-8e6f-0a1b2c3d4e5f',
  slug: 'westlands',
  name: 'Halima',
  contact: '+254 700 000 000',
  serviceId: 'c0ffee00-0000-4000-8000-000000000001',
  via: 'kiosk',
};
const ticket = { token: 't', code: 'R12', status: 'waiting' } as Ticket;
const network = () => Promise.reject(new TypeError('Failed to fetch'));

describe('a kiosk check-in survives a network blip', () => {
  it('is stored while unanswered and resent with the same clientId until the server answers, then forgotten', async () => {
    const kv = memoryKV();
    const sent: string[] = [];
    const waits: number[] = [];
    const replies = [network, () => Promise.resolve({ status: 503, body: null }), network];
    const answer = await checkInUntilAnswered(pending, {
      kv,
      send: (p) => {
        sent.push(p.clientId);
        // While it is being retried, a reload would find it.
        expect(pendingCheckIns(kv).load('westlands')).toEqual(pending);
        return replies.shift()?.() ?? Promise.resolve({ status: 201, body: { ticket } });
      },
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    expect(answer).toEqual({ kind: 'ticket', ticket });
    expect(sent).toEqual(Array(4).fill(pending.clientId));
    expect(waits).toEqual([500, 1000, 2000]);
    expect(pendingCheckIns(kv).load('westlands')).toBeNull();
  });

  it('backs off to at most 15 seconds however long the outage', async () => {
    let tries = 0;
    const waits: number[] = [];
    await checkInUntilAnswered(pending, {
      kv: memoryKV(),
      send: () => (++tries > 12 ? Promise.resolve({ status: 201, body: { ticket } }) : network()),
      sleep: async (ms) => void waits.push(ms),
      random: () => 1,
    });
    expect(Math.max(...waits)).toBe(15_000);
    expect(waits.length).toBe(12);
  });

  it('tells the screen how many tries it took, so it can say calmly that the line is slow', async () => {
    const told: number[] = [];
    let tries = 0;
    await checkInUntilAnswered(pending, {
      kv: memoryKV(),
      send: () => (++tries > 2 ? Promise.resolve({ status: 201, body: { ticket } }) : network()),
      sleep: async () => {},
      onRetry: (n) => told.push(n),
    });
    expect(told).toEqual([1, 2]);
  });

  it('a closed store and a refused field are answers, not reasons to retry; a rate limit is retried', () => {
    expect(answerOf(409, { error: { code: 'conflict', message: 'closed', details: { closed: true } } })).toEqual({
      kind: 'closed',
    });
    expect(answerOf(400, { error: { message: 'name: tell us your name', details: { field: 'name' } } })).toEqual({
      kind: 'refused',
      message: 'name: tell us your name',
      field: 'name',
    });
    expect(answerOf(429, null)).toBeNull();
    expect(answerOf(502, 'Bad gateway')).toBeNull();
    expect(answerOf(201, { ticket })).toEqual({ kind: 'ticket', ticket });
  });

  it('a stored check-in of another kiosk, or a damaged one, is not resumed', () => {
    const kv = memoryKV();
    const store = pendingCheckIns(kv);
    store.save(pending);
    expect(store.load('karen')).toBeNull();
    kv.set('warmline:kiosk:westlands:pending', '{"clientId":');
    expect(store.load('westlands')).toBeNull();
    kv.set('warmline:kiosk:westlands:pending', JSON.stringify({ ...pending, contact: undefined, via: 'other' }));
    expect(store.load('westlands')).toEqual({ ...pending, contact: '', via: 'kiosk' });
  });
});
