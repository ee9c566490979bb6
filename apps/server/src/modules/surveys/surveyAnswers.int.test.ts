import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { buildAgent, client, newAddress, request, signIn } from '../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';
import { surveyScene } from './surveys.testing.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-03-03T09:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const DAY = 86_400_000;

const { shop, widgetSurvey, responses, answer, form } = surveyScene(() => t);

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
