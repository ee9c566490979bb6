import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Dovecot, startDovecot } from '../apps/server/src/testing/dovecot.ts';
import { DEMO } from './harness/cluster.ts';
import { type Postgres, startPostgres } from './harness/postgres.ts';
import { killAll, waitFor } from './harness/processes.ts';
import { type RedisServer, startRedis } from './harness/redis.ts';
import { describeWithEngines } from './harness/suite.ts';
import { migrate, type NodeEnv, startNode, type WarmlineNode } from './harness/warmline.ts';

const USER = 'help@juniper-rye.example';
const PASSWORD = 'mailbox-password';

let pg: Postgres | undefined;
let redis: RedisServer | undefined;
let dovecot: Dovecot | undefined;
let env: NodeEnv;

beforeAll(async () => {
  [pg, redis, dovecot] = await Promise.all([startPostgres(), startRedis(), startDovecot()]);
  dovecot.addUser(USER, PASSWORD);
  env = {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    PUBLIC_URL: 'http://127.0.0.1',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    INBOUND_IMAP_MAILBOXES: `imap://help%40juniper-rye.example:${PASSWORD}@127.0.0.1:${dovecot.port}/INBOX=${DEMO.workspaceKey}`,
    INBOUND_IMAP_POLL_SECONDS: '1',
  };
  await migrate(env);
});

afterAll(async () => {
  await killAll();
  await Promise.all([pg?.destroy(), redis?.destroy(), dovecot?.stop()]);
});

/** A customer's email as their provider delivered it into the business's mailbox. */
function email(subject: string, text: string) {
  const id = `<${randomUUID()}@example.com>`;
  const raw = [
    'Return-Path: <sam.baker@example.com>',
    'From: Sam Baker <sam.baker@example.com>',
    `To: ${USER}`,
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

/** A node that reads the mailbox and, with `holdAt`, stops for good at that point of taking an email. */
const node = (name: string, opts: { holdAt?: 'fetched' | 'committed'; demo?: boolean } = {}) =>
  startNode(name, 'all', opts.holdAt ? { ...env, WARMLINE_TESTING: '1', WARMLINE_TEST_HOLD_IMAP: opts.holdAt } : env, {
    demo: opts.demo,
  });

const held = (n: WarmlineNode, point: string) =>
  waitFor(`node ${n.name} to stop with an email ${point}`, () => n.output().includes(`[test hold] imap ${point} uid`), {
    timeoutMs: 60_000,
  });

const seen = async (messageId: string) => (await dovecot!.flags(USER, PASSWORD)).find((m) => m.messageId === messageId)?.seen;

/** What the database holds of one email: its kept copies, and the timeline messages of its conversation saying `text`. */
async function stored(messageId: string, text: string) {
  const kept = await pg!.query<{ conversation_id: string }>('select conversation_id from inbound_emails where message_id = $1', [
    messageId,
  ]);
  const messages = await pg!.query<{ conversation_id: string }>(
    `select conversation_id from entries
     where kind = 'message' and direction = 'in' and position($2 in body) > 0
       and conversation_id in (select conversation_id from inbound_emails where message_id = $1)`,
    [messageId, text],
  );
  return { kept, messages };
}

describeWithEngines('a node reading a mailbox by IMAP, killed with kill -9 while taking an email', () => {
  it('killed after fetching, before the commit: the next node takes the email again, stores it once, marks it read', async () => {
    const text = 'Two sourdough loaves for Saturday, please.';
    const mail = email('Sourdough', text);
    await dovecot!.append(USER, PASSWORD, mail.raw);
    const a = await node('a', { holdAt: 'fetched', demo: true });
    await held(a, 'fetched');
    expect(await stored(mail.id, text)).toEqual({ kept: [], messages: [] });
    expect(await seen(mail.id)).toBe(false);
    await a.kill9();

    // The dead node's lease on the mailbox lapses; the next node takes it then.
    const b = await node('b');
    await waitFor('the email to be marked read', () => seen(mail.id), { timeoutMs: 90_000, intervalMs: 250 });
    const { kept, messages } = await stored(mail.id, text);
    expect(kept).toHaveLength(1);
    expect(messages).toEqual(kept);
    expect(b.output()).not.toContain('[test hold]');
    expect(await b.terminate()).toBe(0);
  });

  it('killed after the commit, before \\Seen: the next node finds it already kept, stores nothing more, marks it read', async () => {
    const text = 'And one rye loaf.';
    const mail = email('Rye', text);
    const c = await node('c', { holdAt: 'committed' });
    await dovecot!.append(USER, PASSWORD, mail.raw);
    await held(c, 'committed');
    const before = await stored(mail.id, text);
    expect(before.kept).toHaveLength(1);
    expect(before.messages).toEqual(before.kept);
    expect(await seen(mail.id)).toBe(false);
    await c.kill9();

    await node('d');
    await waitFor('the email to be marked read', () => seen(mail.id), { timeoutMs: 90_000, intervalMs: 250 });
    expect(await stored(mail.id, text)).toEqual(before);
  });
});
