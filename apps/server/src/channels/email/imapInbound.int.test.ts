import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImapMailbox, InboundImapSettings } from '../../core/config.ts';
import { conversations } from '../../modules/conversations/index.ts';
import { type Dovecot, startDovecot } from '../../testing/dovecot.ts';
import { buildAgent, buildConversation, buildTeam, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { waitFor } from '../../testing/voiceLab/labProcess.ts';
import { type ImapReader, type ReceiveEmail, startImapReader } from './imapReader.ts';
import { receiveEmail } from './inboundEmail.ts';
import { replyAddress } from './replyToken.ts';

let t: TestServer;
let dovecot: Dovecot;
let settings: InboundImapSettings;
const readers: ImapReader[] = [];

beforeAll(async () => {
  t = await testServer();
  dovecot = await startDovecot();
  settings = { mailboxes: [], pollSeconds: 1 };
  t.config.inboundImap = settings;
});
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  t.config.inboundImap = null;
  if (process.env.DOVECOT_LOG) console.log(dovecot?.process.output());
  await dovecot?.stop();
});

/** A workspace whose help mailbox Warmline reads by IMAP, with an available agent and an admin. */
async function mailboxWorkspace(opts: { team?: boolean } = {}) {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  const olga = await buildAgent(t, workspace, { displayName: 'Olga Admin', presence: 'available' });
  const team = opts.team ? await buildTeam(t, workspace, { name: 'Cakes', members: [olga] }) : null;
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada Admin' }));
  const user = `help-${randomUUID().slice(0, 8)}@rosies.test`;
  const password = `pw-${randomUUID().slice(0, 8)}`;
  dovecot.addUser(user, password);
  const mailbox: ImapMailbox = {
    name: `${user}@127.0.0.1:${dovecot.port}/INBOX`,
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    user,
    password,
    mailbox: 'INBOX',
    workspaceKey: workspace.key,
    teamId: team?.id ?? null,
  };
  settings.mailboxes.push(mailbox);
  return { workspace, team, olga, admin, mailbox, user, password };
}

function read(mailbox: ImapMailbox, opts: { holder?: string; receive?: ReceiveEmail } = {}): ImapReader {
  const reader = startImapReader(t, mailbox, { holder: opts.holder ?? 'node-a', pollSeconds: 1, leaseSeconds: 3, ...opts });
  readers.push(reader);
  return reader;
}

