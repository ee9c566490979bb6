import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  runDueJobs,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
// A Wednesday morning in UTC, whatever the time of day the tests run at.
const clock = manualClock(new Date('2031-01-08T09:40:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const at = (hhmm: string) => new Date(`2031-01-08T${hhmm}:00Z`);
type Timeline = Array<{ kind: string; body: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** Sam writes at 09:40 and books a callback between 10:00 and 10:30, owned by Olga; nobody else is free. */
async function samBooksACallback() {
  clock.set(at('09:40'));
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const olga = await buildAgent(t, workspace, { role: 'admin', displayName: 'Olga Admin' });
  const olgaSession = await signIn(t, olga);
  await client(t, olgaSession).put('/api/v1/agents/me/presence', { presence: 'away' });
  const sam = await buildConversation(t, workspace, 'Please call me about my order');
  const visitor = client(t, { visitorToken: sam.visitorToken });
  await client(t, olgaSession).put('/api/v1/agents/me/presence', { presence: 'available' });
  clock.set(at('09:50'));
  const booked = await visitor.post('/api/v1/widget/callback', {
    conversationId: sam.conversationId,
    phone: '+44 20 7183 8750',
    windowStart: at('10:00').toISOString(),
    windowEnd: at('10:30').toISOString(),
  });
  expect(booked.status).toBe(200);
  expect(booked.body.callback.owner.id).toBe(olga.id);
  const olgaApi = client(t, olgaSession);
  const url = `/api/v1/conversations/${sam.conversationId}`;
  return { workspace, olga, olgaApi, sam, visitor, url };
}

async function windowOpens(workspace: { id: string }, hhmm: string) {
  clock.set(at(hhmm));
  await runDueJobs(t, workspace);
}

async function timeline(api: ReturnType<typeof client>, url: string) {
  return (await api.get(`${url}/entries`)).body.entries as Timeline;
}

describe(`callbacks that ring (${backend})`, () => {
  it('a due callback prompts its owner to call Sam back now, and one click gives the number to dial', async () => {
    const { workspace, olga, olgaApi, url } = await samBooksACallback();
    await windowOpens(workspace, '10:02');
    const alerts = (await olgaApi.get('/api/v1/alerts?open=true')).body.alerts as Array<{ kind: string; text: string }>;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'callback_due' })]);
    expect(alerts[0]!.text).toMatch(/^Call .+ back now on \+442071838750 \(10:00–10:30\), as Olga Admin promised$/);
    expect((await olgaApi.get(url)).body.conversation).toMatchObject({ status: 'waiting', assignee: { id: olga.id } });

    const ring = await olgaApi.post(`${url}/callback/ring`, {});
    expect(ring.status).toBe(200);
    // The test server has a phone line configured: the answer is the number and its SIP address on that line.
    expect(ring.body).toMatchObject({ via: 'phone_line', number: '+442071838750', sipUri: expect.stringContaining('pbx.test') });
    const events = (await timeline(olgaApi, url)).flatMap((e) => (e.event?.type.startsWith('callback_') ? [e.event.type] : []));
    expect(events).toEqual(['callback_booked', 'callback_due', 'callback_ringing']);

    const reached = await olgaApi.post(`${url}/callback/outcome`, { outcome: 'reached' });
    expect(reached.status).toBe(200);
    expect(reached.body.callback).toMatchObject({ status: 'done', tries: 0 });
    const last = (await timeline(olgaApi, url)).at(-1)!;
    expect(last.event).toMatchObject({ type: 'callback_reached', data: { outcome: 'reached', try: 1 } });
    // Recorded once: a second outcome on a callback that has ended is refused.
    expect((await olgaApi.post(`${url}/callback/outcome`, { outcome: 'no_answer' })).status).toBe(409);
  });

  it('when the owner is away, routing picks the next free person, who is prompted and may ring', async () => {
    const { workspace, olga, olgaApi, url } = await samBooksACallback();
    const bo = await buildAgent(t, workspace, { displayName: 'Bo', presence: 'away' });
    const boApi = client(t, await signIn(t, bo));
    await boApi.put('/api/v1/agents/me/presence', { presence: 'available' });
    await olgaApi.put('/api/v1/agents/me/presence', { presence: 'away' });
    await windowOpens(workspace, '10:02');
    expect((await boApi.get(url)).body.conversation).toMatchObject({ status: 'waiting', assignee: { id: bo.id } });
    const alerts = (await boApi.get('/api/v1/alerts?open=true')).body.alerts as Array<{ kind: string; text: string }>;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'callback_due' })]);
    expect(alerts[0]!.text).toContain(', for Olga Admin who is away');
    const due = (await timeline(boApi, url)).find((e) => e.event?.type === 'callback_due')!;
    expect(due.event!.data).toMatchObject({ ownerId: olga.id, callerId: bo.id });
    expect((await boApi.post(`${url}/callback/ring`, {})).status).toBe(200);
    expect((await boApi.post(`${url}/callback/outcome`, { outcome: 'reached' })).body.callback.status).toBe('done');
  });

  it('no answer moves the callback to the next window and tells the customer, at most CALLBACK_MAX_TRIES tries', async () => {
    const { workspace, olga, olgaApi, url, visitor, sam } = await samBooksACallback();
    expect(t.config.callbackMaxTries).toBe(3);
    await windowOpens(workspace, '10:02');
    clock.set(at('10:05'));
    const first = await olgaApi.post(`${url}/callback/outcome`, { outcome: 'no_answer' });
    expect(first.status).toBe(200);
    expect(first.body.callback).toMatchObject({
      status: 'scheduled',
      tries: 1,
      windowStart: at('10:30').toISOString(),
      windowEnd: at('11:00').toISOString(),
    });
    expect((await olgaApi.get(url)).body.conversation).toMatchObject({ status: 'snoozed', assignee: { id: olga.id } });
    // The customer reads it on their conversation.
    const seen = (await visitor.get(`/api/v1/widget/conversations/${sam.conversationId}/entries`)).body.entries as Timeline;
    const told = seen.find((e) => e.event?.type === 'callback_no_answer')!;
    expect(told.event!.data.customerText).toBe('We tried to call you at 10:05 and will try again between 10:30 and 11:00.');
    // Not due before the next window opens.
    expect((await olgaApi.post(`${url}/callback/ring`, {})).status).toBe(409);

    await windowOpens(workspace, '10:31');
    clock.set(at('10:33'));
    const second = await olgaApi.post(`${url}/callback/outcome`, { outcome: 'no_answer' });
    expect(second.body.callback).toMatchObject({ status: 'scheduled', tries: 2, windowStart: at('11:00').toISOString() });

    await windowOpens(workspace, '11:01');
    clock.set(at('11:04'));
    const last = await olgaApi.post(`${url}/callback/outcome`, { outcome: 'no_answer' });
    expect(last.body.callback).toMatchObject({ status: 'not_reached', tries: 3 });
    // Back with its owner, with a clear note, and no further try is scheduled.
    expect((await olgaApi.get(url)).body.conversation).toMatchObject({ status: 'waiting', assignee: { id: olga.id } });
    const entries = await timeline(olgaApi, url);
    expect(entries.at(-1)).toMatchObject({ kind: 'note', body: expect.stringMatching(/^Callback not reached: .* 3 tries/) });
    expect(entries.filter((e) => e.event?.type === 'callback_no_answer')).toHaveLength(2);
    expect(entries.find((e) => e.event?.type === 'callback_not_reached')!.event!.data.customerText).toMatch(
      /^We tried to call you 3 times/,
    );
    const pending = await t.db.query(
      `select id from jobs where workspace_id = $1 and kind = 'callback_due' and status = 'pending'`,
      [workspace.id],
    );
    expect(pending).toEqual([]);
  });

  it('a wrong number ends the callback and asks the owner to confirm the number', async () => {
    const { workspace, olgaApi, url } = await samBooksACallback();
    await windowOpens(workspace, '10:02');
    const res = await olgaApi.post(`${url}/callback/outcome`, { outcome: 'wrong_number' });
    expect(res.body.callback).toMatchObject({ status: 'wrong_number', tries: 1 });
    const entries = await timeline(olgaApi, url);
    expect(entries.at(-2)!.event).toMatchObject({ type: 'callback_wrong_number' });
    expect(entries.at(-1)).toMatchObject({ kind: 'note', body: expect.stringContaining('confirm their number') });
  });

  it('a due callback is served before customers who arrived after it was requested', async () => {
    const { workspace, olga, olgaApi, url, sam } = await samBooksACallback();
    // Olga steps away and nobody else is free: when the window opens the promise stays hers, named.
    await olgaApi.put('/api/v1/agents/me/presence', { presence: 'away' });
    clock.set(at('10:01'));
    const later = await buildConversation(t, workspace, 'I arrived after the callback was booked');
    await windowOpens(workspace, '10:02');
    expect((await olgaApi.get(url)).body.conversation).toMatchObject({ status: 'waiting', assignee: { id: olga.id } });
    // Olga leaves the team: Sam is back in line, in the place he had when he asked (09:40), ahead of the newcomer.
    await t.db.query('update callbacks set owner_id = null where conversation_id = $1', [sam.conversationId]);
    await t.db.query('update conversations set assignee_id = null where id = $1', [sam.conversationId]);
    // Bo has room for one: Sam, who asked first, is served first.
    const bo = await buildAgent(t, workspace, { displayName: 'Bo', presence: 'away', capacity: { chat: 1 } });
    const boApi = client(t, await signIn(t, bo));
    await boApi.put('/api/v1/agents/me/presence', { presence: 'available' });
    const mine = (await boApi.get('/api/v1/conversations?view=mine')).body.conversations as Array<{ id: string }>;
    expect(mine.map((c) => c.id)).toEqual([sam.conversationId]);
    expect((await olgaApi.get(`/api/v1/conversations/${later.conversationId}`)).body.conversation.assignee).toBeNull();
  });

  it('someone else’s callback is not found, and an outcome that is not one is refused', async () => {
    const { workspace, olgaApi, url } = await samBooksACallback();
    await windowOpens(workspace, '10:02');
    const cy = await buildAgent(t, workspace, { displayName: 'Cy', role: 'admin' });
    const cyApi = client(t, await signIn(t, cy));
    expect((await cyApi.post(`${url}/callback/ring`, {})).status).toBe(404);
    expect((await cyApi.post(`${url}/callback/outcome`, { outcome: 'reached' })).status).toBe(404);
    for (const outcome of ['answered', '', 42, null]) {
      const res = await olgaApi.post(`${url}/callback/outcome`, { outcome });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/outcome/);
    }
    expect((await olgaApi.post(`${url}/callback/outcome`, {})).status).toBe(400);
    expect((await olgaApi.post('/api/v1/conversations/not-an-id/callback/ring', {})).status).toBe(404);
  });
});
