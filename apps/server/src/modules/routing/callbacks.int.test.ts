import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { backend, startTestServer, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

const PHONE = '+254 712 345 678';
const MINUTE = 60_000;

type Timeline = Array<{ kind: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** A workspace open around the clock, an owner who is away, and a visitor waiting: the case for a callback. */
async function waitingWithNobodyFree(server: TestServer) {
  const workspace = await buildWorkspace(server);
  await setOpeningHours(server, workspace, ALWAYS_OPEN);
  const olu = await buildAgent(server, workspace, { displayName: 'Olu', presence: 'away' });
  const customer = await buildConversation(server, workspace, 'Nobody is answering, can someone call me?');
  const ada = await buildAgent(server, workspace, { role: 'admin', displayName: 'Ada' });
  const admin = await signIn(server, ada);
  return { workspace, olu, ada, customer, admin, visitor: client(server, { visitorToken: customer.visitorToken }) };
}

async function callbackJobs(server: TestServer, workspace: { id: string }) {
  return server.db.query<{ status: string; runAt: Date }>(
    `select status, run_at as "runAt" from jobs where workspace_id = $1 and kind = 'callback_due' order by id`,
    [workspace.id],
  );
}

/** The person who made the promise is at work when its window opens (when away, the next free person rings). */
async function ownerAtWork(server: TestServer, owner: { id: string }) {
  await server.db.query(`update agents set presence = 'available' where id = $1`, [owner.id]);
}

/** Time passes: the callback window opens now. */
async function windowOpens(server: TestServer, workspace: { id: string }) {
  await server.db.query(
    `update jobs set run_at = now() - interval '1 second' where workspace_id = $1 and kind = 'callback_due' and status = 'pending'`,
    [workspace.id],
  );
  await runDueJobs(server, workspace);
}

/** The next weekday (Monday to Friday, UTC) after today at this hour and minute. */
function nextWeekdayAt(hour: number, minute = 0): Date {
  const d = new Date();
  d.setUTCHours(hour, minute, 0, 0);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d;
}

describe(`callbacks instead of waiting (${backend})`, () => {
  it('the visitor is offered half-hour callback windows inside opening hours, the first starting now', async () => {
    const { visitor } = await waitingWithNobodyFree(t);
    const before = Date.now();
    const res = await visitor.get('/api/v1/widget/callback-windows');
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe('UTC');
    const windows = (res.body.windows as Array<{ start: string; end: string }>).map((w) => ({
      start: Date.parse(w.start),
      end: Date.parse(w.end),
    }));
    expect(windows.length).toBe(12);
    expect(windows[0]!.start).toBeGreaterThanOrEqual(before - MINUTE);
    expect(windows[0]!.start).toBeLessThanOrEqual(before + 30 * MINUTE);
    for (const [i, w] of windows.entries()) {
      expect(w.end % (30 * MINUTE)).toBe(0);
      expect(w.end - w.start).toBeGreaterThanOrEqual(10 * MINUTE);
      expect(w.end - w.start).toBeLessThanOrEqual(30 * MINUTE);
      if (i > 0) expect(w.start).toBe(windows[i - 1]!.end);
    }
  });

  it('a booked callback takes the conversation out of the live queue, keeps its place in line, and brings it back to the named owner when the window opens', async () => {
    const { workspace, olu, ada, customer, admin, visitor } = await waitingWithNobodyFree(t);
    const agent = client(t, admin);
    const before = (await agent.get(`/api/v1/conversations/${customer.conversationId}`)).body.conversation;
    const windows = (await visitor.get('/api/v1/widget/callback-windows')).body.windows as Array<{ start: string; end: string }>;
    // The second window is still to come, so the job waits for it.
    const window = windows[1]!;

    const booked = await visitor.post('/api/v1/widget/callback', {
      conversationId: customer.conversationId,
      phone: PHONE,
      windowStart: window.start,
      windowEnd: window.end,
    });
    expect(booked.status).toBe(200);
    // A named person owns the promise: the least busy colleague, as nobody has the conversation yet.
    const owner = booked.body.callback.owner as { id: string; displayName: string };
    expect([olu.id, ada.id]).toContain(owner.id);
    expect(booked.body.callback).toMatchObject({ phone: '+254712345678', status: 'scheduled' });
    const hhmm = (iso: string) => iso.slice(11, 16);
    expect(booked.body.text).toMatch(new RegExp(`^${owner.displayName} will call you on \\+254712345678\\b`));
    expect(booked.body.text).toContain(`between ${hhmm(window.start)} and ${hhmm(window.end)}`);
    expect(booked.body.text).toMatch(/You keep your place in line\.$/);
    expect(booked.body.conversation).toMatchObject({ status: 'snoozed', callback: { status: 'scheduled' } });

    const snoozed = (await agent.get(`/api/v1/conversations/${customer.conversationId}`)).body.conversation;
    expect(snoozed).toMatchObject({ status: 'snoozed', queueSince: before.queueSince, assignee: { id: owner.id } });
    const queue = (await agent.get('/api/v1/conversations?view=waiting')).body.conversations as Array<{ id: string }>;
    expect(queue.map((c) => c.id)).not.toContain(customer.conversationId);
    // The promise is a row in the database, waiting for the window, not a timer in this process.
    expect(await callbackJobs(t, workspace)).toEqual([{ status: 'pending', runAt: new Date(window.start) }]);

    await ownerAtWork(t, owner);
    await windowOpens(t, workspace);
    const due = (await agent.get(`/api/v1/conversations/${customer.conversationId}`)).body.conversation;
    expect(due).toMatchObject({
      status: 'waiting',
      assignee: owner,
      queueSince: before.queueSince,
      callback: { status: 'due', phone: '+254712345678' },
    });
    const entries = (await agent.get(`/api/v1/conversations/${customer.conversationId}/entries`)).body.entries as Timeline;
    const events = entries.filter((e) => e.kind === 'event').map((e) => e.event!);
    expect(events.map((e) => e.type)).toEqual(['callback_booked', 'callback_due']);
    expect(events[1]!.data).toMatchObject({ ownerId: owner.id, phone: '+254712345678' });
    expect(await callbackJobs(t, workspace)).toEqual([{ status: 'done', runAt: expect.any(Date) }]);
  });

  it('the person named in the promise owns it: in their Mine with its window, on the supervisor’s promises, and reminded when it falls due', async () => {
    const { workspace, olu, ada, customer, admin, visitor } = await waitingWithNobodyFree(t);
    const window = (await visitor.get('/api/v1/widget/callback-windows')).body.windows[1] as { start: string; end: string };
    const booked = await visitor.post('/api/v1/widget/callback', {
      conversationId: customer.conversationId,
      phone: PHONE,
      windowStart: window.start,
      windowEnd: window.end,
    });
    const owner = booked.body.callback.owner as { id: string; displayName: string };
    const ownerSession = await signIn(t, owner.id === olu.id ? olu : ada);
    const mine = (await client(t, ownerSession).get('/api/v1/conversations?view=mine')).body.conversations as Array<{
      id: string;
      assignee: { id: string } | null;
      callback: { windowStart: string; windowEnd: string; owner: { id: string } } | null;
    }>;
    expect(mine.map((c) => c.id)).toEqual([customer.conversationId]);
    expect(mine[0]).toMatchObject({
      assignee: { id: owner.id },
      callback: { windowStart: window.start, windowEnd: window.end, owner: { id: owner.id } },
    });
    expect((await client(t, ownerSession).get('/api/v1/conversations/counts')).body.mine).toBe(1);
    // A promise is no load: the owner still has room for live chats until it falls due.
    const overview = (await client(t, admin).get('/api/v1/supervisor/overview')).body;
    expect(overview.promises).toEqual([
      expect.objectContaining({
        id: customer.conversationId,
        callback: expect.objectContaining({ owner: expect.objectContaining({ id: owner.id }) }),
      }),
    ]);
    expect(overview.queue).toEqual([]);

    await ownerAtWork(t, owner);
    await windowOpens(t, workspace);
    const reminders = (await client(t, ownerSession).get('/api/v1/alerts?open=true')).body.alerts as Array<{
      kind: string;
      conversationId: string;
      text: string;
    }>;
    expect(reminders).toEqual([expect.objectContaining({ kind: 'callback_due', conversationId: customer.conversationId })]);
    expect(reminders[0]!.text).toContain(
      `+254712345678 (${window.start.slice(11, 16)}–${window.end.slice(11, 16)}), as ${owner.displayName} promised`,
    );
  });

  it('a booked callback survives a server restart and still comes due', async () => {
    // A server of our own, so it can be stopped: the same database when PostgreSQL is used, else its own directory.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-restart-'));
    const start = () => startTestServer(dataDir);
    let server = await start();
    try {
      const { workspace, customer, admin, visitor } = await waitingWithNobodyFree(server);
      const window = (await visitor.get('/api/v1/widget/callback-windows')).body.windows[1] as { start: string; end: string };
      const booked = await visitor.post('/api/v1/widget/callback', {
        conversationId: customer.conversationId,
        phone: PHONE,
        windowStart: window.start,
        windowEnd: window.end,
      });
      expect(booked.status).toBe(200);
      const owner = booked.body.callback.owner as { id: string };

      await server.stop();
      server = await start();
      expect(await callbackJobs(server, workspace)).toEqual([{ status: 'pending', runAt: new Date(window.start) }]);
      // The session cookie was stored in the database too: the same sign-in works after the restart.
      const agent = client(server, admin);
      expect((await agent.get(`/api/v1/conversations/${customer.conversationId}`)).body.conversation.status).toBe('snoozed');

      await ownerAtWork(server, owner);
      await windowOpens(server, workspace);
      expect((await agent.get(`/api/v1/conversations/${customer.conversationId}`)).body.conversation).toMatchObject({
        status: 'waiting',
        assignee: { id: owner.id },
        callback: { status: 'due' },
      });
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a callback that cannot be kept is refused with a clear reason, and nothing changes', async () => {
    const workspace = await buildWorkspace(t);
    await setOpeningHours(t, workspace, {
      mon: ['09:00', '17:00'],
      tue: ['09:00', '17:00'],
      wed: ['09:00', '17:00'],
      thu: ['09:00', '17:00'],
      fri: ['09:00', '17:00'],
      sat: null,
      sun: null,
    });
    await buildAgent(t, workspace, { displayName: 'Olu', presence: 'away' });
    const customer = await buildConversation(t, workspace, 'Please call me');
    const stranger = await buildConversation(t, workspace, 'Someone else entirely');
    const visitor = client(t, { visitorToken: customer.visitorToken });
    const admin = client(t, await signIn(t, await buildAgent(t, workspace, { role: 'admin' })));
    const snapshot = async (conversationId: string) => {
      const c = (await admin.get(`/api/v1/conversations/${conversationId}`)).body.conversation;
      return { status: c.status, callback: c.callback, queueSince: c.queueSince, assignee: c.assignee };
    };
    const mine = await snapshot(customer.conversationId);
    const theirs = await snapshot(stranger.conversationId);

    const inHours = nextWeekdayAt(10);
    const good = {
      conversationId: customer.conversationId,
      phone: PHONE,
      windowStart: inHours.toISOString(),
      windowEnd: new Date(inHours.getTime() + 30 * MINUTE).toISOString(),
    };
    const now = Date.now();
    const night = nextWeekdayAt(3);
    const refusals: Array<[string, object, number, RegExp]> = [
      ['a phone that is not one', { ...good, phone: 'call me maybe' }, 400, /not a phone number/],
      ['a phone with too few digits', { ...good, phone: '12345' }, 400, /not a phone number/],
      [
        'a window in the past',
        {
          ...good,
          windowStart: new Date(now - 2 * 60 * MINUTE).toISOString(),
          windowEnd: new Date(now - 90 * MINUTE).toISOString(),
        },
        400,
        /in the past/,
      ],
      [
        'an end before the start',
        { ...good, windowEnd: new Date(inHours.getTime() - 30 * MINUTE).toISOString() },
        400,
        /after windowStart/,
      ],
      [
        'a window outside opening hours',
        { ...good, windowStart: night.toISOString(), windowEnd: new Date(night.getTime() + 30 * MINUTE).toISOString() },
        400,
        /outside our opening hours/,
      ],
      ['a start that is not a time', { ...good, windowStart: 'tomorrow morning' }, 400, /windowStart must be an ISO date-time/],
      ["another visitor's conversation", { ...good, conversationId: stranger.conversationId }, 404, /not found/i],
    ];
    for (const [what, body, status, message] of refusals) {
      const res = await visitor.post('/api/v1/widget/callback', body);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect(await snapshot(customer.conversationId)).toEqual(mine);
    expect(await snapshot(stranger.conversationId)).toEqual(theirs);
    expect(await callbackJobs(t, workspace)).toEqual([]);

    expect((await visitor.post('/api/v1/widget/callback', good)).status).toBe(200);
    const again = await visitor.post('/api/v1/widget/callback', good);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already booked/);
    expect(await callbackJobs(t, workspace)).toHaveLength(1);
  });
});
