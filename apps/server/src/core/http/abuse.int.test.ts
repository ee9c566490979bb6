import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildVisitor,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  PASSWORD,
  type Reply,
  request,
  signIn,
} from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let limits: Pick<TestServer['config'], 'signInLimitPer15Min' | 'widgetSessionsPerMinute' | 'messagesPerMinute' | 'publicUrl'>;
beforeAll(async () => {
  t = await testServer();
  const { signInLimitPer15Min, widgetSessionsPerMinute, messagesPerMinute, publicUrl } = t.config;
  limits = { signInLimitPer15Min, widgetSessionsPerMinute, messagesPerMinute, publicUrl };
});
// Each test lowers a limit to a handful; the shared server gets its own back.
afterEach(() => {
  Object.assign(t.config, limits);
});

/** A 429 in the one error shape, with a Retry-After of at most `window` seconds. */
function expectLimited(res: Reply, window: number) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(window);
}

const signInFrom = (from: string, email: string, password: string, headers: Record<string, string> = {}) =>
  request(t, 'POST', '/api/v1/auth/sign-in', { email, password }, { from, headers });

describe(`rate limits on the public routes, keyed so nobody locks out someone else (${backend})`, () => {
  it('sign-in: guessing from one address is refused with Retry-After; the person, from their own address, still signs in', async () => {
    t.config.signInLimitPer15Min = 3;
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace);
    const attacker = newAddress();
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push(await signInFrom(attacker, amina.email, `guess ${i}`));
    expect(guesses.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
    expectLimited(guesses[3]!, 15 * 60);
    // Even the right password is refused from that address now…
    expect((await signInFrom(attacker, amina.email, PASSWORD)).status).toBe(429);
    // …and a forged X-Forwarded-For does not make it someone else (no trusted proxy is configured).
    const spoofed = await signInFrom(attacker, amina.email, PASSWORD, {
      'x-forwarded-for': newAddress(),
      'x-real-ip': newAddress(),
    });
    expect(spoofed.status).toBe(429);
    expect((await signInFrom(newAddress(), amina.email, PASSWORD)).status).toBe(200);
  });

  it('starting widget sessions: one address is limited per minute, another address is not', async () => {
    t.config.widgetSessionsPerMinute = 3;
    const workspace = await buildWorkspace(t);
    const from = newAddress();
    const start = (address: string, headers: Record<string, string> = {}) =>
      request(t, 'POST', '/api/v1/widget/session', { workspaceKey: workspace.key }, { from: address, headers });
    for (let i = 0; i < 3; i++) expect((await start(from)).status).toBe(200);
    expectLimited(await start(from), 60);
    expectLimited(await start(from, { 'x-forwarded-for': newAddress() }), 60);
    expect((await start(newAddress())).status).toBe(200);
  });

  it('sending messages: one visitor is limited over REST and the socket alike, the visitor beside them is not', async () => {
    t.config.messagesPerMinute = 3;
    const workspace = await buildWorkspace(t);
    const from = newAddress();
    const [chatty, neighbour] = [await buildVisitor(t, workspace), await buildVisitor(t, workspace)];
    const send = (token: string) =>
      client(t, { visitorToken: token, from }).post('/api/v1/widget/messages', { clientId: newClientId(), body: 'hello?' });
    for (let i = 0; i < 3; i++) expect((await send(chatty.visitorToken)).status).toBe(201);
    expectLimited(await send(chatty.visitorToken), 60);
    const socket = await visitorSocket(t, chatty.visitorToken);
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'and again' });
    const refused = await socket.next('error', (f) => f.clientId === clientId);
    expect(refused.error.code).toBe('rate_limited');
    socket.close();
    // Same address, another person: not locked out.
    expect((await send(neighbour.visitorToken)).status).toBe(201);
  });

  it('leaving a message and booking a callback are limited per address, not per visitor alone', async () => {
    const workspace = await buildWorkspace(t);
    const from = newAddress();
    const { visitorToken, conversationId } = await buildConversation(t, workspace);
    const visitor = client(t, { visitorToken, from });
    const leave = () => visitor.post('/api/v1/widget/leave-message', { conversationId, email: 'me@example.com' });
    const left = await Promise.all(Array.from({ length: 21 }, leave));
    expect(left.filter((r) => r.status === 200)).toHaveLength(20);
    expectLimited(left.find((r) => r.status === 429)!, 60);
    const book = () =>
      visitor.post('/api/v1/widget/callback', {
        conversationId,
        phone: '+254712345678',
        windowStart: '2030-01-01T09:00:00Z',
        windowEnd: '2030-01-01T09:30:00Z',
      });
    const booked = await Promise.all(Array.from({ length: 21 }, book));
    expect(booked.filter((r) => r.status === 429)).toHaveLength(1);
    expect(booked.every((r) => r.status < 500)).toBe(true);
    expect(
      (
        await client(t, { visitorToken, from: newAddress() }).post('/api/v1/widget/leave-message', {
          conversationId,
          email: 'me@example.com',
        })
      ).status,
    ).toBe(200);
  });
});

