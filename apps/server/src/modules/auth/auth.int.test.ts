import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { RateLimited } from '../../core/errors.ts';
import { memoryRateLimiter, redisRateLimiter } from '../../core/http/rateLimit.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  PASSWORD,
  signIn,
} from '../../testing/factories.ts';
import { openSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

const signInWith = (body: unknown, from = newAddress()) => client(t, { from }).post('/api/v1/auth/sign-in', body);

describe(`signing in and sessions (${backend})`, () => {
  it('a wrong password and an unknown email are answered exactly alike', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await buildAgent(t, workspace);
    const wrongPassword = await signInWith({ email: agent.email, password: 'not the password' });
    const unknownEmail = await signInWith({ email: `nobody-${randomUUID()}@example.com`, password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error).toEqual({ code: 'unauthenticated', message: 'Email or password is incorrect.' });
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect(unknownEmail.headers.get('set-cookie')).toBeNull();
  });

  it('a password is kept only as an argon2id hash', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await buildAgent(t, workspace);
    const [row] = await t.db.query<{ hash: string }>('select password_hash as hash from agents where id = $1', [agent.id]);
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row!.hash).not.toContain(PASSWORD);
  });

  it('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await buildAgent(t, workspace);
    const res = await signInWith({ email: agent.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wl_session=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(cookie).not.toContain(res.body.csrfToken);
  });

  it('a cookie-authenticated write needs the right X-CSRF-Token and our own Origin', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace));
    const { conversationId } = await buildConversation(t, workspace);
    const note = () => ({ clientId: newClientId(), body: 'internal' });
    const url = `/api/v1/conversations/${conversationId}/notes`;
    const cookieOnly = client(t, { cookie: signed.cookie });

    const missing = await cookieOnly.post(url, note());
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('forbidden');
    expect(missing.body.error.message).toMatch(/X-CSRF-Token/);
    const wrong = await cookieOnly.post(url, note(), { 'x-csrf-token': `${signed.csrfToken.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    const otherSessions = await signIn(t, await buildAgent(t, workspace));
    const someoneElses = await cookieOnly.post(url, note(), { 'x-csrf-token': otherSessions.csrfToken });
    expect(someoneElses.status).toBe(403);
    const presence = await cookieOnly.put('/api/v1/agents/me/presence', { presence: 'available' });
    expect(presence.status).toBe(403);

    const crossSite = await client(t, signed).post(url, note(), { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.message).toMatch(/evil\.example/);
    const crossSiteSignIn = await client(t, { from: newAddress() }).post(
      '/api/v1/auth/sign-in',
      { email: signed.session.agent.email, password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(crossSiteSignIn.status).toBe(403);

    const entries = await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries`);
    expect(entries.body.entries.filter((e: { kind: string }) => e.kind === 'note')).toEqual([]);

    const right = await client(t, signed).post(url, note(), { origin: new URL(t.url).origin });
    expect(right.status).toBe(201);
  });

  it('signing out ends the session: the cookie no longer works over REST or WebSocket', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace));
    const agent = client(t, signed);
    expect((await agent.get('/api/v1/auth/session')).status).toBe(200);
    const out = await agent.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/wl_session=;/);
    const after = await agent.get('/api/v1/auth/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
    expect((await agent.put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(401);
    const socket = openSocket(t, '/ws/agent', { cookie: signed.cookie });
    expect((await socket.closed).code).toBe(4401);
  });

  it('every agent route answers 401 without a session', async () => {
    const { conversationId } = await buildConversation(t, await buildWorkspace(t));
    const anonymous = client(t);
    const gets = [
      '/api/v1/auth/session',
      '/api/v1/agents',
      '/api/v1/conversations',
      '/api/v1/conversations/counts',
      `/api/v1/conversations/${conversationId}`,
      `/api/v1/conversations/${conversationId}/entries`,
    ];
    for (const url of gets) {
      const res = await anonymous.get(url);
      expect({ url, status: res.status, code: res.body.error.code }).toEqual({ url, status: 401, code: 'unauthenticated' });
    }
    const forged = client(t, { cookie: 'wl_session=forged', csrfToken: 'forged' });
    const writes = await Promise.all([
      forged.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: newClientId(), body: 'hi' }),
      forged.post('/api/v1/agents/invitations', { email: 'x@example.com' }),
      forged.put('/api/v1/agents/me/presence', { presence: 'available' }),
      forged.patch('/api/v1/agents/me', { displayName: 'x' }),
      forged.get('/api/v1/agents'),
    ]);
    for (const res of writes) expect(res.status).toBe(401);
  });
});

