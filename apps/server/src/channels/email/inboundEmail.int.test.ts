import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundSmtpSettings } from '../../core/config.ts';
import { openPool } from '../../core/db/pool.ts';
import { conversations, EMAIL_FLAG_TAG } from '../../modules/conversations/index.ts';
import { customers } from '../../modules/customers/index.ts';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { type Mail, sendMailTo } from '../../testing/inboundMail.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { type InboundSmtp, startInboundSmtp } from './smtpReceiver.ts';

const MAX_BYTES = 2 * 1024 * 1024;

let t: TestServer;
let relay: MailCatcher;
let receiver: InboundSmtp;
let settings: InboundSmtpSettings;
beforeAll(async () => {
  t = await testServer();
  relay = await startMailCatcher();
  t.config.smtp = smtpSettingsFor(relay);
  settings = { host: '127.0.0.1', port: 0, maxBytes: MAX_BYTES, addresses: [] };
  t.config.inboundSmtp = settings;
  receiver = await startInboundSmtp(t, settings);
});
afterAll(async () => {
  await receiver?.close();
  t.config.smtp = null;
  t.config.inboundSmtp = null;
  await relay?.close();
});

/** A workspace whose help address is forwarded to Warmline, with an available agent. */
async function forwardedWorkspace() {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  const address = `help-${randomUUID().slice(0, 8)}@rosies.test`;
  settings.addresses.push({ address, workspaceKey: workspace.key, teamId: null });
  const olga = await buildAgent(t, workspace, { displayName: 'Olga Admin', presence: 'available' });
  return { workspace, address, olga, signed: await signIn(t, olga) };
}

const customerAddress = () => `sam-${randomUUID().slice(0, 8)}@example.com`;

const send = (mail: Mail, port = receiver.port) => sendMailTo(port, mail);

async function refusal(mail: Mail, port = receiver.port): Promise<number | undefined> {
  const err = await send(mail, port).then(
    () => null,
    (e: { responseCode?: number }) => e,
  );
  expect(err, 'the receiver should have refused this email').not.toBeNull();
  return err?.responseCode;
}

interface Kept {
  conversationId: string | null;
  entryId: string | null;
  customerId: string | null;
  flags: string[];
  automatic: boolean;
  raw: Buffer;
}

async function keptFrom(workspace: { id: string }, sender: string): Promise<Kept[]> {
  return t.db.query<Kept>(
    `select conversation_id as "conversationId", entry_id::text as "entryId", customer_id as "customerId", flags, automatic, raw
     from inbound_emails where workspace_id = $1 and sender = $2 order by id`,
    [workspace.id, sender],
  );
}

type EntryView = {
  id: string;
  kind: string;
  direction: string | null;
  channel: string | null;
  body: string;
  event: { type: string } | null;
  author: { kind: string };
};

async function timeline(agent: Signed, conversationId: string): Promise<EntryView[]> {
  const res = await client(t, agent).get(`/api/v1/conversations/${conversationId}/entries`);
  expect(res.status).toBe(200);
  return res.body.entries;
}

/** The messages of a timeline, the automatic acknowledgement aside (acknowledgement.int.test.ts). */
const messages = (entries: EntryView[]) => entries.filter((e) => e.kind === 'message' && e.author.kind !== 'system');

