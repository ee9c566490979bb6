import type { Entry } from '@warmline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  request,
  runDueJobs,
  signIn,
} from '../../testing/factories.ts';
import { type FakeSmsProvider, startFakeSmsProvider } from '../../testing/fakeSmsProvider.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';
import { conversations } from '../conversations/index.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-03-03T09:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});
let sms: FakeSmsProvider;
let relay: MailCatcher;
beforeAll(async () => {
  sms = await startFakeSmsProvider();
  relay = await startMailCatcher();
  t.config.sms = sms.settings();
  t.config.smtp = smtpSettingsFor(relay);
});
afterAll(async () => {
  t.config.sms = null;
  t.config.smtp = null;
  await sms?.close();
  await relay?.close();
});

const DAY = 86_400_000;

/** A shop with Amina (an admin, in the Care team) signed in, and a visitor who wrote in the chat. */
async function shop(name = 'Duka Bora') {
  const workspace = await buildWorkspace(t, { name });
  const amina = await buildAgent(t, workspace, { displayName: 'Amina', role: 'admin', presence: 'available' });
  const team = await buildTeam(t, workspace, { name: 'Care', members: [amina] });
  const admin = client(t, await signIn(t, amina));
  /** A new conversation of `visitorToken`'s customer (or a new visitor), answered by Amina, then resolved by her. */
  const resolvedChat = async (opts: { channel?: string; email?: string; phone?: string; language?: string } = {}) => {
    const chat = await buildConversation(t, workspace);
    await t.db.query('update conversations set team_id = $2, language = $3 where id = $1', [
      chat.conversationId,
      team.id,
      opts.language ?? null,
    ]);
    if (opts.channel)
      await t.db.query('update conversations set channel = $2 where id = $1', [chat.conversationId, opts.channel]);
    if (opts.email || opts.phone)
      await t.db.query('update customers set email = $2, phone = $3 where id = $1', [
        await customerOf(chat.conversationId),
        opts.email ?? null,
        opts.phone ?? null,
      ]);
    await resolve(chat.conversationId);
    return chat;
  };
  const resolve = async (conversationId: string) => {
    expect((await admin.post(`/api/v1/conversations/${conversationId}/assign`, { agentId: amina.id })).status).toBe(200);
    expect((await admin.post(`/api/v1/conversations/${conversationId}/resolve`)).status).toBe(200);
  };
  const timeline = async (conversationId: string) =>
    (await admin.get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as Entry[];
  return { workspace, amina, team, admin, resolvedChat, resolve, timeline };
}

async function customerOf(conversationId: string): Promise<string> {
  const [row] = await t.db.query<{ customerId: string }>('select customer_id as "customerId" from conversations where id = $1', [
    conversationId,
  ]);
  return row!.customerId;
}

/** The survey link a visitor's widget fetches for their resolved chat. */
async function widgetSurvey(visitorToken: string, conversationId: string) {
  return client(t, { visitorToken }).get(`/api/v1/widget/conversations/${conversationId}/survey`);
}

async function invitations(workspaceId: string) {
  return t.db.query<{ conversationId: string; channel: string; language: string }>(
    'select conversation_id as "conversationId", channel, language from survey_invitations where workspace_id = $1 order by asked_at',
    [workspaceId],
  );
}

async function responses(workspaceId: string) {
  return t.db.query<Record<string, unknown>>(
    `select conversation_id as "conversationId", team_id as "teamId", agent_id as "agentId", channel, csat, ces, feeling, comment
     from survey_responses where workspace_id = $1`,
    [workspaceId],
  );
}

const linkIn = (text: string) => /\/s\/([A-Za-z0-9._-]+)/.exec(text)?.[1] ?? null;
const answer = (token: string, body: unknown, from = newAddress()) =>
  request(t, 'POST', `/api/v1/surveys/${token}`, body, { from });
const form = (
  token: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: new URL(t.url).origin },
) =>
  request(t, 'POST', `/s/${token}`, new URLSearchParams(fields).toString(), {
    from: newAddress(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe(`surveys after a resolution (${backend})`, () => {
  it('a resolved chat asks in the widget; the answer lands once on the timeline, with the team and person copied', async () => {
    const s = await shop();
    const chat = await s.resolvedChat();
    const asked = (await s.timeline(chat.conversationId)).find((e) => e.event?.type === 'survey_invited');
    expect(asked?.body).toBe('Asked how we did, in the chat');
    // The visitor sees the question in their chat.
    const seen = (
      await client(t, { visitorToken: chat.visitorToken }).get(`/api/v1/widget/conversations/${chat.conversationId}/entries`)
    ).body.entries as Entry[];
    expect(seen.find((e) => e.event?.type === 'survey_invited')?.event?.data.customerText).toMatch(/How did we do\?/);

    const survey = (await widgetSurvey(chat.visitorToken, chat.conversationId)).body.survey;
    expect(survey).toMatchObject({ company: 'Duka Bora', language: 'en', status: 'open', token: expect.any(String) });
    const answered = await answer(survey.token, { csat: 5, ces: 6, feeling: 'grateful', comment: 'Quick and kind' });
    expect(answered.status).toBe(201);
    expect(answered.body.response).toMatchObject({ csat: 5, ces: 6, feeling: 'grateful', comment: 'Quick and kind' });

    const line = (await s.timeline(chat.conversationId)).find((e) => e.event?.type === 'survey_answered');
    expect(line?.body).toBe('Survey answered: satisfied 5/5 · easy 6/7 · felt thankful · “Quick and kind”');
    expect(line?.event?.data).toMatchObject({ csat: 5, ces: 6, feeling: 'grateful', comment: 'Quick and kind' });
    expect(await responses(s.workspace.id)).toEqual([
      {
        conversationId: chat.conversationId,
        teamId: s.team.id,
        agentId: s.amina.id,
        channel: 'chat',
        csat: 5,
        ces: 6,
        feeling: 'grateful',
        comment: 'Quick and kind',
      },
    ]);

    // A second answer is refused and nothing is stored twice.
    const again = await answer(survey.token, { csat: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been answered/);
    expect(await responses(s.workspace.id)).toHaveLength(1);
    expect((await s.timeline(chat.conversationId)).filter((e) => e.event?.type === 'survey_answered')).toHaveLength(1);
    expect((await widgetSurvey(chat.visitorToken, chat.conversationId)).body.survey.status).toBe('answered');
  });

  it('an email conversation gets a short email with the link, in Swahili for a Swahili conversation', async () => {
    const s = await shop();
    const address = `wanjiru-${newClientId().slice(0, 8)}@example.com`;
    const chat = await s.resolvedChat({ channel: 'email', email: address, language: 'sw' });
    await runDueJobs(t, s.workspace);
    const [mail] = await relay.waitFor(address, 1);
    expect(mail!.subject).toBe('Tumekuhudumiaje? Swali la dakika moja kutoka Duka Bora');
    const token = linkIn(mail!.text ?? '')!;
    expect(mail!.html).toContain(`/s/${token}`);
    expect((await s.timeline(chat.conversationId)).map((e) => e.body)).toContain('Asked how we did, by email');

    const shown = await request(t, 'GET', `/s/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(String(shown.body)).toContain('lang="sw"');
    expect(String(shown.body)).toContain('Duka Bora walifanya iwe rahisi kushughulikia suala langu.');

    // Answered with a plain form (no JavaScript): a redirect to the thanks.
    const posted = await form(token, { csat: '4', ces: '', feeling: 'neutral', comment: 'Asanteni', lang: 'sw' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/s/${token}?lang=sw&thanks=1`);
    const thanks = await request(t, 'GET', posted.headers.get('location')!);
    expect(String(thanks.body)).toContain('Asante — tunasoma kila jibu.');
    expect(await responses(s.workspace.id)).toEqual([
      expect.objectContaining({ channel: 'email', csat: 4, ces: null, feeling: 'neutral', comment: 'Asanteni' }),
    ]);
    // The same form again: a clear page, nothing stored twice.
    const twice = await form(token, { csat: '1' });
    expect(twice.status).toBe(409);
    expect(String(twice.body)).toContain('already answered');
    expect(await responses(s.workspace.id)).toHaveLength(1);
  });

  it('after a call the customer is texted the link when we have their number; a visit without one is emailed', async () => {
    const s = await shop();
    const before = sms.texts.length;
    await s.resolvedChat({ channel: 'phone', phone: '+254712345678', language: 'es' });
    await runDueJobs(t, s.workspace);
    const texts = sms.texts.slice(before);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe('+254712345678');
    expect(texts[0]!.body).toMatch(/^Duka Bora: gracias por contactarnos\. ¿Qué tal lo hicimos\? Un minuto: http.*\/s\//);

    const address = `visit-${newClientId().slice(0, 8)}@example.com`;
    await s.resolvedChat({ channel: 'in_person', email: address });
    await runDueJobs(t, s.workspace);
    expect(await relay.waitFor(address, 1)).toHaveLength(1);
    expect((await invitations(s.workspace.id)).map((i) => [i.channel, i.language])).toEqual([
      ['phone', 'es'],
      ['in_person', 'en'],
    ]);
  });

  it('with no text provider the link goes by email instead; with neither, the timeline says why', async () => {
    const s = await shop();
    const settings = t.config.sms;
    t.config.sms = null;
    try {
      const address = `caller-${newClientId().slice(0, 8)}@example.com`;
      await s.resolvedChat({ channel: 'phone', phone: '+254722000111', email: address });
      await runDueJobs(t, s.workspace);
      expect(await relay.waitFor(address, 1)).toHaveLength(1);
      const unreachable = await s.resolvedChat({ channel: 'sms', phone: '+254722000222' });
      await runDueJobs(t, s.workspace);
      expect((await s.timeline(unreachable.conversationId)).map((e) => e.body)).toContain(
        'Could not send the survey by text: no text-message provider is set up',
      );
    } finally {
      t.config.sms = settings;
    }
  });

  it('a customer is never asked twice within the quiet days (the setting, on the injected clock); off asks nobody', async () => {
    const s = await shop();
    const chat = await s.resolvedChat();
    const customerId = await customerOf(chat.conversationId);
    await t.db.query('update customers set email = $2 where id = $1', [
      customerId,
      `quiet-${newClientId().slice(0, 8)}@example.com`,
    ]);
    /** The same customer, another conversation (an email), resolved now. */
    const anotherResolved = async () => {
      const id = await conversations.create(t.db, s.workspace.id, { customerId, channel: 'email', assigneeId: null });
      await s.resolve(id);
    };
    const asked = async () => (await invitations(s.workspace.id)).length;
    clock.advance(29 * DAY);
    try {
      await anotherResolved();
      expect(await asked()).toBe(1);
      clock.advance(DAY);
      await anotherResolved();
      expect(await asked()).toBe(2);
      // Asked a moment ago; with no quiet days every resolution asks.
      expect((await s.admin.patch('/api/v1/workspace/surveys', { quietDays: 0 })).body.settings).toEqual({
        enabled: true,
        quietDays: 0,
      });
      await anotherResolved();
      expect(await asked()).toBe(3);
      // Off: nobody is asked, on any channel.
      expect((await s.admin.patch('/api/v1/workspace/surveys', { enabled: false })).status).toBe(200);
      await anotherResolved();
      await s.resolvedChat();
      expect(await asked()).toBe(3);
    } finally {
      clock.advance(-30 * DAY);
    }
  });
});

describe(`bad survey answers (${backend})`, () => {
  let token: string;
  beforeAll(async () => {
    const s = await shop();
    const chat = await s.resolvedChat();
    token = (await widgetSurvey(chat.visitorToken, chat.conversationId)).body.survey.token;
  });

  it('scores out of range, unknown feelings and empty answers are 400 with a clear message, and store nothing', async () => {
    for (const [body, message] of [
      [{ csat: 6 }, 'csat must be a whole number from 1 to 5'],
      [{ csat: 0 }, 'csat must be a whole number from 1 to 5'],
      [{ ces: 8 }, 'ces must be a whole number from 1 to 7'],
      [{ ces: 2.5 }, 'ces must be a whole number from 1 to 7'],
      [{ feeling: 'ecstatic' }, 'feeling'],
      [{}, 'Please answer at least one question.'],
      [{ comment: '   ' }, 'Please answer at least one question.'],
    ] as const) {
      const res = await answer(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect((await request(t, 'GET', `/api/v1/surveys/${token}`)).body.survey.status).toBe('open');
  });

  it('a 100,000-character comment is refused with a clear message, by the API and by the page', async () => {
    const long = 'a'.repeat(100_000);
    const res = await answer(token, { csat: 3, comment: long });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('comment must be at most 2,000 characters');
    const page = await form(token, { csat: '3', comment: long });
    expect(page.status).toBe(400);
    expect(String(page.body)).toContain('Your comment is a little long: please keep it under 2,000 characters.');
    // What they chose is kept on the page.
    expect(String(page.body)).toContain('value="3" checked');
    const nul = await answer(token, { comment: 'a\u0000b' });
    expect(nul.status).toBe(400);
  });

  it('one address answering over and over is slowed down: 429 with Retry-After, as a page too', async () => {
    const from = newAddress();
    const made = `${token.split('.')[0]}.1.made-up-signature`;
    for (let i = 0; i < 30; i++) expect((await answer(made, { csat: 5 }, from)).status).toBe(404);
    const limited = await answer(made, { csat: 5 }, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await request(t, 'POST', `/s/${token}`, 'csat=5', {
      from,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(t.url).origin },
    });
    expect(page.status).toBe(429);
    expect(String(page.body)).toContain('Too many attempts');
    expect((await request(t, 'GET', `/api/v1/surveys/${token}`)).body.survey.status).toBe('open');
  });

  it('a form sent from another site is refused', async () => {
    const res = await form(token, { csat: '5' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(String(res.body)).toContain('Please answer on our own page');
    expect((await request(t, 'GET', `/api/v1/surveys/${token}`)).body.survey.status).toBe('open');
  });

  it('a tampered link is not found; an expired one says so, as a page and as JSON', async () => {
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const tampered = `${id}.${Number(expiry) + 86_400}.${signature}`;
    expect((await answer(tampered, { csat: 5 })).status).toBe(404);
    const missing = await request(t, 'GET', `/s/${tampered}`);
    expect(missing.status).toBe(404);
    expect(String(missing.body)).toContain('We could not find that survey');
    expect((await request(t, 'GET', '/s/not-a-token')).status).toBe(404);

    clock.advance(15 * DAY);
    try {
      const expired = await answer(token, { csat: 5 });
      expect(expired.status).toBe(410);
      expect(expired.body.error.message).toMatch(/expired/);
      const page = await request(t, 'GET', `/s/${token}?lang=es`);
      expect(page.status).toBe(410);
      expect(String(page.body)).toContain('Este enlace de la encuesta ha caducado');
    } finally {
      clock.advance(-15 * DAY);
    }
  });
});

describe(`survey isolation and settings (${backend})`, () => {
  it("another workspace never sees a survey's answer, nor a visitor another's survey", async () => {
    const a = await shop('Shop A');
    const b = await shop('Shop B');
    const chatA = await a.resolvedChat();
    const chatB = await b.resolvedChat();
    // B's visitor asks for A's conversation's survey: not found.
    expect((await widgetSurvey(chatB.visitorToken, chatA.conversationId)).status).toBe(404);
    const tokenA = (await widgetSurvey(chatA.visitorToken, chatA.conversationId)).body.survey.token;
    expect((await answer(tokenA, { csat: 2, comment: 'secret of shop A' })).status).toBe(201);
    expect(await responses(b.workspace.id)).toEqual([]);
    expect((await b.admin.get(`/api/v1/conversations/${chatA.conversationId}/entries`)).status).toBe(404);
    expect(JSON.stringify(await b.timeline(chatB.conversationId))).not.toContain('secret of shop A');
    // B's settings are B's own.
    await a.admin.patch('/api/v1/workspace/surveys', { quietDays: 5 });
    expect((await b.admin.get('/api/v1/workspace/surveys')).body.settings).toEqual({ enabled: true, quietDays: 30 });
  });

  it('only admins change survey settings, and the quiet days must be 0 to 365', async () => {
    const s = await shop();
    const agent = client(t, await signIn(t, await buildAgent(t, s.workspace, { role: 'agent' })));
    expect((await agent.patch('/api/v1/workspace/surveys', { enabled: false })).status).toBe(403);
    const bad = await s.admin.patch('/api/v1/workspace/surveys', { quietDays: 400 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('quietDays must be a whole number of days from 0 to 365');
    expect((await s.admin.patch('/api/v1/workspace/surveys', { quietDays: 'soon' })).status).toBe(400);
    expect((await s.admin.get('/api/v1/workspace/surveys')).body.settings).toEqual({ enabled: true, quietDays: 30 });
  });
});