describe(`invitations (${backend})`, () => {
  it('an admin invites a colleague, whose link works once, and who can then sign in', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada' }));
    const email = `new-${randomUUID()}@example.com`;
    const invite = await client(t, admin).post('/api/v1/agents/invitations', { email, role: 'agent' });
    expect(invite.status).toBe(201);
    expect(invite.body.invitation).toMatchObject({ email, role: 'agent', url: expect.stringContaining('/app/invite/') });
    const token = new URL(invite.body.invitation.url).pathname.split('/').at(-1)!;

    const from = newAddress();
    const visitor = client(t, { from });
    const preview = await visitor.get(`/api/v1/auth/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ workspaceName: workspace.name, role: 'agent', email, firstAdmin: false });

    const short = await visitor.post('/api/v1/auth/accept-invitation', { token, displayName: 'Noor', email, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid');
    expect(short.body.error.message).toMatch(/password must be at least 10 characters/);

    const password = 'a long enough passphrase';
    const accepted = await visitor.post('/api/v1/auth/accept-invitation', { token, displayName: 'Noor', email, password });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace.id).toBe(workspace.id);
    expect(accepted.body.agent).toMatchObject({ displayName: 'Noor', email, role: 'agent' });
    expect(accepted.headers.get('set-cookie')).toMatch(/^wl_session=/);

    const again = await visitor.post('/api/v1/auth/accept-invitation', {
      token,
      displayName: 'Mallory',
      email: `m-${randomUUID()}@example.com`,
      password,
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
    expect((await visitor.get(`/api/v1/auth/invitations/${token}`)).status).toBe(404);

    const noor = await signIn(t, { email, password });
    expect(noor.session.agent.displayName).toBe('Noor');
    const team = await client(t, admin).get('/api/v1/agents');
    expect(team.body.agents.map((a: { displayName: string }) => a.displayName)).toEqual(['Ada', 'Noor']);
  });

  it('only admins can invite people (403 for an agent)', async () => {
    const workspace = await buildWorkspace(t);
    for (const role of ['agent', 'supervisor'] as const) {
      const signed = await signIn(t, await buildAgent(t, workspace, { role }));
      const res = await client(t, signed).post('/api/v1/agents/invitations', { email: `x-${randomUUID()}@example.com` });
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'forbidden', message: 'Only admins can invite people.' });
    }
  });
});

describe(`rate limits (${backend})`, () => {
  it('the invitation preview allows 60 lookups a minute per IP, then answers 429 with Retry-After', async () => {
    const from = newAddress();
    const guesses = await Promise.all(
      Array.from({ length: 61 }, () => client(t, { from }).get(`/api/v1/auth/invitations/${randomUUID()}`)),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(60);
    const limited = guesses.find((r) => r.status === 429)!;
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/Try again in \d+ seconds/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The limit is per address: someone else is not locked out.
    expect((await client(t, { from: newAddress() }).get(`/api/v1/auth/invitations/${randomUUID()}`)).status).toBe(404);
  });

  it('the sign-in limiter refuses the attempt after the limit with the seconds left in the window, and forgets after it', async () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter(() => now);
    const key = 'sign-in:203.0.113.7:amina@example.com';
    for (let i = 0; i < 10; i++) await limiter.hit(key, 10, 15 * 60);
    now += 60_000;
    const refused = await limiter.hit(key, 10, 15 * 60).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).status).toBe(429);
    expect((refused as RateLimited).retryAfterSeconds).toBe(14 * 60);
    // Another email from the same address has its own window.
    await expect(limiter.hit('sign-in:203.0.113.7:bo@example.com', 10, 15 * 60)).resolves.toBeUndefined();
    now += 14 * 60_000;
    await expect(limiter.hit(key, 10, 15 * 60)).resolves.toBeUndefined();
  });

  const limiterInUse = process.env.REDIS_URL ? 'Redis' : 'memory';
  it(`the limiter this server runs with (${limiterInUse}) refuses the 11th of 10 attempts with Retry-After seconds`, async () => {
    const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : null;
    try {
      const limiter = redis ? redisRateLimiter(redis) : memoryRateLimiter();
      const key = `sign-in:203.0.113.7:${randomUUID()}@example.com`;
      for (let i = 0; i < 10; i++) await limiter.hit(key, 10, 15 * 60);
      const refused = await limiter.hit(key, 10, 15 * 60).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(RateLimited);
      expect((refused as RateLimited).retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect((refused as RateLimited).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    } finally {
      redis?.disconnect();
    }
  });
});