describe(`email received by SMTP (${backend})`, () => {
  it('a new email opens an email conversation that routes to an agent; their reply goes back to the sender, threaded', async () => {
    const { workspace, address, olga, signed } = await forwardedWorkspace();
    const sam = customerAddress();
    const sent = await send({
      from: { name: 'Sam <script>alert(1)</script>', address: sam },
      to: address,
      subject: 'Birthday cake for <b>Saturday</b>?',
      text: 'Hello, can I order a birthday cake for Saturday?',
      html: '<p>Hello, can I order a <b>birthday cake</b> for Saturday?</p><script>alert(1)</script><img src="https://tracker.test/x.gif">',
    });
    expect(sent.response).toMatch(/^250/);
    const [kept] = await keptFrom(workspace, sam);
    expect(kept).toMatchObject({ flags: [], automatic: false });
    const conversation = await conversations.byId(t.db, workspace.id, kept!.conversationId!);
    expect(conversation).toMatchObject({ channel: 'email', assigneeId: olga.id, replyEmail: sam });
    const customer = await customers.byId(t.db, workspace.id, conversation!.customerId);
    expect(customer).toMatchObject({ name: 'Sam <script>alert(1)</script>', email: sam, verified: false });
    const [first] = messages(await timeline(signed, conversation!.id));
    expect(first).toMatchObject({
      direction: 'in',
      channel: 'email',
      body: 'Birthday cake for <b>Saturday</b>?\n\nHello, can I order a birthday cake for Saturday?',
    });
    const [stored] = await t.db.query<{ html: string }>('select html from inbound_emails where entry_id = $1::bigint', [
      first!.id,
    ]);
    const html = stored!.html;
    expect(html).toContain('<b>birthday cake</b>');
    expect(html).not.toMatch(/script|\ssrc=/); // Its remote image is kept blocked: data-remote-src, never src.
    await runDueJobs(t, workspace); // Sam is told who will answer (acknowledgement.int.test.ts), before Olga does.
    const [ack] = await relay.waitFor(sam, 1);
    const answer = await client(t, signed).post(`/api/v1/conversations/${conversation!.id}/messages`, {
      clientId: newClientId(),
      body: 'Hi Sam, yes: chocolate or lemon?',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.entry.channel).toBe('email');
    await runDueJobs(t, workspace);
    const reply = (await relay.waitFor(sam, 2))[1];
    expect(reply!.inReplyTo).toBe(ack!.messageId);
    expect([reply!.references].flat()).toEqual([sent.messageId, ack!.messageId]);
    expect(reply!.subject).toBe('Re: Birthday cake for <b>Saturday</b>?');
    const replyTo = reply!.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^reply\+/);

    // Their answer by the reply token, and another by In-Reply-To alone: both in the same conversation.
    await send({ from: sam, to: replyTo, subject: 'Re: cake', text: 'Chocolate, please.', inReplyTo: reply!.messageId });
    await send({ from: sam, to: address, subject: 'Re: cake', text: 'For twelve people.', references: [sent.messageId!] });
    const keptNow = await keptFrom(workspace, sam);
    expect(keptNow.map((k) => k.conversationId)).toEqual([conversation!.id, conversation!.id, conversation!.id]);
    expect(messages(await timeline(signed, conversation!.id)).map((e) => e.body)).toEqual([
      first!.body,
      'Hi Sam, yes: chocolate or lemon?',
      'Chocolate, please.',
      'For twelve people.',
    ]);
  });

  it('a customer who left a message in the chat answers our email, and the answer joins that conversation', async () => {
    const { workspace, signed } = await forwardedWorkspace();
    const sam = customerAddress();
    const chat = await buildConversation(t, workspace, 'Can I order a cake?');
    const left = await client(t, { visitorToken: chat.visitorToken }).post('/api/v1/widget/leave-message', {
      conversationId: chat.conversationId,
      email: sam,
      name: 'Sam',
    });
    expect(left.status).toBe(200);
    await client(t, signed).post(`/api/v1/conversations/${chat.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Yes! Which flavour?',
    });
    await runDueJobs(t, workspace);
    const [ours] = await relay.waitFor(sam, 1);
    await send({ from: sam, to: ours!.replyTo!.value[0]!.address!, subject: `Re: ${ours!.subject}`, text: 'Lemon, please.' });
    expect(messages(await timeline(signed, chat.conversationId)).map((e) => [e.channel, e.body])).toEqual([
      ['chat', 'Can I order a cake?'],
      ['email', 'Yes! Which flavour?'],
      ['email', 'Lemon, please.'],
    ]);
  });

  it("an address forwarded to a team opens its conversations in that team's queue", async () => {
    const { workspace } = await forwardedWorkspace();
    const billing = await buildTeam(t, workspace, { name: 'Billing' });
    const address = `billing-${randomUUID().slice(0, 8)}@rosies.test`;
    settings.addresses.push({ address, workspaceKey: workspace.key, teamId: billing.id });
    const sam = customerAddress();
    await send({ from: sam, to: address, subject: 'Invoice', text: 'My invoice is wrong.' });
    const [kept] = await keptFrom(workspace, sam);
    expect((await conversations.byId(t.db, workspace.id, kept!.conversationId!))?.teamId).toBe(billing.id);
  });

  it('a forged In-Reply-To from an unknown sender opens a new flagged conversation, and CC gains no access', async () => {
    const { workspace, address, signed } = await forwardedWorkspace();
    const sam = customerAddress();
    const eve = `eve-${randomUUID().slice(0, 8)}@example.com`;
    const first = await send({ from: sam, to: address, cc: eve, subject: 'My order', text: 'Where is my order 1234?' });
    const [samKept] = await keptFrom(workspace, sam);

    const forged = await send({
      from: eve,
      to: address,
      subject: 'Re: My order',
      text: 'Please send the order to my address instead.',
      inReplyTo: first.messageId,
      references: [first.messageId!],
    });
    expect(forged.response).toMatch(/^250/);
    const [eveKept] = await keptFrom(workspace, eve);
    expect(eveKept!.flags).toEqual(['forged_thread']);
    expect(eveKept!.conversationId).not.toBe(samKept!.conversationId);
    expect(eveKept!.customerId).not.toBe(samKept!.customerId);
    expect(messages(await timeline(signed, samKept!.conversationId!)).map((e) => e.body)).toEqual([
      'My order\n\nWhere is my order 1234?',
    ]);
    const flagged = await conversations.byId(t.db, workspace.id, eveKept!.conversationId!);
    expect(flagged!.tags).toContain(EMAIL_FLAG_TAG);
    const events = (await timeline(signed, flagged!.id)).filter((e) => e.event?.type === 'email_flagged');
    expect(events.map((e) => e.body)).toEqual([expect.stringContaining('opened as a new conversation')]);

    // The reply to Sam's conversation goes to Sam alone: the CC'd address is neither a recipient nor a customer of it.
    await client(t, signed).post(`/api/v1/conversations/${samKept!.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'It left the bakery this morning.',
    });
    await runDueJobs(t, workspace);
    const [reply] = await relay.waitFor(sam, 1);
    expect(reply!.cc).toBeUndefined();
    expect(relay.to(eve)).toEqual([]);
  });

  it('a sender the business verified is that customer; an address someone only typed is never linked to them', async () => {
    const { workspace, address } = await forwardedWorkspace();
    const known = customerAddress();
    const typed = customerAddress();
    const verified = await customers.create(t.db, workspace.id, { name: 'Sam Known' });
    await customers.addIdentity(t.db, workspace.id, { customerId: verified.id, kind: 'email', value: known, verified: true });
    const typist = await customers.create(t.db, workspace.id, { name: 'Someone Else' });
    await customers.addIdentity(t.db, workspace.id, { customerId: typist.id, kind: 'email', value: typed, verified: false });

    await send({ from: known, to: address, subject: 'Hi', text: 'It is me.' });
    await send({ from: { name: 'Pat', address: typed }, to: address, subject: 'Hi', text: 'It is me too.' });
    expect((await keptFrom(workspace, known))[0]!.customerId).toBe(verified.id);
    const [fromTyped] = await keptFrom(workspace, typed);
    expect(fromTyped!.customerId).not.toBe(typist.id);
    expect(await customers.byId(t.db, workspace.id, fromTyped!.customerId!)).toMatchObject({ name: 'Pat', verified: false });
    // Their next email, unthreaded, is the same (unproven) customer again, not a third.
    await send({ from: typed, to: address, subject: 'Again', text: 'A second thought.' });
    expect((await keptFrom(workspace, typed)).map((k) => k.customerId)).toEqual([fromTyped!.customerId, fromTyped!.customerId]);
    // Once an agent merges that customer into the record they belong to, their emails follow the merge.
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const merged = await client(t, admin).post(`/api/v1/customers/${typist.id}/merge`, { sourceId: fromTyped!.customerId });
    expect(merged.status).toBe(200);
    await send({ from: typed, to: address, subject: 'Third', text: 'One more thing.' });
    expect((await keptFrom(workspace, typed)).at(-1)!.customerId).toBe(typist.id);
  });

  it('the same email delivered twice is one message, by Message-ID or, without one, by sender and content', async () => {
    const { workspace, address, signed } = await forwardedWorkspace();
    const sam = customerAddress();
    const messageId = `<${randomUUID()}@mail.example.com>`;
    await send({ from: sam, to: address, subject: 'Twice', text: 'Sent once, delivered twice.', messageId });
    await send({ from: sam, to: address, subject: 'Twice', text: 'Sent once, delivered twice.', messageId });
    const raw = [`From: ${sam}`, `To: ${address}`, 'Subject: No id', '', 'This email has no Message-ID.', ''].join('\r\n');
    await send({ envelope: { from: sam, to: [address] }, raw });
    await send({
      envelope: { from: sam, to: [address] },
      raw: raw.replace('Subject', 'Received: by relay2.example.com\r\nSubject'),
    });
    const kept = await keptFrom(workspace, sam);
    expect(kept).toHaveLength(2);
    const bodies = await Promise.all(kept.map(async (k) => messages(await timeline(signed, k.conversationId!))));
    expect(bodies.flat().map((e) => e.body)).toEqual([
      'Twice\n\nSent once, delivered twice.',
      'No id\n\nThis email has no Message-ID.',
    ]);
  });

  it('auto-replies and bounces are stored and flagged but never answered automatically', async () => {
    const { workspace, address, signed } = await forwardedWorkspace();
    const away = customerAddress();
    await send({
      from: away,
      to: address,
      subject: 'Out of office',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const daemon = `mailer-daemon@${randomUUID().slice(0, 8)}.example.com`;
    await send({ from: daemon, to: address, subject: 'Undelivered Mail Returned to Sender', text: 'Delivery failed.' });
    const [auto] = await keptFrom(workspace, away);
    const [bounce] = await keptFrom(workspace, daemon);
    expect(auto).toMatchObject({ flags: ['auto_reply'], automatic: true });
    expect(bounce).toMatchObject({ flags: ['bounce'], automatic: true });
    const entries = await timeline(signed, auto!.conversationId!);
    expect(messages(entries).map((e) => e.body)).toEqual(['Out of office\n\nI am away until Monday.']);
    expect(entries.find((e) => e.event?.type === 'email_flagged')?.body).toMatch(/automatic reply/);
    await runDueJobs(t, workspace);
    expect(relay.to(away)).toEqual([]);
    expect(relay.to(daemon)).toEqual([]);
  });

  it('a mailing loop is kept raw but stops reaching agents', async () => {
    const { workspace, address } = await forwardedWorkspace();
    const robot = customerAddress();
    for (let i = 0; i < 12; i++) await send({ from: robot, to: address, subject: `Ticket ${i}`, text: `Automatic notice ${i}` });
    const kept = await keptFrom(workspace, robot);
    expect(kept).toHaveLength(12);
    expect(kept.slice(10).map((k) => [k.flags, k.entryId])).toEqual([
      [['loop'], null],
      [['loop'], null],
    ]);
  });

  it('refuses unknown mailboxes (550) and emails over the size limit (552) at SMTP time', async () => {
    const { workspace, address } = await forwardedWorkspace();
    const sam = customerAddress();
    expect(await refusal({ from: sam, to: `nobody-${randomUUID()}@rosies.test`, text: 'hello?' })).toBe(550);
    expect(await refusal({ from: sam, to: address, subject: 'Huge', text: 'x'.repeat(MAX_BYTES + 1024) })).toBe(552);
    expect(await keptFrom(workspace, sam)).toEqual([]);
  });

  it('hostile emails (1,000-deep nesting, a huge header, a broken encoding) are kept raw and flagged, and the receiver keeps answering', async () => {
    const { workspace, address, signed } = await forwardedWorkspace();
    const sam = customerAddress();
    const head = [`From: ${sam}`, `To: ${address}`, 'MIME-Version: 1.0'];
    let nested = 'Content-Type: text/plain\r\n\r\nthe bottom\r\n';
    for (let depth = 0; depth < 1000; depth++) {
      nested = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${nested}--b${depth}--\r\n`;
    }
    const deep = `${head.join('\r\n')}\r\nSubject: deep\r\n${nested}`;
    const hugeHeader = `${head.join('\r\n')}\r\nSubject: huge\r\nX-Junk: ${`${'a'.repeat(70)}\r\n `.repeat(5000)}end\r\n\r\nbody\r\n`;
    const broken = `${head.join('\r\n')}\r\nSubject: =?x-unknown?B?////?=\r\nContent-Type: text/plain; charset=x-made-up\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64\u0000\r\n`;
    for (const raw of [deep, hugeHeader, broken]) {
      const sent = await send({ envelope: { from: sam, to: [address] }, raw });
      expect(sent.response).toMatch(/^250/);
    }
    const kept = await keptFrom(workspace, sam);
    expect(kept.map((k) => k.flags)).toEqual([['unreadable'], ['unreadable'], []]);
    expect(kept[0]!.raw.toString('latin1')).toBe(deep);
    const [unreadable] = messages(await timeline(signed, kept[0]!.conversationId!));
    expect(unreadable!.body).toMatch(/could not be read safely/);
    const ordinary = await send({ from: sam, to: address, subject: 'Still there?', text: 'An ordinary email.' });
    expect(ordinary.response).toMatch(/^250/);
  });

  it('erasing the customer deletes the emails kept from them, raw and all', async () => {
    const { workspace, address } = await forwardedWorkspace();
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const erin = customerAddress();
    await send({
      from: { name: 'Erin Erase', address: erin },
      to: address,
      subject: 'Erase me',
      text: 'My address is 12 Riverside.',
    });
    const [kept] = await keptFrom(workspace, erin);
    expect((await client(t, admin).post(`/api/v1/customers/${kept!.customerId}/erase`)).status).toBe(200);
    expect(await keptFrom(workspace, erin)).toEqual([]);
  });

  it('with the database down the receiver answers 451, and the same email is taken once it is back', async () => {
    const { workspace, address, signed } = await forwardedWorkspace();
    const unreachable = openPool(
      { connectionString: 'postgres://warmline@127.0.0.1:1/none', connectionTimeoutMillis: 500 },
      'postgres',
    );
    const down = { ...t, db: unreachable };
    const other = await startInboundSmtp(down, { ...settings, port: 0 });
    try {
      const sam = customerAddress();
      const mail: Mail = {
        from: sam,
        to: address,
        subject: 'Hello',
        text: 'Anyone there?',
        messageId: `<${randomUUID()}@example.com>`,
      };
      expect(await refusal(mail, other.port)).toBe(451);
      down.db = t.db;
      expect((await send(mail, other.port)).response).toMatch(/^250/);
      const kept = await keptFrom(workspace, sam);
      expect(kept).toHaveLength(1);
      expect(messages(await timeline(signed, kept[0]!.conversationId!)).map((e) => e.body)).toEqual(['Hello\n\nAnyone there?']);
    } finally {
      await other.close();
      await unreachable.close();
    }
  });
});
