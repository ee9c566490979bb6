import { beforeAll, describe, expect, it } from 'vitest';
import { client, newAddress, request } from '../../testing/factories.ts';
import { closedWithin, openSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { customerOf, say, shop, userHash, useServer, widgetSession } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

/** A shop whose website has a signed-in member, Wanjiru, who has written before. */
async function memberWhoWrote() {
  const s = await shop();
  const wanjiru = { userId: 'member-7', userHash: await userHash(s.admin, 'member-7'), name: 'Wanjiru Kamau' };
  const first = await widgetSession(s.workspace.key, { user: wanjiru });
  expect(first.status).toBe(200);
  const conversationId = await say(first.body.visitorToken, 'My loyalty card number is 5566');
  return { ...s, wanjiru, token: first.body.visitorToken as string, conversationId };
}

describe(`who a visitor is (${backend})`, () => {
  it('a missing, empty, wrong or wrong-length HMAC is refused and links to nobody', async () => {
    const s = await memberWhoWrote();
    const right = s.wanjiru.userHash;
    const attempts: Array<[string, unknown, number]> = [
      ['no hash', { userId: 'member-7' }, 400],
      ['an empty hash', { userId: 'member-7', userHash: '' }, 400],
      ['a blank hash', { userId: 'member-7', userHash: '   ' }, 400],
      ['the hash of someone else', { userId: 'member-7', userHash: await userHash(s.admin, 'member-8') }, 401],
      ['a hash one character short', { userId: 'member-7', userHash: right.slice(0, -1) }, 401],
      ['a hash one character long', { userId: 'member-7', userHash: `${right}0` }, 401],
      ['a hash of the right length in other letters', { userId: 'member-7', userHash: 'z'.repeat(right.length) }, 401],
    ];
    for (const [what, user, status] of attempts) {
      const res = await widgetSession(s.workspace.key, { user, visitorToken: undefined });
      expect(res.status, what).toBe(status);
      expect(JSON.stringify(res.body), what).not.toContain('5566');
      expect(res.body.visitorToken, what).toBeUndefined();
    }
    // With the right hash it is her, history and all: the refusals above were about the hash.
    const proven = await widgetSession(s.workspace.key, { user: s.wanjiru });
    expect(proven.body.entries.map((e: { body: string }) => e.body)).toContain('My loyalty card number is 5566');
  });

  it("a visitor who only claims a member's email sees nothing of the member", async () => {
    const s = await memberWhoWrote();
    await client(t, s.admin).post(`/api/v1/customers/${await customerOf(s.admin, s.conversationId)}/identities`, {
      kind: 'email',
      value: 'wanjiru@example.com',
    });
    const claimant = await widgetSession(s.workspace.key, {
      user: { userId: 'someone-else', userHash: 'f'.repeat(64), email: 'wanjiru@example.com', name: 'Wanjiru Kamau' },
    });
    expect(claimant.status).toBe(401);
    const anonymous = await widgetSession(s.workspace.key);
    const left = await client(t, { visitorToken: anonymous.body.visitorToken }).post('/api/v1/widget/leave-message', {
      conversationId: await say(anonymous.body.visitorToken, 'hi, it is me'),
      email: 'wanjiru@example.com',
    });
    expect(left.status).toBe(200);
    const again = await widgetSession(s.workspace.key, { visitorToken: anonymous.body.visitorToken });
    expect(JSON.stringify(again.body)).not.toContain('5566');
    expect(again.body.entries.map((e: { body: string }) => e.body)).toEqual(['hi, it is me']);
  });

  it('a browser that changes hands sees none of the previous history: another member, or nobody signed in', async () => {
    const s = await memberWhoWrote();
    const otieno = { userId: 'member-8', userHash: await userHash(s.admin, 'member-8'), name: 'Otieno' };
    const next = await widgetSession(s.workspace.key, { user: otieno, visitorToken: s.token });
    expect(next.status).toBe(200);
    expect(next.body.visitorToken).not.toBe(s.token);
    expect(next.body.entries).toEqual([]);
    expect(next.body.conversation).toBeNull();

    // Wanjiru signed out of the website; the widget still holds her token. Whoever is at the browser starts afresh.
    const signedOut = await widgetSession(s.workspace.key, { visitorToken: s.token });
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.visitorToken).not.toBe(s.token);
    expect(JSON.stringify(signedOut.body)).not.toContain('5566');
    expect(signedOut.body.conversation).toBeNull();

    // Signed in again, she has her story back; an anonymous visitor's own token still resumes theirs.
    const back = await widgetSession(s.workspace.key, { user: s.wanjiru, visitorToken: signedOut.body.visitorToken });
    expect(back.body.entries.map((e: { body: string }) => e.body)).toContain('My loyalty card number is 5566');
    const anonymous = await widgetSession(s.workspace.key);
    await say(anonymous.body.visitorToken, 'anonymous question');
    const resumed = await widgetSession(s.workspace.key, { visitorToken: anonymous.body.visitorToken });
    expect(resumed.body.visitorToken).toBe(anonymous.body.visitorToken);
    expect(resumed.body.entries.map((e: { body: string }) => e.body)).toEqual(['anonymous question']);
  });

  it('tokens that are empty, null, arrays, objects, numbers or huge are a 400 naming the field, never a 500', async () => {
    const s = await shop();
    for (const visitorToken of ['', null, [], ['v1.a.b'], {}, { token: 'v1.a.b' }, 42, true, 'x'.repeat(501)]) {
      const res = await widgetSession(s.workspace.key, { visitorToken });
      expect(res.status, JSON.stringify(visitorToken).slice(0, 40)).toBe(400);
      expect(res.body.error.message).toMatch(/^(body\.visitorToken: |visitorToken )/);
    }
    for (const user of [null, [], 'member-7', { userId: ['member-7'], userHash: 'x' }, { userId: 'member-7', userHash: {} }]) {
      const res = await widgetSession(s.workspace.key, { user });
      expect(res.status, JSON.stringify(user)).toBe(400);
      expect(res.body.error.message).toMatch(/^(body\.user|user)/);
    }
    for (const workspaceKey of [null, [], {}, '', 'k'.repeat(10_000)]) {
      const res = await request(t, 'POST', '/api/v1/widget/session', { workspaceKey }, { from: newAddress() });
      expect(res.status, JSON.stringify(workspaceKey).slice(0, 40)).toBe(400);
    }
  });

  it('a bearer token that is empty, malformed, forged or huge is a 401, and a socket with one closes as unauthenticated', async () => {
    const s = await shop();
    const good = (await widgetSession(s.workspace.key)).body.visitorToken as string;
    const [version, payload] = good.split('.');
    for (const header of [
      'Bearer ',
      'Bearer null',
      'Bearer [object Object]',
      'Bearer v1..',
      `Bearer ${version}.${payload}.forged`,
      `Bearer ${'x'.repeat(8000)}`,
      'Basic dXNlcjpwYXNz',
      good,
    ]) {
      const res = await request(t, 'GET', '/api/v1/widget/wait', undefined, { headers: { authorization: header } });
      expect(res.status, header.slice(0, 40)).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    for (const query of ['token=', 'token=null', 'token=a&token=b', `token=${'x'.repeat(8000)}`, 'token[]=v1.a.b']) {
      expect((await closedWithin(openSocket(t, `/ws/visitor?${query}`))).code, query.slice(0, 40)).toBe(4401);
    }
  });
});
