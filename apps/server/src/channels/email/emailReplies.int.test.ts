import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimProblem } from '../../testing/dkimCheck.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { type CaughtMail, type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { conversationOfReplyToken } from './replyToken.ts';

let t: TestServer;
let relay: MailCatcher;
beforeAll(async () => {
  t = await testServer();
  relay = await startMailCatcher();
  t.config.smtp = smtpSettingsFor(relay);
});
afterAll(async () => {
  t.config.smtp = null;
  await relay?.close();
});

type EntryView = {
  id: string;
  seq: number;
  kind: string;
  channel: string | null;
  body: string;
  event: { type: string; data: Record<string, unknown> } | null;
  delivery?: { status: string; to: string | null; error: string | null; at: string | null; attempts: number } | null;
};

/** A customer wrote, nobody was free, and they left their email: Olga owns the promised reply. */
async function leftMessage() {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  const olga = await buildAgent(t, workspace, { displayName: 'Olga Admin' });
  const chat = await buildConversation(t, workspace, 'Can I order a birthday cake for Saturday?');
  const email = `sam-${randomUUID().slice(0, 8)}@example.com`;
  const left = await client(t, { visitorToken: chat.visitorToken }).post('/api/v1/widget/leave-message', {
    conversationId: chat.conversationId,
    email,
    name: 'Sam',
  });
  expect(left.status).toBe(200);
  expect(left.body.promise.text).toBe(`Olga Admin will reply to ${email} within 4 hours.`);
  return { workspace, olga: await signIn(t, olga), chat, email, conversationId: chat.conversationId };
}

async function reply(agent: Signed, conversationId: string, body: string, kind: 'messages' | 'notes' = 'messages') {
  const res = await client(t, agent).post(`/api/v1/conversations/${conversationId}/${kind}`, { clientId: newClientId(), body });
  expect(res.status).toBe(201);
  return res.body.entry as EntryView;
}

async function timeline(agent: Signed, conversationId: string): Promise<EntryView[]> {
  return (await client(t, agent).get(`/api/v1/conversations/${conversationId}/entries`)).body.entries;
}

async function entryOf(agent: Signed, conversationId: string, seq: number): Promise<EntryView> {
  return (await timeline(agent, conversationId)).find((e) => e.seq === seq)!;
}

/** Time passes: the reply's next try (or the promise's check) is due now. */
async function dueNow(workspace: { id: string }, kind: string) {
  await t.db.query(`update jobs set run_at = $3 where workspace_id = $1 and kind = $2 and status = 'pending'`, [
    workspace.id,
    kind,
    new Date(Date.now() - 1000),
  ]);
}

const token = (mail: CaughtMail) => /^reply\+([^@]+)@bakery\.test$/.exec(mail.replyTo?.value[0]?.address ?? '')?.[1] ?? '';

