import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newAddress,
  runDueJobs,
  signIn,
} from '../../testing/factories.ts';
import { type FakeSmsProvider, startFakeSmsProvider } from '../../testing/fakeSmsProvider.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
// A Wednesday morning in Nairobi (10:00), whatever the time of day the tests run at.
const NOW = new Date('2031-01-08T07:00:00Z');
const clock = manualClock(NOW);
serverOnClock(clock, (server) => {
  t = server;
});
let relay: MailCatcher;
let provider: FakeSmsProvider;
beforeAll(async () => {
  relay = await startMailCatcher();
  provider = await startFakeSmsProvider();
  t.config.smtp = smtpSettingsFor(relay);
  t.config.sms = provider.settings();
});
afterAll(async () => {
  t.config.smtp = null;
  t.config.sms = null;
  await relay?.close();
  await provider?.close();
});

const WEEKDAYS_9_TO_5 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00', '17:00']]));
/** 15:00 in Nairobi on a day of January 2031. */
const nairobi = (day: string, hhmm: string) => new Date(`2031-01-${day}T${hhmm}:00+03:00`).toISOString();

/** Westlands, open weekdays 9–5, where Amina (an admin) and Brian take appointments. */
async function westlands() {
  clock.set(NOW);
  const workspace = await buildWorkspace(t);
  const amina = await buildAgent(t, workspace, { role: 'admin', displayName: 'Amina Odhiambo', presence: 'available' });
  const brian = await buildAgent(t, workspace, { displayName: 'Brian Kiprop', presence: 'available' });
  const admin = client(t, await signIn(t, amina));
  const slug = `westlands-${randomUUID().slice(0, 8)}`;
  const location = (
    await admin.post('/api/v1/locations', {
      slug,
      name: 'Westlands',
      address: 'Sarit Centre, Nairobi',
      timezone: 'Africa/Nairobi',
      openingHours: WEEKDAYS_9_TO_5,
      services: [{ name: 'Advice', typicalMinutes: 20 }],
      staffIds: [amina.id, brian.id],
    })
  ).body.location as { id: string; services: Array<{ id: string }> };
  const serviceId = location.services[0]!.id;
  const web = client(t, { from: newAddress() });
  const book = (start: string, extra: Record<string, unknown> = {}) =>
    web.post(`/api/v1/store/locations/${slug}/appointments`, {
      clientId: randomUUID(),
      serviceId,
      start,
      agentId: null,
      name: 'Sam Otieno',
      contact: 'sam@example.com',
      ...extra,
    });
  return { workspace, slug, location, serviceId, admin, amina, brian, web, book };
}

