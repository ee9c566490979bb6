import { randomUUID } from 'node:crypto';
import type { Entry } from '@warmline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../modules/conversations/index.ts';
import { answerBy, dueInWords } from '../../modules/workspaces/index.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { type Mail, startTestReceiver } from '../../testing/inboundMail.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let relay: MailCatcher;
let inbound: Awaited<ReturnType<typeof startTestReceiver>>;
beforeAll(async () => {
  t = await testServer();
  relay = await startMailCatcher();
  t.config.smtp = smtpSettingsFor(relay);
  inbound = await startTestReceiver(t);
});
afterAll(async () => {
  await inbound?.close();
  t.config.smtp = null;
  await relay?.close();
});

const send = (mail: Mail) => inbound.send(mail);

/** A workspace open all day, whose help address (optionally a team's) is forwarded to Warmline. */
async function forwarded(opts: { agentAvailable: boolean; team?: string }) {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  await setOpeningHours(t, workspace, ALWAYS_OPEN);
  const olga = await buildAgent(t, workspace, {
    displayName: 'Olga Baker',
    presence: opts.agentAvailable ? 'available' : 'offline',
  });
  const team = opts.team ? await buildTeam(t, workspace, { name: opts.team, members: [olga] }) : null;
  const address = `help-${randomUUID().slice(0, 8)}@rosies.test`;
  inbound.settings.addresses.push({ address, workspaceKey: workspace.key, teamId: team?.id ?? null });
  return { workspace, olga, address, team };
}

const nineToFive = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, ['09:00', '17:00'] as [string, string]]),
);

const customer = () => `sam-${randomUUID().slice(0, 8)}@example.com`;

async function conversationOf(workspace: { id: string }, sender: string) {
  const [kept] = await t.db.query<{ conversationId: string }>(
    'select conversation_id as "conversationId" from inbound_emails where workspace_id = $1 and sender = $2 order by id',
    [workspace.id, sender],
  );
  return (await conversations.byId(t.db, workspace.id, kept!.conversationId))!;
}

/** "14:07" in UTC, `seconds` after `from`: the workspace is open all day, so its target runs on the plain clock. */
const clock = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000).toISOString().slice(11, 16);

describe(`a new email is acknowledged with the name of who will answer, and when (${backend})`, () => {
  it('names the person routing gave it, once, threaded under their email, and never counts as a human reply', async () => {
    const { workspace, olga, address: to } = await forwarded({ agentAvailable: true });
    const sam = customer();
    const sent = await send({ from: { name: 'Sam', address: sam }, to, subject: 'Birthday cake', text: 'Can I order a cake?' });
    await runDueJobs(t, workspace);
    const [ack] = await relay.waitFor(sam, 1);
    const conversation = await conversationOf(workspace, sam);
    expect(conversation.assigneeId).toBe(olga.id);
    expect(ack!.text).toContain(`Olga Baker will answer you by ${clock(conversation.startedAt, 4 * 3600)}.`);
    expect(ack!.subject).toBe('Re: Birthday cake');
    expect(ack!.inReplyTo).toBe(sent.messageId);
    expect(ack!.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack!.from!.value[0]!.name).toBe(workspace.name);

    // Not a person: time to human and first response still wait for Olga.
    expect(conversation).toMatchObject({ humanConnectedAt: null, firstResponseAt: null, status: 'waiting' });
    const signed = await signIn(t, olga);
    const { body } = await client(t, signed).get(`/api/v1/conversations/${conversation.id}/entries`);
    const acknowledged = (body.entries as Entry[]).filter((e) => e.author.kind === 'system' && e.kind === 'message');
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]!.delivery?.status).toBe('sent');

    // Their next email in the thread, and Olga's answer: no second acknowledgement; her reply is the first human one.
    await send({ from: sam, to, subject: 'Re: Birthday cake', text: 'For Saturday.', inReplyTo: sent.messageId! });
    await client(t, signed).post(`/api/v1/conversations/${conversation.id}/messages`, {
      clientId: newClientId(),
      body: 'Hi Sam, yes!',
    });
    await runDueJobs(t, workspace);
    const mails = await relay.waitFor(sam, 2);
    expect(mails.map((m) => m.headers.get('auto-submitted'))).toEqual(['auto-replied', 'no']);
    expect((await conversations.byId(t.db, workspace.id, conversation.id))!.firstResponseAt).not.toBeNull();
  });

  it('names the team and the time when nobody can take it yet, counting only opening hours', async () => {
    const { workspace, address } = await forwarded({ agentAvailable: false, team: 'Cakes' });
    // Open 09:00–17:00 every day: the four hours of an email's target run only then (unit-tested in answerBy.test.ts).
    await setOpeningHours(t, workspace, nineToFive);
    const sam = customer();
    await send({ from: sam, to: address, subject: 'Wedding cake', text: 'Three tiers?' });
    await runDueJobs(t, workspace);
    const [ack] = await relay.waitFor(sam, 1);
    const conversation = await conversationOf(workspace, sam);
    expect(conversation.assigneeId).toBeNull();
    expect(ack!.text).toMatch(/^Thank you for writing to Rosie's Bakery .{4}\. Someone from Cakes will answer you by /);
    const due = answerBy(conversation.startedAt, 4 * 3600, { openingHours: nineToFive, timezone: 'UTC' });
    expect(ack!.text).toContain(`will answer you by ${dueInWords(due, conversation.startedAt, 'UTC')}.`);
  });

  it('is never sent to an auto-reply, a bounce or a mailing list', async () => {
    const { workspace, address } = await forwarded({ agentAvailable: true });
    const away = customer();
    await send({
      from: away,
      to: address,
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const list = customer();
    await send({ from: list, to: address, subject: 'News', text: 'Our news.', headers: { 'List-Id': '<news.example.com>' } });
    await runDueJobs(t, workspace);
    const jobs = await t.db.query("select id from jobs where workspace_id = $1 and kind = 'email_acknowledgement'", [
      workspace.id,
    ]);
    expect(jobs).toEqual([]);
    expect([...relay.to(away), ...relay.to(list)]).toEqual([]);
  });
});
