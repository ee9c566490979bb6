import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let admin: Signed;

beforeAll(async () => {
  t = await testServer();
  workspace = await buildWorkspace(t);
  admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
});

async function accountsWith(email: string): Promise<number> {
  const [row] = await t.db.query<{ n: string }>('select count(*)::text as n from agents where lower(email) = lower($1)', [email]);
  return Number(row!.n);
}

/** An answer with the values that differ from one invitation to the next (ids, links, times, the email) blanked out. */
function shapeOf(res: { status: number; body: unknown }) {
  return JSON.parse(JSON.stringify({ status: res.status, body: res.body }), (key, value) =>
    ['id', 'url', 'expiresAt', 'email'].includes(key) ? typeof value : value,
  );
}

describe(`an invitation does not tell whether an email has an account (${backend})`, () => {
  it('inviting an email that has an account, here or in another workspace, answers as for a new email, and no second account is made', async () => {
    const here = await buildAgent(t, workspace);
    const elsewhere = await buildAgent(t, await buildWorkspace(t));
    const invite = (email: string) => client(t, admin).post('/api/v1/agents/invitations', { email, role: 'agent' });
    const fresh = await invite(`new-${newClientId()}@example.com`);
    expect(fresh.status).toBe(201);
    for (const email of [here.email, elsewhere.email, elsewhere.email.toUpperCase()]) {
      const res = await invite(email);
      expect(shapeOf(res)).toEqual(shapeOf(fresh));
      expect(res.body.invitation.email).toBe(email);
    }

    // The link works as any other, but accepting it with the taken email makes no second account.
    const res = await invite(elsewhere.email);
    const token = new URL(res.body.invitation.url).pathname.split('/').at(-1)!;
    const accepted = await client(t).post('/api/v1/auth/accept-invitation', {
      token,
      displayName: 'Someone else',
      email: elsewhere.email,
      password: 'a long enough password',
    });
    expect(accepted.status).toBe(409);
    expect(await accountsWith(elsewhere.email)).toBe(1);
    expect((await signIn(t, elsewhere)).session.agent.id).toBe(elsewhere.id);
  });
});

describe(`/metrics is only for the operator's scraper (${backend})`, () => {
  const metrics = (opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    t.http.app.inject({ method: 'GET', url: '/metrics', remoteAddress: opts.remoteAddress, headers: opts.headers });

  it('without a metrics token: this machine gets metrics, another address and anything nginx forwards get 403', async () => {
    const local = await metrics();
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('warmline_');
    for (const refused of [
      await metrics({ remoteAddress: '203.0.113.7' }),
      await metrics({ remoteAddress: '2001:db8::7' }),
      await metrics({ headers: { 'x-forwarded-for': '203.0.113.7' } }),
      await metrics({ headers: { 'x-forwarded-for': '127.0.0.1' } }),
      await metrics({ headers: { forwarded: 'for=198.51.100.4' } }),
      await metrics({ headers: { 'x-real-ip': '198.51.100.4' } }),
    ]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain('warmline_');
      expect(refused.json().error).toEqual({ code: 'forbidden', message: expect.stringMatching(/WARMLINE_METRICS_TOKEN/) });
    }
  });

  it('with a metrics token: only a request bearing it gets metrics, from any address', async () => {
    const token = 'scrape-me-9f1c2b7e4d6a';
    t.config.metricsToken = token;
    try {
      for (const refused of [
        await metrics(),
        await metrics({ headers: { authorization: 'Bearer not-the-token-at-all' } }),
        await metrics({ headers: { authorization: `Bearer ${token}x` } }),
        await metrics({ headers: { authorization: 'Bearer ünïcödé-not-the-token' } }),
        await metrics({ headers: { authorization: token } }),
      ]) {
        expect(refused.statusCode).toBe(401);
        expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(refused.body).not.toContain('warmline_');
      }
      const remote = await metrics({ remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${token}` } });
      expect(remote.statusCode).toBe(200);
      expect(remote.body).toContain('warmline_http_request_duration_seconds');
    } finally {
      t.config.metricsToken = undefined;
    }
  });

  it("the deployment guide's nginx configuration answers /metrics itself instead of forwarding it", () => {
    const guide = fs.readFileSync(path.join(import.meta.dirname, '../../../../../docs/deploy/nginx.conf'), 'utf8');
    expect(guide).toMatch(/location \/metrics \{\s*return 404;\s*\}/);
  });
});

describe(`a request body over the limit says what the limit is (${backend})`, () => {
  it('a 1.1 MB message answers 413 naming the 1 MiB limit, and nothing is stored', async () => {
    const { visitorToken, conversationId } = await buildConversation(t, workspace);
    const res = await client(t, { visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'x'.repeat(1_100_000),
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'payload_too_large', message: 'The request body is over the 1 MiB limit.' } });
    const entries = await client(t, admin).get(`/api/v1/conversations/${conversationId}/entries`);
    expect(entries.body.entries.every((e: { body: string | null }) => (e.body ?? '').length < 1000)).toBe(true);
  });
});
