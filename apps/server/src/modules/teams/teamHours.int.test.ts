import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
// A Wednesday, 10:00 UTC (13:00 in Nairobi), whatever the time of day the tests run at.
const clock = manualClock(new Date('2031-03-05T10:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

/** The Nairobi store keeps mornings only, Monday to Friday, and is closed on Thursday 6 March for stocktaking. */
const STORE_HOURS = {
  timezone: 'Africa/Nairobi',
  openingHours: {
    mon: ['09:00', '12:00'],
    tue: ['09:00', '12:00'],
    wed: ['09:00', '12:00'],
    thu: ['09:00', '12:00'],
    fri: ['09:00', '12:00'],
    sat: null,
    sun: null,
  },
  holidays: [{ date: '2031-03-06', name: 'Stocktaking', hours: null }],
};

/** The workspace is always open; a customer's conversation is with the store's team. */
async function aCustomerOfTheStore() {
  clock.set(new Date('2031-03-05T10:00:00Z'));
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const admin = client(t, await signIn(t, await buildAgent(t, workspace, { role: 'admin' })));
  const store = await buildTeam(t, workspace, { name: 'Nairobi store' });
  const customer = await buildConversation(t, workspace, 'Can the store call me about my order?');
  await t.db.query('update conversations set team_id = $1 where id = $2', [store.id, customer.conversationId]);
  const visitor = client(t, { visitorToken: customer.visitorToken });
  const hoursNow = async () =>
    ((await admin.get('/api/v1/teams')).body.teams as Array<{ id: string; hours: unknown }>).find((x) => x.id === store.id)!
      .hours;
  return { workspace, admin, store, customer, visitor, hoursNow };
}

describe(`a team's own hours (${backend})`, () => {
  it('an admin sets them, each mistake named; a conversation with the team is offered callbacks inside them only', async () => {
    const s = await aCustomerOfTheStore();
    const url = `/api/v1/teams/${s.store.id}`;
    const bad: Array<[object, RegExp]> = [
      [{ ...STORE_HOURS, timezone: 'Mars/Olympus' }, /timezone must be an IANA time zone/],
      [{ ...STORE_HOURS, openingHours: { mon: ['12:00', '09:00'] } }, /a day must open before it closes/],
      [{ ...STORE_HOURS, holidays: [{ date: '2031-02-30', name: 'Nope', hours: null }] }, /a real day of the calendar/],
    ];
    for (const [hours, message] of bad) {
      const res = await s.admin.patch(url, { hours });
      expect(res.status, JSON.stringify(hours)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await s.hoursNow()).toBeNull();

    // Before: the workspace's hours (always open) give a window straight away.
    const before = (await s.visitor.get('/api/v1/widget/callback-windows')).body;
    expect(new Date(before.windows[0].start).getTime()).toBeLessThan(new Date('2031-03-05T12:00:00Z').getTime());

    const saved = await s.admin.patch(url, { hours: STORE_HOURS });
    expect(saved.status).toBe(200);
    expect(saved.body.team.hours).toEqual(STORE_HOURS);
    // Wednesday's morning is over in Nairobi and Thursday is stocktaking: the first window is Friday 09:00 there.
    const after = (await s.visitor.get('/api/v1/widget/callback-windows')).body;
    expect(after.timezone).toBe('Africa/Nairobi');
    expect(after.windows[0].start).toBe('2031-03-07T06:00:00.000Z');
    expect(after.windows.every((w: { start: string }) => !w.start.startsWith('2031-03-06'))).toBe(true);

    // A window the workspace would allow but the store does not keep is refused, and nothing is booked.
    const booking = {
      conversationId: s.customer.conversationId,
      phone: '+254 712 345 678',
      windowStart: '2031-03-05T14:00:00.000Z',
      windowEnd: '2031-03-05T14:30:00.000Z',
    };
    const refused = await s.visitor.post('/api/v1/widget/callback', booking);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/outside our opening hours/);
    expect((await s.admin.get(`/api/v1/conversations/${s.customer.conversationId}`)).body.conversation.callback).toBeNull();
    const booked = await s.visitor.post('/api/v1/widget/callback', {
      ...booking,
      windowStart: after.windows[0].start,
      windowEnd: after.windows[0].end,
    });
    expect(booked.status).toBe(200);
    // Told in the store's time: Friday, 09:00 in Nairobi.
    expect(booked.body.text).toMatch(/on Friday 7 March, between 09:00 and 09:30 \(GMT\+3\)/);
  });

  it('set back to null, the team follows the workspace’s hours again; only admins change them', async () => {
    const s = await aCustomerOfTheStore();
    const url = `/api/v1/teams/${s.store.id}`;
    expect((await s.admin.patch(url, { hours: STORE_HOURS })).status).toBe(200);
    const agent = client(t, await signIn(t, await buildAgent(t, s.workspace, { role: 'agent' })));
    const forbidden = await agent.patch(url, { hours: null });
    expect(forbidden.status).toBe(403);
    expect(await s.hoursNow()).toEqual(STORE_HOURS);
    const cleared = await s.admin.patch(url, { hours: null });
    expect(cleared.body.team.hours).toBeNull();
    const windows = (await s.visitor.get('/api/v1/widget/callback-windows')).body;
    expect(windows.timezone).toBe('UTC');
    expect(new Date(windows.windows[0].start).getTime()).toBeLessThan(new Date('2031-03-05T12:00:00Z').getTime());
  });
});