describe(`no account enumeration (${backend})`, () => {
  it('signing in with an unknown email is answered exactly as a wrong password, and takes as long', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace);
    const from = newAddress();
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await signInFrom(from, email, 'not the password');
      return { res, ms: performance.now() - started };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      const a = await timed(amina.email);
      const b = await timed(`nobody-${randomUUID()}@example.com`);
      expect(b.res.status).toBe(a.res.status);
      expect(b.res.body).toEqual(a.res.body);
      expect(b.res.headers.get('set-cookie')).toBeNull();
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // Without the decoy hash an unknown email answers many times faster than checking a real password.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});

describe(`one visitor, one conversation (${backend})`, () => {
  it('50 concurrent first messages from one visitor open exactly one conversation holding all 50', async () => {
    const workspace = await buildWorkspace(t);
    const visitor = await buildVisitor(t, workspace);
    const from = newAddress();
    const sends = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client(t, { visitorToken: visitor.visitorToken, from }).post('/api/v1/widget/messages', {
          clientId: newClientId(),
          body: `message ${i}`,
        }),
      ),
    );
    expect(sends.map((r) => r.status)).toEqual(Array(50).fill(201));
    const conversations = new Set(sends.map((r) => r.body.entry.conversationId));
    expect(conversations.size).toBe(1);
    const rows = await t.db.query<{ n: string }>(
      `select count(*)::text as n from conversations where workspace_id = $1 and status <> 'resolved'`,
      [workspace.id],
    );
    expect(rows[0]!.n).toBe('1');
    const session = await request(
      t,
      'POST',
      '/api/v1/widget/session',
      {
        workspaceKey: workspace.key,
        visitorToken: visitor.visitorToken,
      },
      { from },
    );
    expect(session.body.entries.filter((e: { kind: string }) => e.kind === 'message')).toHaveLength(50);
  });
});

describe(`headers a client may forge change nothing (${backend})`, () => {
  it('X-Forwarded-Host and Host do not move the links Warmline writes; X-Remote-User signs nobody in', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const invite = await client(t, admin).post(
      '/api/v1/agents/invitations',
      { email: `new-${randomUUID()}@example.com` },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' },
    );
    expect(invite.status).toBe(201);
    expect(invite.body.invitation.url.startsWith(`${t.config.publicUrl}/app/invite/`)).toBe(true);
    const forged: Array<Record<string, string>> = [
      { 'x-remote-user': admin.session.agent.email },
      { 'x-forwarded-user': admin.session.agent.email, 'remote-user': admin.session.agent.email },
      { authorization: `Basic ${Buffer.from(`${admin.session.agent.email}:${PASSWORD}`).toString('base64')}` },
    ];
    for (const headers of forged) {
      const res = await request(t, 'GET', '/api/v1/auth/session', undefined, { headers });
      expect(res.status).toBe(401);
    }
  });

  it('the session cookie is Secure when Warmline is served over https, and a proxy header cannot make it so over http', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await buildAgent(t, workspace);
    const cookieOf = (res: Reply) => res.headers.get('set-cookie') ?? '';
    const overHttp = await signInFrom(newAddress(), agent.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(cookieOf(overHttp)).toMatch(/HttpOnly/);
    expect(cookieOf(overHttp)).not.toMatch(/;\s*Secure/i);
    t.config.publicUrl = 'https://help.example.com';
    const overHttps = await signInFrom(newAddress(), agent.email, PASSWORD);
    expect(overHttps.status).toBe(200);
    expect(cookieOf(overHttps)).toMatch(/;\s*Secure/i);
    expect(cookieOf(overHttps)).toMatch(/;\s*SameSite=Lax/i);
    expect(cookieOf(overHttps)).toMatch(/;\s*HttpOnly/i);
  });
});
