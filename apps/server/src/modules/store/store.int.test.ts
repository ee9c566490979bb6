import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { buildWestlands, WEEKDAYS_9_TO_5 } from '../../testing/storeFactories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
// A Wednesday morning in Nairobi, whatever the time of day the tests run at.
const clock = manualClock(new Date('2031-01-08T07:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const westlands = () => buildWestlands(t, clock);

describe(`the store counter (${backend})`, () => {
  it('a walk-in checks in at the kiosk: a short code, their place and an honest wait; the same check-in sent again is the same ticket', async () => {
    const { slug, kiosk, returns } = await westlands();
    const info = await kiosk.get(`/api/v1/store/locations/${slug}`);
    expect(info.body.location).toMatchObject({ name: 'Westlands', open: true, waiting: 0, opensAt: null });
    expect(info.body.location.services.map((s: { name: string }) => s.name)).toEqual(['Returns', 'Advice']);

    const clientId = randomUUID();
    const first = await kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, {
      clientId,
      name: 'Sam Otieno',
      serviceId: returns.id,
    });
    expect(first.status).toBe(201);
    expect(first.body.ticket).toMatchObject({
      code: 'R1',
      status: 'waiting',
      position: 0,
      service: 'Returns',
      name: 'Sam Otieno',
    });
    expect(first.body.ticket.text).toMatch(/^You are next/);
    // The kiosk's network blipped and it sent the same check-in again.
    const again = await kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, {
      clientId,
      name: 'Sam Otieno',
      serviceId: returns.id,
    });
    expect(again.body.ticket.token).toBe(first.body.ticket.token);

    const second = await kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, {
      clientId: randomUUID(),
      name: 'Wanjiru',
      serviceId: returns.id,
    });
    // Two people on the floor: Wanjiru is next after Sam, and someone is free for her at once.
    expect(second.body.ticket).toMatchObject({ code: 'R2', position: 1 });
    expect((await kiosk.get(`/api/v1/store/tickets/${second.body.ticket.token}`)).body.ticket.position).toBe(1);
  });

  it('call next: two staff pressing at once call two different people, and the visit on the timeline becomes theirs', async () => {
    const { admin, brianApi, location, checkIn, kiosk } = await westlands();
    const sam = (await checkIn('Sam Otieno')).body.ticket;
    await checkIn('Wanjiru');
    const [a, b] = await Promise.all([
      admin.post(`/api/v1/locations/${location.id}/call-next`),
      brianApi.post(`/api/v1/locations/${location.id}/call-next`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(new Set([a.body.ticket.name, b.body.ticket.name])).toEqual(new Set(['Sam Otieno', 'Wanjiru']));
    const empty = await admin.post(`/api/v1/locations/${location.id}/call-next`);
    expect(empty.status).toBe(409);
    expect(empty.body.error.message).toBe('Nobody is waiting right now.');

    // Sam's page says who is ready for them.
    const samNow = (await kiosk.get(`/api/v1/store/tickets/${sam.token}`)).body.ticket;
    expect(samNow.status).toBe('called');
    expect(samNow.text).toMatch(/^It's your turn: (Amina|Brian) is ready for you at the counter$/);

    const samCalled = [a, b].find((r) => r.body.ticket.name === 'Sam Otieno')!.body.ticket;
    const conversation = (await admin.get(`/api/v1/conversations/${samCalled.conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ channel: 'in_person', status: 'active' });
    expect(conversation.assignee.id).toBe(samCalled.servedBy.id);
    const entries = (await admin.get(`/api/v1/conversations/${samCalled.conversationId}/entries`)).body.entries as Array<{
      body: string;
    }>;
    expect(entries.map((e) => e.body)).toEqual([
      expect.stringMatching(/^Checked in at Westlands for Returns \(ticket R\d+\)$/),
      expect.stringMatching(/ called Sam Otieno \(R\d+\) to the counter$/),
    ]);
    const queue = (await admin.get(`/api/v1/locations/${location.id}/queue`)).body;
    expect(queue.timeToHumanSeconds).toBe(0);
  });

  it('served with a follow-up keeps the visit open and theirs; a no-show ends it; the customer’s page says so', async () => {
    const { admin, location, checkIn, kiosk } = await westlands();
    const sam = (await checkIn('Sam Otieno')).body.ticket;
    const pat = (await checkIn('Pat')).body.ticket;
    const called = (await admin.post(`/api/v1/locations/${location.id}/call-next`)).body.ticket;
    const early = await admin.post(
      `/api/v1/walk-ins/${(await admin.get(`/api/v1/locations/${location.id}/queue`)).body.tickets[1].id}/end`,
      {
        outcome: 'served',
      },
    );
    expect(early.status).toBe(409);
    const served = await admin.post(`/api/v1/walk-ins/${called.id}/end`, {
      outcome: 'served',
      note: 'Swapped the kettle',
      followUp: 'Call Sam when the blue one is back in stock',
    });
    expect(served.body.ticket.status).toBe('served');
    const visit = (await admin.get(`/api/v1/conversations/${called.conversationId}`)).body.conversation;
    expect(visit.status).toBe('active');
    expect((await kiosk.get(`/api/v1/store/tickets/${sam.token}`)).body.ticket.text).toMatch(
      /^Thank you for coming in — Amina helped you today$/,
    );

    const patCalled = (await admin.post(`/api/v1/locations/${location.id}/call-next`)).body.ticket;
    await admin.post(`/api/v1/walk-ins/${patCalled.id}/end`, { outcome: 'no_show' });
    expect((await admin.get(`/api/v1/conversations/${patCalled.conversationId}`)).body.conversation.status).toBe('resolved');
    expect((await kiosk.get(`/api/v1/store/tickets/${pat.token}`)).body.ticket.status).toBe('no_show');
    expect((await admin.post(`/api/v1/walk-ins/${patCalled.id}/end`, { outcome: 'served' })).status).toBe(409);
  });

  it('from their phone: stepping out keeps the place, being back returns to it, leaving ends the visit; a tampered link opens nothing', async () => {
    const { checkIn, kiosk, admin, location } = await westlands();
    const sam = (await checkIn('Sam Otieno')).body.ticket;
    const pat = (await checkIn('Pat')).body.ticket;
    const out = await kiosk.post(`/api/v1/store/tickets/${sam.token}/step-out`, { minutes: 30 });
    expect(out.body.ticket).toMatchObject({ status: 'away', awayUntil: '2031-01-08T07:30:00.000Z', position: null });
    // While Sam is out, Pat is next.
    expect((await kiosk.get(`/api/v1/store/tickets/${pat.token}`)).body.ticket.position).toBe(0);
    const back = await kiosk.post(`/api/v1/store/tickets/${sam.token}/come-back`, {});
    expect(back.body.ticket).toMatchObject({ status: 'waiting', position: 0 });

    const left = await kiosk.post(`/api/v1/store/tickets/${pat.token}/cancel`, {});
    expect(left.body.ticket.status).toBe('cancelled');
    expect((await kiosk.post(`/api/v1/store/tickets/${pat.token}/step-out`, { minutes: 15 })).status).toBe(409);
    expect((await admin.get(`/api/v1/locations/${location.id}/queue`)).body.tickets.map((x: { name: string }) => x.name)).toEqual(
      ['Sam Otieno'],
    );

    const tampered = `${sam.token.slice(0, -2)}xx`;
    for (const token of [tampered, 'nonsense', `${randomUUID()}.abc`]) {
      expect((await kiosk.get(`/api/v1/store/tickets/${token}`)).status).toBe(404);
    }
    expect((await kiosk.post(`/api/v1/store/tickets/${sam.token}/step-out`, { minutes: 500 })).body.error.message).toMatch(
      /minutes must be at most 120/,
    );
  });

  it('outside opening hours the kiosk is told when the store opens, and a check-in is refused with that choice', async () => {
    const { slug, kiosk, returns } = await westlands();
    clock.set(new Date('2031-01-08T15:30:00Z')); // 18:30 in Nairobi
    const info = (await kiosk.get(`/api/v1/store/locations/${slug}`)).body.location;
    expect(info).toMatchObject({ open: false, opensAt: '2031-01-09T06:00:00.000Z' });
    const refused = await kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, {
      clientId: randomUUID(),
      name: 'Late',
      serviceId: returns.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ message: expect.stringMatching(/closed now/), details: { closed: true } });
  });

  it('a contact the business verified links the visit to that customer; any other contact makes a new customer who may only be suggested', async () => {
    const { admin, checkIn, location } = await westlands();
    // Added by an agent, Kamau's email counts as proven by the business.
    const known = (await admin.post('/api/v1/customers', { name: 'Kamau Otieno', email: 'kamau@example.com' })).body.customer;
    await checkIn('Kamau', { contact: 'kamau@example.com' });
    // A number nobody proved: each walk-in giving it is a customer of their own, never merged by it.
    await checkIn('Someone', { contact: '+254 712 000 999' });
    await checkIn('Someone else', { contact: '+254712000999' });
    const tickets = (await admin.get(`/api/v1/locations/${location.id}/queue`)).body.tickets as Array<{
      name: string;
      customerId: string;
    }>;
    const by = (name: string) => tickets.find((x) => x.name === name)!.customerId;
    expect(by('Kamau')).toBe(known.id);
    expect(by('Someone')).not.toBe(by('Someone else'));
    const bad = await checkIn('Typo', { contact: 'not a contact' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^contact: that is neither an email address nor a phone number/);
  });

  it('only the staff of a location (and supervisors and admins) work its counter; an admin sets locations up with clear refusals', async () => {
    const { chebetApi, brianApi, location, admin, slug } = await westlands();
    expect((await chebetApi.get(`/api/v1/locations/${location.id}/queue`)).status).toBe(404);
    expect((await chebetApi.post(`/api/v1/locations/${location.id}/call-next`)).status).toBe(404);
    expect((await chebetApi.get('/api/v1/locations')).body.locations).toEqual([]);
    expect((await brianApi.get('/api/v1/locations')).body.locations.map((l: { id: string }) => l.id)).toEqual([location.id]);
    const base = {
      name: 'Karen',
      timezone: 'Africa/Nairobi',
      openingHours: WEEKDAYS_9_TO_5,
      services: [{ name: 'Returns', typicalMinutes: 10 }],
    };
    expect((await brianApi.post('/api/v1/locations', { ...base, slug: 'karen' })).status).toBe(403);
    const taken = await admin.post('/api/v1/locations', { ...base, slug });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/^slug: ".+" is taken/);
    const badSlug = await admin.post('/api/v1/locations', { ...base, slug: 'Karen Branch!' });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.message).toMatch(/slug must be 1–40 lower-case letters/);
    const noServices = await admin.post('/api/v1/locations', { ...base, slug: 'karen-2', services: [] });
    expect(noServices.body.error.message).toMatch(/a location offers at least one service/);
  });

  it('the "your turn" page follows its ticket live: each move of the line arrives as an event, without asking', async () => {
    const { admin, location, checkIn } = await westlands();
    await checkIn('Sam Otieno');
    const pat = (await checkIn('Pat')).body.ticket;
    const { tickets, close } = follow(`/api/v1/store/tickets/${pat.token}/live`);
    try {
      await expect.poll(() => tickets.at(-1)?.position).toBe(1);
      await admin.post(`/api/v1/locations/${location.id}/call-next`);
      await expect.poll(() => tickets.at(-1)?.position).toBe(0);
      await admin.post(`/api/v1/locations/${location.id}/call-next`);
      await expect.poll(() => tickets.at(-1)?.status).toBe('called');
      expect(tickets.at(-1)!.text).toBe("It's your turn: Amina is ready for you at the counter");
    } finally {
      close();
    }
  });
});

/** Reads a server-sent event stream of tickets, as the page's EventSource would. */
function follow(path: string) {
  const tickets: Array<{ position: number | null; status: string; text: string }> = [];
  let buffer = '';
  const req = http.get(new URL(path, t.url), (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith('data: ')) tickets.push(JSON.parse(event.slice(6)));
      }
    });
  });
  req.on('error', () => {});
  return { tickets, close: () => req.destroy() };
}
