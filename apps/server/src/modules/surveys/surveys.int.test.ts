import type { Entry } from '@warmline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { client, newAddress, newClientId, request, runDueJobs } from '../../testing/factories.ts';
import { type FakeSmsProvider, startFakeSmsProvider } from '../../testing/fakeSmsProvider.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';
import { conversations } from '../conversations/index.ts';
import { surveyScene } from './surveys.testing.ts';

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

const { shop, customerOf, widgetSurvey, invitations, responses, linkIn, answer, form } = surveyScene(() => t);

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
    expect(seen.find((e) => e.event?.type === 'survey_invited')?.event?.data.customerText).toBe(
      'We would love to know how we did. It takes a few taps, and a person reads every answer.',
    );

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

  it("the widget answers from the customer's website: the answer's widget route allows any origin", async () => {
    const s = await shop();
    const chat = await s.resolvedChat();
    const { token } = (await widgetSurvey(chat.visitorToken, chat.conversationId)).body.survey;
    const preflight = await request(t, 'OPTIONS', `/api/v1/widget/surveys/${token}`, undefined, {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const answered = await request(
      t,
      'POST',
      `/api/v1/widget/surveys/${token}`,
      { ces: 7 },
      {
        from: newAddress(),
        headers: { origin: 'https://shop.example' },
      },
    );
    expect(answered.status).toBe(201);
    expect(answered.headers.get('access-control-allow-origin')).toBe('*');
    expect((await answer(token, { ces: 1 })).status).toBe(409);
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