describe(`appointments at the store (${backend})`, () => {
  it('the calendar offers quarter hours inside the opening hours, from half an hour ahead, with who is free', async () => {
    const { slug, serviceId, web, amina, brian } = await westlands();
    const day = (await web.get(`/api/v1/store/locations/${slug}/availability?serviceId=${serviceId}&date=2031-01-08`)).body;
    expect(day.timezone).toBe('Africa/Nairobi');
    expect(day.slots[0]).toMatchObject({ start: nairobi('08', '10:30'), end: nairobi('08', '10:50') });
    // A 20-minute service can start at 16:30 at the latest: it must end by closing time.
    expect(day.slots.at(-1).start).toBe(nairobi('08', '16:30'));
    expect(new Set(day.slots[0].people)).toEqual(new Set([amina.id, brian.id]));
    const saturday = (await web.get(`/api/v1/store/locations/${slug}/availability?serviceId=${serviceId}&date=2031-01-11`)).body;
    expect(saturday.slots).toEqual([]);
  });

  it('booked with a named person: on their calendar and the customer’s timeline; the same booking sent again is the same one', async () => {
    const { book, admin, amina, web, slug, serviceId } = await westlands();
    const clientId = randomUUID();
    const first = await book(nairobi('09', '15:00'), { clientId, agentId: amina.id });
    expect(first.status).toBe(201);
    expect(first.body.appointment).toMatchObject({
      status: 'booked',
      person: { id: amina.id },
      anyPerson: false,
      text: 'Advice with Amina at Westlands, Thursday 9 January, 15:00',
    });
    expect((await book(nairobi('09', '15:00'), { clientId, agentId: amina.id })).body.appointment.token).toBe(
      first.body.appointment.token,
    );
    // Amina is taken at 15:00 (and 15:15, for a 20-minute service); Brian is still free then.
    const day = (await web.get(`/api/v1/store/locations/${slug}/availability?serviceId=${serviceId}&date=2031-01-09`)).body;
    const at = (hhmm: string) => day.slots.find((s: { start: string }) => s.start === nairobi('09', hhmm))?.people ?? [];
    expect(at('15:00')).not.toContain(amina.id);
    expect(at('15:15')).not.toContain(amina.id);
    expect(at('15:30')).toContain(amina.id);
    const mine = (await admin.get('/api/v1/conversations?view=mine')).body.conversations as Array<{
      channel: string;
      status: string;
    }>;
    expect(mine).toEqual([expect.objectContaining({ channel: 'in_person', status: 'snoozed' })]);
  });

  it('double booking is impossible: people booking the same person at the same moment get one booking; "anyone" fills the others', async () => {
    const { book, amina } = await westlands();
    const same = await Promise.all(Array.from({ length: 4 }, () => book(nairobi('09', '11:00'), { agentId: amina.id })));
    expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(same.find((r) => r.status === 409)!.body.error.message).toMatch(
      /(just booked by someone else|That person is booked then)/,
    );
    // Brian is still free at 11:00 for anyone; after him the time is full.
    const anyone = await book(nairobi('09', '11:00'));
    expect(anyone.body.appointment).toMatchObject({ anyPerson: true, person: { displayName: 'Brian Kiprop' } });
    const full = await book(nairobi('09', '11:00'));
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ message: 'That time is fully booked: pick another.', details: { full: true } });
  });

  it('a past time, one off the quarter hours, one outside the hours, an unknown person: each refused with what is wrong', async () => {
    const { book } = await westlands();
    const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
      [nairobi('08', '09:00'), {}, 400, /that time has passed or is too soon/],
      [nairobi('09', '15:10'), {}, 400, /times are on the quarter hour/],
      [nairobi('09', '19:00'), {}, 400, /outside the opening hours/],
      [nairobi('09', '15:00'), { agentId: randomUUID() }, 404, /not found/i],
      [nairobi('09', '15:00'), { contact: '' }, 400, /contact: an email or phone number/],
    ];
    for (const [start, extra, status, message] of cases) {
      const res = await book(start, extra);
      expect(res.status, `${start} ${JSON.stringify(extra)}`).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('the customer’s link reschedules (freeing the old time) and cancels; a changed link opens nothing, an old one has expired', async () => {
    const { book, web, amina } = await westlands();
    const booked = (await book(nairobi('09', '15:00'), { agentId: amina.id })).body.appointment;
    const link = `/api/v1/store/appointments/${booked.token}`;
    expect((await web.get(link)).body.appointment.start).toBe(nairobi('09', '15:00'));
    const moved = await web.post(`${link}/reschedule`, { start: nairobi('10', '10:00'), agentId: amina.id });
    expect(moved.body.appointment.text).toBe('Advice with Amina at Westlands, Friday 10 January, 10:00');
    // The old time is free for someone else now.
    expect((await book(nairobi('09', '15:00'), { agentId: amina.id, name: 'Pat' })).status).toBe(201);

    expect((await web.get(`/api/v1/store/appointments/${booked.token.slice(0, -1)}x`)).status).toBe(404);
    expect((await web.get(`/api/v1/store/appointments/${booked.token.replace(/\.(\d+)\./, '.9$1.')}`)).status).toBe(404);
    const cancelled = await web.post(`${link}/cancel`, {});
    expect(cancelled.body.appointment.status).toBe('cancelled');
    expect((await web.post(`${link}/reschedule`, { start: nairobi('10', '11:00') })).status).toBe(409);

    clock.set(new Date('2031-01-12T12:00:00Z'));
    const expired = await web.get(link);
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toMatch(/This link has expired/);
    expect(expired.body.error.details).toEqual({ expired: true });
  });

  it('a reminder goes by email two hours before, with the link to change it, and says so on the timeline', async () => {
    const { book, workspace, admin } = await westlands();
    const email = `sam-${randomUUID().slice(0, 6)}@example.com`;
    const booked = (await book(nairobi('09', '15:00'), { contact: email })).body.appointment;
    clock.set(new Date(nairobi('09', '13:00')));
    await runDueJobs(t, workspace);
    const [mail] = await relay.waitFor(email, 1);
    expect(mail!.subject).toBe(`Your appointment: ${booked.text}`);
    expect(mail!.text).toContain(`/book/`);
    expect(mail!.text).toContain(encodeURIComponent(booked.token));
    const visit = (await admin.get('/api/v1/conversations?view=all')).body.conversations[0];
    const entries = (await admin.get(`/api/v1/conversations/${visit.id}/entries`)).body.entries as Array<{ body: string }>;
    expect(entries.map((e) => e.body)).toContain(`Reminder sent to ${email}: ${booked.text}`);
  });

  it('a reminder to a phone number goes by text through the SMS provider, with the link, and says so on the timeline', async () => {
    const { book, workspace, admin } = await westlands();
    const booked = (await book(nairobi('09', '15:00'), { contact: '+254722000111' })).body.appointment;
    clock.set(new Date(nairobi('09', '13:00')));
    await runDueJobs(t, workspace);
    const texts = provider.texts.filter((m) => m.to === '+254722000111');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(new RegExp(`^Reminder: ${booked.text}\\. Change or cancel: .*/book/`));
    const visit = (await admin.get('/api/v1/conversations?view=all')).body.conversations[0];
    const entries = (await admin.get(`/api/v1/conversations/${visit.id}/entries`)).body.entries as Array<{ body: string }>;
    expect(entries.map((e) => e.body)).toContain(`Reminder sent to +254722000111: ${booked.text}`);
  });

  it('a chat customer booked into the store keeps their story: the visit starts on that conversation and ends like a walk-in', async () => {
    const { workspace, admin, location, serviceId, amina } = await westlands();
    const chat = await buildConversation(t, workspace, 'My blender broke after a week, can someone look at it?');
    const booked = await admin.post(`/api/v1/conversations/${chat.conversationId}/appointments`, {
      locationId: location.id,
      serviceId,
      start: nairobi('08', '14:00'),
      agentId: amina.id,
    });
    expect(booked.status).toBe(201);
    const visitor = client(t, { visitorToken: chat.visitorToken });
    const seen = (await visitor.get(`/api/v1/widget/conversations/${chat.conversationId}/entries`)).body.entries as Array<{
      event: { data: { customerText?: string } } | null;
    }>;
    expect(seen.at(-1)!.event!.data.customerText).toBe(
      "You're booked: Advice with Amina at Westlands, Wednesday 8 January, 14:00. See you then!",
    );

    clock.set(new Date(nairobi('08', '13:58')));
    const queue = (await admin.get(`/api/v1/locations/${location.id}/queue`)).body;
    expect(queue.appointments).toEqual([
      expect.objectContaining({ conversationId: chat.conversationId, person: expect.objectContaining({ id: amina.id }) }),
    ]);
    const started = await admin.post(`/api/v1/appointments/${queue.appointments[0].id}/start`);
    expect(started.body.ticket).toMatchObject({ status: 'called', conversationId: chat.conversationId });
    expect((await admin.post(`/api/v1/appointments/${queue.appointments[0].id}/start`)).status).toBe(409);
    const ended = await admin.post(`/api/v1/walk-ins/${started.body.ticket.id}/end`, { outcome: 'served' });
    expect(ended.body.ticket.status).toBe('served');
    const story = (await admin.get(`/api/v1/conversations/${chat.conversationId}/entries`)).body.entries as Array<{
      body: string;
    }>;
    expect(story[0]!.body).toBe('My blender broke after a week, can someone look at it?');
    expect(story.at(-2)!.body).toMatch(/^Amina Odhiambo served .+ at Westlands$/);
    // Resolved at the counter, a chat customer is asked how we did in their chat (docs/surveys.md).
    expect(story.at(-1)!.body).toBe('Asked how we did, in the chat');
  });

  it('a customer waiting in the chat chooses to see someone in the store: their place and their story go with them', async () => {
    const { workspace, location, serviceId, admin, brian } = await westlands();
    const chat = await buildConversation(t, workspace, 'Can I bring the broken kettle in instead of waiting here?');
    const visitor = client(t, { visitorToken: chat.visitorToken });
    const stores = (await visitor.get('/api/v1/widget/locations')).body.locations;
    expect(stores).toEqual([
      expect.objectContaining({ id: location.id, name: 'Westlands', services: [expect.objectContaining({ id: serviceId })] }),
    ]);
    const visit = await visitor.post('/api/v1/widget/store-visit', {
      conversationId: chat.conversationId,
      locationId: location.id,
      serviceId,
      start: nairobi('08', '15:00'),
      agentId: brian.id,
      contact: 'kettle@example.com',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.appointment).toMatchObject({
      person: { id: brian.id },
      text: 'Advice with Brian at Westlands, Wednesday 8 January, 15:00',
    });
    const conversation = (await admin.get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ status: 'snoozed', assignee: { id: brian.id } });
    const story = (await admin.get(`/api/v1/conversations/${chat.conversationId}/entries`)).body.entries as Array<{
      body: string;
    }>;
    expect(story[0]!.body).toBe('Can I bring the broken kettle in instead of waiting here?');
    expect(story.at(-1)!.body).toBe('Appointment booked: Advice with Brian at Westlands, Wednesday 8 January, 15:00');
    // Someone else's conversation is not theirs to book.
    const other = await buildConversation(t, workspace, 'hello');
    const refused = await visitor.post('/api/v1/widget/store-visit', {
      conversationId: other.conversationId,
      locationId: location.id,
      serviceId,
      start: nairobi('08', '16:00'),
    });
    expect(refused.status).toBe(404);
  });
});
