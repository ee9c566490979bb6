import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { runDueJobs } from '../../testing/factories.ts';
import { type FakeSmsProvider, startFakeSmsProvider } from '../../testing/fakeSmsProvider.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { buildWestlands } from '../../testing/storeFactories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-01-08T07:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});
let provider: FakeSmsProvider;
let relay: MailCatcher;
beforeAll(async () => {
  provider = await startFakeSmsProvider();
  relay = await startMailCatcher();
  t.config.sms = provider.settings();
  t.config.smtp = smtpSettingsFor(relay);
});
afterAll(async () => {
  t.config.sms = null;
  t.config.smtp = null;
  await provider?.close();
  await relay?.close();
});

/** Sam checks in at Westlands leaving a contact, and Amina calls them to the counter at 10:00 Nairobi time. */
async function samIsCalled(contact: string) {
  const store = await buildWestlands(t, clock);
  const ticket = (await store.checkIn('Sam Otieno', { contact })).body.ticket;
  const called = await store.admin.post(`/api/v1/locations/${store.location.id}/call-next`);
  expect(called.status).toBe(200);
  const timeline = async () =>
    (
      (await store.admin.get(`/api/v1/conversations/${called.body.ticket.conversationId}/entries`)).body.entries as Array<{
        body: string;
      }>
    )
      .map((e) => e.body)
      .filter((body) => /^(Told|Could not)/.test(body));
  const turnJobs = () =>
    t.db.query<{ status: string; attempts: number }>(
      `select status, attempts from jobs where workspace_id = $1 and kind = 'walk_in_turn'`,
      [store.workspace.id],
    );
  return { ...store, code: ticket.code as string, timeline, turnJobs };
}

const turnText = (code: string) => `It's your turn at Westlands: Amina is ready for you at the counter (${code}).`;

describe(`telling a walk-in it is their turn (${backend})`, () => {
  it('a walk-in who left a phone number is texted once when called, and the visit says so', async () => {
    const sam = await samIsCalled('+254712345678');
    const before = provider.texts.length;
    await runDueJobs(t, sam.workspace);
    expect(provider.texts.slice(before)).toEqual([{ to: '+254712345678', from: '+15005550006', body: turnText(sam.code) }]);
    expect(await sam.timeline()).toEqual(['Told by text at 10:00 that it is their turn']);
    await runDueJobs(t, sam.workspace);
    expect(provider.texts.length).toBe(before + 1);
  });

  it('the provider down: nothing is noted yet, and the text goes once when it is back', async () => {
    const sam = await samIsCalled('+254712345679');
    provider.answerNext(500);
    const before = provider.texts.length;
    await runDueJobs(t, sam.workspace);
    expect(provider.texts.length).toBe(before);
    expect(await sam.timeline()).toEqual([]);
    expect(await sam.turnJobs()).toEqual([{ status: 'pending', attempts: 1 }]);

    clock.advance(31_000);
    await runDueJobs(t, sam.workspace);
    expect(provider.texts.slice(before).map((m) => m.to)).toEqual(['+254712345679']);
    expect(await sam.timeline()).toEqual(['Told by text at 10:00 that it is their turn']);
    expect(await sam.turnJobs()).toEqual([{ status: 'done', attempts: 2 }]);
  });

  it('a number the provider refuses is noted, not tried again', async () => {
    const sam = await samIsCalled('+254712345670');
    provider.answerNext(400);
    const requests = provider.requests;
    await runDueJobs(t, sam.workspace);
    expect(await sam.timeline()).toEqual([
      "Could not text them: the provider refused it: The 'To' number +254712345670 is not a valid phone number. (21211)",
    ]);
    expect(await sam.turnJobs()).toEqual([{ status: 'done', attempts: 1 }]);
    clock.advance(10 * 60_000);
    await runDueJobs(t, sam.workspace);
    expect(provider.requests).toBe(requests + 1);
  });

  it('a walk-in who left an email is emailed the same sentence', async () => {
    const address = `sam-${Date.now()}@customer.test`;
    const sam = await samIsCalled(address);
    await runDueJobs(t, sam.workspace);
    const [mail] = await relay.waitFor(address, 1);
    expect(mail!.subject).toBe(turnText(sam.code));
    expect(mail!.text).toContain(turnText(sam.code));
    expect(await sam.timeline()).toEqual(['Told by email at 10:00 that it is their turn']);
  });

  it('without a text-message provider the visit says they could not be texted, so staff call their name', async () => {
    const sam = await samIsCalled('+254712345671');
    t.config.sms = null;
    try {
      await runDueJobs(t, sam.workspace);
    } finally {
      t.config.sms = provider.settings();
    }
    expect(await sam.timeline()).toEqual(['Could not text them: no text-message provider is set up']);
  });

  it('a walk-in who left no contact is not told, and no job is written', async () => {
    const store = await buildWestlands(t, clock);
    await store.checkIn('Pat');
    await store.admin.post(`/api/v1/locations/${store.location.id}/call-next`);
    const rows = await t.db.query(`select 1 from jobs where workspace_id = $1 and kind = 'walk_in_turn'`, [store.workspace.id]);
    expect(rows).toEqual([]);
  });
});