function email(from: string, to: string, subject: string, text: string) {
  const id = `<${randomUUID()}@example.com>`;
  const raw = [
    `Return-Path: <${from}>`,
    `From: Sam Baker <${from}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: ${id}`,
    'Date: Mon, 07 Dec 2026 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
  return { id, raw };
}

async function keptFrom(workspaceId: string, sender: string) {
  return t.db.query<{ conversationId: string; entryId: string }>(
    `select conversation_id as "conversationId", entry_id::text as "entryId"
     from inbound_emails where workspace_id = $1 and sender = $2 order by id`,
    [workspaceId, sender],
  );
}

const seen = async (user: string, password: string, messageId: string) =>
  (await dovecot.flags(user, password)).find((m) => m.messageId === messageId)?.seen;

describe(`email read from an IMAP mailbox (${backend})`, () => {
  it("a message delivered to the mailbox lands in a conversation of the mailbox's team, then is marked read", async () => {
    const { workspace, team, olga, user, password, mailbox } = await mailboxWorkspace({ team: true });
    read(mailbox);
    const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
    const mail = email(sam, user, 'Birthday cake', 'Can I order a cake for Saturday?');
    await dovecot.append(user, password, mail.raw);

    const [kept] = await waitFor('the email to be stored', async () => {
      const found = await keptFrom(workspace.id, sam);
      return found.length > 0 && found;
    });
    // Routed after the commit, as a chat is.
    const conversation = await waitFor('the conversation to be routed', async () => {
      const found = await conversations.byId(t.db, workspace.id, kept!.conversationId);
      return found?.assigneeId && found;
    });
    expect(conversation).toMatchObject({ channel: 'email', teamId: team!.id, assigneeId: olga.id, replyEmail: sam });
    await waitFor('the email to be marked read', () => seen(user, password, mail.id));
  });

  it('an email is marked read only after it is committed: one that fails to store is taken again, and stored once', async () => {
    const { workspace, user, password, mailbox } = await mailboxWorkspace();
    const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
    let calls = 0;
    // The first try dies before its commit, the second after it (before `\Seen`): the third finds it already kept.
    const receive: ReceiveEmail = async (services, input) => {
      calls++;
      if (calls === 1) throw new Error('the database went away');
      const received = await receiveEmail(services, input);
      if (calls === 2) throw new Error('the node died before marking it read');
      return received;
    };
    const mail = email(sam, user, 'Order', 'Two loaves please');
    await dovecot.append(user, password, mail.raw);
    const reader = read(mailbox, { receive });
    await waitFor('the first try to fail', () => calls >= 1);
    expect(await seen(user, password, mail.id)).toBe(false);
    await waitFor('the third try', () => calls >= 3, { detail: () => `calls: ${calls}` });
    await waitFor('the email to be marked read', () => seen(user, password, mail.id));
    expect(await keptFrom(workspace.id, sam)).toHaveLength(1);
    reader.wake();
    const [kept] = await keptFrom(workspace.id, sam);
    const entries = await t.db.query("select id from entries where conversation_id = $1 and kind = $2 and direction = 'in'", [
      kept!.conversationId,
      'message',
    ]);
    expect(entries).toHaveLength(1);
  });

  it('an email whose files cannot be stored stays unread; once they can, it is stored with them and marked read', async () => {
    const { workspace, user, password, mailbox } = await mailboxWorkspace();
    const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
    const plain = email(sam, user, 'Receipt', 'unused');
    const raw = plain.raw
      .replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary="b"')
      .replace(
        /\r\nunused\r\n$/,
        [
          '',
          '--b',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'The receipt is attached.',
          '--b',
          'Content-Type: application/pdf; name="receipt.pdf"',
          'Content-Disposition: attachment; filename="receipt.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
          '--b--',
          '',
        ].join('\r\n'),
      );
    const real = t.storage;
    let puts = 0;
    t.storage = { ...real, put: () => Promise.reject(new Error(`the disk is full (${++puts})`)) };
    try {
      await dovecot.append(user, password, raw);
      read(mailbox);
      await waitFor('a try to store its file', () => puts >= 2);
      expect({ seen: await seen(user, password, plain.id), kept: await keptFrom(workspace.id, sam) }).toEqual({
        seen: false,
        kept: [],
      });
    } finally {
      t.storage = real;
    }
    await waitFor('the email to be marked read', () => seen(user, password, plain.id));
    const [kept] = await keptFrom(workspace.id, sam);
    const [entry] = await t.db.query<{ body: string; attachments: Array<{ name: string; type: string }> }>(
      'select body, attachments from entries where id = $1',
      [kept!.entryId],
    );
    expect(entry!.body).toBe('Receipt\n\nThe receipt is attached.');
    expect(entry!.attachments.map(({ name, type }) => ({ name, type }))).toEqual([
      { name: 'receipt.pdf', type: 'application/pdf' },
    ]);
  });

  it('a mailbox whose password stops working is shown to its admin as refused, told once, and reads again when fixed', async () => {
    const { mailbox, admin, olga } = await mailboxWorkspace();
    const states = async () => (await client(t, admin).get('/api/v1/email/mailboxes')).body.mailboxes;
    expect(await states()).toEqual([expect.objectContaining({ name: mailbox.name, status: 'not_read_yet' })]);

    const password = mailbox.password;
    mailbox.password = 'the-old-password';
    read(mailbox);
    const [refused] = await waitFor('the refusal to show', async () => {
      const found = await states();
      return found[0]?.status === 'sign_in_refused' && found;
    });
    expect(refused.problem).toMatch(/refused the sign-in/);
    const failingSince = refused.failingSince;
    expect(failingSince).not.toBeNull();
    // Tried again and refused again: still the same failure, told once.
    await waitFor('another refused try', async () => {
      const [again] = await states();
      return again.checkedAt > refused.checkedAt && again;
    }).then((again) => expect(again).toMatchObject({ status: 'sign_in_refused', failingSince }));

    expect((await client(t, await signIn(t, olga)).get('/api/v1/email/mailboxes')).status).toBe(403);
    mailbox.password = password;
    await waitFor('the mailbox to read again', async () => {
      const [state] = await states();
      return state?.status === 'reading' && state.failingSince === null;
    });
  });

  it("a mailbox that stops working raises one alert on the supervisors' and admins' list, closed when it reads again", async () => {
    const { workspace, mailbox, admin, olga } = await mailboxWorkspace();
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Sid Supervisor' }));
    const agent = await signIn(t, olga);
    const open = async (who = admin) =>
      (await client(t, who).get('/api/v1/alerts?open=true')).body.alerts as Array<Record<string, unknown>>;
    const states = async () => (await client(t, admin).get('/api/v1/email/mailboxes')).body.mailboxes;

    const password = mailbox.password;
    mailbox.password = 'the-old-password';
    const reader = read(mailbox);
    const [alert] = await waitFor('the alert', async () => {
      const found = await open();
      return found.length > 0 && found;
    });
    expect(alert).toMatchObject({ kind: 'mailbox_failing', conversationId: null, customerName: null, acknowledgedAt: null });
    expect(alert!.text).toContain(`The mailbox ${mailbox.name} cannot be read: The mail server refused the sign-in`);
    expect(alert!.text).not.toContain('the-old-password');
    expect(await open(supervisor)).toEqual([alert]);
    // An agent's list holds their own reminders, not the workspace's mail.
    expect(await open(agent)).toEqual([]);

    // Refused again at the next tries: still the one alert.
    const [first] = await states();
    reader.wake();
    await waitFor('another refused try', async () => {
      const [again] = await states();
      return again.checkedAt > first.checkedAt && again;
    });
    expect(await open()).toEqual([alert]);

    // Fixed: the mailbox reads again and its alert leaves the open list by itself.
    mailbox.password = password;
    await waitFor('the alert to close', async () => (await open()).length === 0);
    const [closed] = (await client(t, admin).get('/api/v1/alerts?open=false')).body.alerts;
    expect(closed).toMatchObject({ id: alert!.id, acknowledgedBy: null });
    expect(closed.acknowledgedAt).not.toBeNull();
    expect((await states())[0]).toMatchObject({ status: 'reading' });

    // Failing again later is a new failure: a new alert. An admin who takes it ("I'm on it") is not told again at
    // every further try.
    await reader.stop();
    mailbox.password = 'changed-again';
    const again = read(mailbox);
    const [second] = await waitFor('a second alert', async () => {
      const found = await open();
      return found.length > 0 && found;
    });
    expect(second!.id).not.toBe(alert!.id);
    expect((await client(t, admin).post(`/api/v1/alerts/${second!.id}/acknowledge`)).status).toBe(200);
    const [taken] = await states();
    again.wake();
    await waitFor('a try after it was taken', async () => {
      const [now] = await states();
      return now.checkedAt > taken.checkedAt && now.status === 'sign_in_refused';
    });
    expect(await open()).toEqual([]);
  });

  it('two nodes reading the same mailbox: one holds it, the other takes over when it stops', async () => {
    const { workspace, user, password, mailbox } = await mailboxWorkspace();
    const a = read(mailbox, { holder: 'node-a' });
    await waitFor('node a to hold the mailbox', () => a.holding());
    const b = read(mailbox, { holder: 'node-b' });
    const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
    const first = email(sam, user, 'One', 'first');
    await dovecot.append(user, password, first.raw);
    await waitFor('the first email', async () => (await keptFrom(workspace.id, sam)).length === 1);
    expect(b.holding()).toBe(false);

    await a.stop();
    await waitFor('node b to take the mailbox', () => b.holding());
    const second = email(sam, user, 'Two', 'second');
    await dovecot.append(user, password, second.raw);
    await waitFor('the second email', async () => (await keptFrom(workspace.id, sam)).length === 2);
  });

  it("a reply token in a mailbox's email names a conversation of that mailbox's workspace only", async () => {
    const { workspace, user, password, mailbox } = await mailboxWorkspace();
    const elsewhere = await buildWorkspace(t, { name: 'Another shop' });
    const theirs = await buildConversation(t, elsewhere, 'A chat in another shop');
    const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
    const token = replyAddress(t.secretKey, theirs.conversationId, 'help@another.test');
    await dovecot.append(user, password, email(sam, token, 'Re: your chat', 'Hello?').raw);
    read(mailbox);
    const [kept] = await waitFor('the email to be stored', async () => {
      const found = await keptFrom(workspace.id, sam);
      return found.length > 0 && found;
    });
    expect(kept!.conversationId).not.toBe(theirs.conversationId);
    expect(await keptFrom(elsewhere.id, sam)).toEqual([]);
  });
});