describe(`replies by email to a customer who left a message (${backend})`, () => {
  it("reach the customer from the agent by name, threaded, with the conversation's reply token; notes never leave", async () => {
    const { workspace, olga, email, conversationId } = await leftMessage();
    const first = await reply(olga, conversationId, 'Hi Sam, yes we can do Saturday. Chocolate or lemon?');
    expect(first).toMatchObject({ channel: 'email', delivery: { status: 'pending', attempts: 0 } });
    await runDueJobs(t, workspace);
    const [mail] = await relay.waitFor(email, 1);
    expect(mail!.from?.value[0]).toEqual({ name: 'Olga Admin', address: 'help@bakery.test' });
    expect(mail!.subject).toBe(`Your message to ${workspace.name}`);
    expect(mail!.text).toContain('Hi Sam, yes we can do Saturday. Chocolate or lemon?');
    expect(mail!.text).toContain(`Olga Admin\n${workspace.name}`);
    expect(mail!.messageId).toMatch(new RegExp(`^<entry-${first.id}\\.${conversationId}@bakery\\.test>$`));
    expect(conversationOfReplyToken(t.secretKey, token(mail!))).toBe(conversationId);
    expect(await entryOf(olga, conversationId, first.seq)).toMatchObject({
      delivery: { status: 'sent', to: email, error: null, attempts: 1 },
    });

    await reply(olga, conversationId, 'Only for us: check the oven schedule for Saturday.', 'notes');
    const second = await reply(olga, conversationId, 'And how many people is it for?');
    await runDueJobs(t, workspace);
    const [, next] = await relay.waitFor(email, 2);
    expect(next!.inReplyTo).toBe(mail!.messageId);
    expect([next!.references].flat()).toEqual([mail!.messageId]);
    expect(next!.subject).toBe(`Re: Your message to ${workspace.name}`);
    expect(token(next!)).toBe(token(mail!));
    expect(
      relay
        .to(email)
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('oven schedule');
    const notes = (await timeline(olga, conversationId)).filter((e) => e.kind === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.delivery).toBeUndefined();
    expect((await entryOf(olga, conversationId, second.seq)).delivery?.status).toBe('sent');
  });

  it('keeps the promise once the first reply has gone, in time', async () => {
    const { workspace, olga, conversationId, chat } = await leftMessage();
    await reply(olga, conversationId, 'Hello Sam!');
    await runDueJobs(t, workspace);
    const conversation = (await client(t, olga).get(`/api/v1/conversations/${conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ promiseKeptAt: expect.any(String), promiseMissedAt: null, escalatedAt: null });
    const kept = (await timeline(olga, conversationId)).filter((e) => e.event?.type === 'promise_kept');
    expect(kept.map((e) => e.body)).toEqual([expect.stringMatching(/^Replied within the promised time/)]);
    // What the customer sees of the reply says nothing of how the email went.
    const seen = await client(t, { visitorToken: chat.visitorToken }).get(
      `/api/v1/widget/conversations/${conversationId}/entries?after=0`,
    );
    expect(seen.status).toBe(200);
    const replyAsSeen = seen.body.entries.find((e: EntryView) => e.body === 'Hello Sam!');
    expect(replyAsSeen).toBeDefined();
    expect(replyAsSeen.delivery).toBeUndefined();
  });

  it('a missed promise escalates and alerts the owner and the supervisors; a late reply is marked late', async () => {
    const { workspace, olga, email, conversationId } = await leftMessage();
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Sofia' }));
    await dueNow(workspace, 'reply_promise');
    await runDueJobs(t, workspace);
    const conversation = (await client(t, supervisor).get(`/api/v1/conversations/${conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ promiseMissedAt: expect.any(String), escalatedAt: expect.any(String) });
    for (const who of [olga, supervisor]) {
      const alerts = (await client(t, who).get('/api/v1/alerts')).body.alerts as Array<{ kind: string; text: string }>;
      expect(alerts.filter((a) => a.kind === 'promise_missed').map((a) => a.text)).toEqual([
        expect.stringMatching(/^Sam was promised a reply by \d\d:\d\d UTC from Olga Admin, and nobody has replied yet$/),
      ]);
    }
    await reply(olga, conversationId, 'Sorry for the wait, Sam.');
    await runDueJobs(t, workspace);
    await relay.waitFor(email, 1);
    const kept = (await timeline(olga, conversationId)).filter((e) => e.event?.type === 'promise_kept');
    expect(kept.map((e) => e.event?.data.inTime)).toEqual([false]);
  });

  it('with the relay down the reply waits as "not sent yet", then goes once when the relay is back', async () => {
    const { workspace, olga, email, conversationId } = await leftMessage();
    await relay.stop();
    try {
      const entry = await reply(olga, conversationId, 'Your cake will be ready at noon.');
      await runDueJobs(t, workspace);
      const waiting = await entryOf(olga, conversationId, entry.seq);
      expect(waiting.delivery).toMatchObject({ status: 'pending', to: email, attempts: 1 });
      expect(waiting.delivery?.error).toMatch(/^the mail relay (closed|refused) the connection/);
      expect(Date.parse(waiting.delivery!.at!)).toBeGreaterThan(Date.now() + 20_000);
      // Still down at the next try: the wait before the one after doubles.
      await dueNow(workspace, 'email_reply');
      await runDueJobs(t, workspace);
      const again = await entryOf(olga, conversationId, entry.seq);
      expect(again.delivery).toMatchObject({ status: 'pending', attempts: 2 });
      expect(Date.parse(again.delivery!.at!)).toBeGreaterThan(Date.now() + 50_000);
      // Written is not sent: the promised reply is still owed.
      expect((await client(t, olga).get(`/api/v1/conversations/${conversationId}`)).body.conversation.promiseKeptAt).toBeNull();
    } finally {
      await relay.start();
    }
    await dueNow(workspace, 'email_reply');
    await runDueJobs(t, workspace);
    await relay.waitFor(email, 1);
    const [sent] = (await timeline(olga, conversationId)).filter((e) => e.channel === 'email');
    expect(sent!.delivery).toMatchObject({ status: 'sent', to: email, attempts: 3 });
    expect((await client(t, olga).get(`/api/v1/conversations/${conversationId}`)).body.conversation.promiseKeptAt).toEqual(
      expect.any(String),
    );

    // The same job once more (a node that sent it and died before committing): nothing is sent twice.
    await t.db.query(
      `insert into jobs (workspace_id, kind, run_at, payload) values ($1, 'email_reply', now() - interval '1 second', $2)`,
      [workspace.id, JSON.stringify({ entryId: sent!.id, conversationId, attempt: 0 })],
    );
    await runDueJobs(t, workspace);
    expect(relay.to(email)).toHaveLength(1);
  });

  it('a customer back in the chat gets the reply there, not by email', async () => {
    const { workspace, olga, email, conversationId, chat } = await leftMessage();
    const back = await client(t, { visitorToken: chat.visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: "I'm still here actually",
    });
    expect(back.status).toBe(201);
    const entry = await reply(olga, conversationId, 'Great, let us sort it out here then.');
    expect(entry.channel).toBe('chat');
    expect(entry.delivery).toBeUndefined();
    await runDueJobs(t, workspace);
    expect(relay.to(email)).toHaveLength(0);
    const conversation = (await client(t, olga).get(`/api/v1/conversations/${conversationId}`)).body.conversation;
    expect(conversation.replyByEmail).toBeNull();
  });

  it('without email set up, the agent is told the reply cannot reach the customer', async () => {
    const { workspace, olga, email, conversationId } = await leftMessage();
    const settings = t.config.smtp;
    t.config.smtp = null;
    try {
      // Told before writing: the app's session says email cannot be sent.
      expect((await client(t, olga).get('/api/v1/auth/session')).body.emailReady).toBe(false);
      const entry = await reply(olga, conversationId, 'Hello?');
      await runDueJobs(t, workspace);
      expect((await entryOf(olga, conversationId, entry.seq)).delivery).toMatchObject({
        status: 'failed',
        error: `Email is not set up on this server (SMTP_HOST) — this reply can't reach ${email}`,
      });
    } finally {
      t.config.smtp = settings;
    }
    expect(relay.to(email)).toHaveLength(0);
    expect((await client(t, olga).get('/api/v1/auth/session')).body.emailReady).toBe(true);
  });

  it('are signed with DKIM when it is set up, so receiving servers can trust the From domain', async () => {
    const { workspace, olga, email, conversationId } = await leftMessage();
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const settings = t.config.smtp;
    t.config.smtp = {
      ...smtpSettingsFor(relay),
      dkim: {
        domainName: 'bakery.test',
        keySelector: 'warmline',
        privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    };
    try {
      await reply(olga, conversationId, 'Signed, sealed, delivered: your cake is booked.');
      await runDueJobs(t, workspace);
    } finally {
      t.config.smtp = settings;
    }
    const [mail] = await relay.waitFor(email, 1);
    expect(mail!.headers.get('dkim-signature')).toBeDefined();
    expect(dkimProblem(mail!.raw, keys.publicKey)).toBeNull();
    expect(dkimProblem(mail!.raw.replace('your cake is booked', 'your cake is cancelled'), keys.publicKey)).toBe(
      'the body hash does not match',
    );
    expect(dkimProblem(mail!.raw.replace(/^Subject: .*$/m, 'Subject: Pay this invoice'), keys.publicKey)).toBe(
      'the signature does not verify',
    );
  });

  it('refuses to start with SMTP settings that cannot work, one line per problem', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
    const env = {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      SMTP_HOST: 'mail.example.com',
      SMTP_PORT: 'smtp',
      SMTP_USER: 'bakery',
    };
    const child = spawn(process.execPath, ['bin/warmline.mjs', 'start'], { cwd: root, env });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      '  - SMTP_PORT: SMTP_PORT must be a number',
      '  - SMTP_FROM: SMTP_FROM is required with SMTP_HOST (the address replies are sent from)',
      '  - SMTP_PASSWORD: SMTP_PASSWORD is required with SMTP_USER',
    ]);
  }, 60_000);
});
