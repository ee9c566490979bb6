import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildVisitor,
  buildWorkspace,
  client,
  newClientId,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, openSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { signVisitorToken } from '../auth/index.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** The claims inside a real visitor token (`v1.<claims>.<mac>`). */
function claimsOf(token: string): { w: string; c: string; i: number } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe(`visitor tokens and origins (${backend})`, () => {
  it('a forged or expired visitor token is refused: 401 on REST and close 4401 on the socket', async () => {
    const workspace = await buildWorkspace(t);
    const victim = await buildConversation(t, workspace);
    const attacker = await buildVisitor(t, workspace);
    const [version, , signature] = attacker.visitorToken.split('.');
    const victimClaims = claimsOf(victim.visitorToken);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const forged = {
      // The attacker's signature on a payload naming the victim.
      'a tampered payload': `${version}.${Buffer.from(JSON.stringify(victimClaims)).toString('base64url')}.${signature}`,
      'a wrong signature': signVisitorToken(
        { workspaceId: victimClaims.w, customerId: victimClaims.c, iat: nowSeconds },
        'not-the-server-secret-0123456789abcdef',
      ),
      garbage: 'garbage',
      'a truncated token': victim.visitorToken.slice(0, -3),
      'an expired token': signVisitorToken(
        { workspaceId: victimClaims.w, customerId: victimClaims.c, iat: nowSeconds - 181 * 86_400 },
        t.secretKey,
      ),
    };
    for (const [what, token] of Object.entries(forged)) {
      const visitor = client(t, { visitorToken: token });
      const replies = await Promise.all([
        visitor.post('/api/v1/widget/messages', { clientId: newClientId(), body: 'let me in' }),
        visitor.get(`/api/v1/widget/conversations/${victim.conversationId}/entries`),
        visitor.get('/api/v1/widget/wait'),
        visitor.post('/api/v1/widget/leave-message', { conversationId: victim.conversationId, email: 'x@example.com' }),
        client(t).post('/api/v1/widget/session', { workspaceKey: workspace.key, visitorToken: token }),
      ]);
      for (const res of replies) {
        expect({ what, status: res.status, code: res.body.error?.code }).toEqual({ what, status: 401, code: 'unauthenticated' });
      }
      const socket = openSocket(t, `/ws/visitor?token=${encodeURIComponent(token)}`);
      expect({ what, ...(await socket.closed) }).toMatchObject({ what, code: 4401 });
      expect(socket.frames).toEqual([]);
    }
    // The real token still works, and nothing was written to the victim's conversation.
    const entries = await client(t, { visitorToken: victim.visitorToken }).get(
      `/api/v1/widget/conversations/${victim.conversationId}/entries`,
    );
    expect(entries.status).toBe(200);
    expect(entries.body.entries.map((e: { body: string }) => e.body)).toEqual([victim.entry.body]);
  });

  it('a visitor socket without a token is closed with 4401', async () => {
    const socket = openSocket(t, '/ws/visitor');
    expect((await socket.closed).code).toBe(4401);
  });

  it('an agent socket without a session is closed with 4401', async () => {
    const socket = openSocket(t, '/ws/agent', { cookie: 'wl_session=not-a-session' });
    expect((await socket.closed).code).toBe(4401);
  });

  it('an agent socket opened from another site is closed with 4403, even with a valid session', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace));
    const socket = openSocket(t, '/ws/agent', { cookie: signed.cookie, origin: 'https://evil.example' });
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(socket.frames).toEqual([]);
    const own = openSocket(t, '/ws/agent', { cookie: signed.cookie, origin: new URL(t.url).origin });
    await own.next('ready');
    own.close();
  });

  it("the widget socket only opens from the workspace's allowed origins", async () => {
    const workspace = await buildWorkspace(t, { allowedOrigins: ['https://shop.example'] });
    const visitor = await buildVisitor(t, workspace);
    const path = `/ws/visitor?token=${encodeURIComponent(visitor.visitorToken)}`;
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example']) {
      const refused = openSocket(t, path, { origin });
      expect({ origin, code: (await refused.closed).code }).toEqual({ origin, code: 4403 });
      expect(refused.frames).toEqual([]);
    }
    const allowed = await visitorSocket(t, visitor.visitorToken, { origin: 'https://shop.example' });
    expect(allowed.frames[0]).toEqual({ type: 'ready', role: 'visitor' });
    allowed.close();
  });

  it('a frame that is not JSON or not a known frame gets an error frame, and the socket stays usable', async () => {
    const workspace = await buildWorkspace(t);
    const visitor = await buildVisitor(t, workspace);
    const socket = await visitorSocket(t, visitor.visitorToken);
    const signed = await signIn(t, await buildAgent(t, workspace));
    const agent = await agentSocket(t, signed);
    for (const s of [socket, agent]) {
      for (const bad of ['not json at all', '{"type":"launch_rockets"}', '[1,2,3]', 'null', '42', '{"type":"typing"}']) {
        const before = s.frames.length;
        s.send(bad);
        const error = await s.next('error', (f) => s.frames.indexOf(f) >= before);
        expect(error.error.code).toBe('invalid');
        expect(error.error.message.length).toBeGreaterThan(0);
      }
      await s.sync();
      expect(s.ws.readyState).toBe(s.ws.OPEN);
    }
    // And it still carries messages.
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'still here' });
    const ack = await socket.next('ack', (f) => f.clientId === clientId);
    expect(ack.entry.body).toBe('still here');
    socket.close();
    agent.close();
  });
});

describe(`the message guarantee across reconnects (${backend})`, () => {
  it('an agent who was offline receives exactly the messages they missed, once and in order, then resumed', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { presence: 'available' }));
    const visitor = await buildConversation(t, workspace, 'First message');
    const first = await agentSocket(t, signed);
    const held = (await client(t, signed).get(`/api/v1/conversations/${visitor.conversationId}`)).body.conversation
      .lastSeq as number;
    first.close();
    await first.closed;

    const widget = await visitorSocket(t, visitor.visitorToken);
    const sent = [newClientId(), newClientId()];
    widget.send({ type: 'send', clientId: sent[0], body: 'Are you there?' });
    widget.send({ type: 'send', clientId: sent[1], body: 'My order is #4411' });
    const acks = await Promise.all(sent.map((id) => widget.next('ack', (f) => f.clientId === id)));
    expect(acks.map((a) => a.seq)).toEqual([held + 1, held + 2]);

    const second = await agentSocket(t, signed);
    second.send({ type: 'resume', conversations: { [visitor.conversationId]: held } });
    await second.next('resumed');
    await second.sync();
    const caughtUp = second.frames.filter((f) => f.type === 'entry' && f.entry.conversationId === visitor.conversationId);
    expect(caughtUp.map((f) => f.type === 'entry' && [f.entry.seq, f.entry.clientId, f.entry.body])).toEqual([
      [held + 1, sent[0], 'Are you there?'],
      [held + 2, sent[1], 'My order is #4411'],
    ]);
    const resumedAt = second.frames.findIndex((f) => f.type === 'resumed');
    expect(second.frames.findLastIndex((f) => f.type === 'entry')).toBeLessThan(resumedAt);
    widget.close();
    second.close();
  });

  it('a visitor who reconnects receives only what they missed, and never internal notes', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const visitor = await buildConversation(t, workspace, 'Hello');
    const first = await visitorSocket(t, visitor.visitorToken);
    const held = (
      await client(t, { visitorToken: visitor.visitorToken }).get(
        `/api/v1/widget/conversations/${visitor.conversationId}/entries`,
      )
    ).body.entries.at(-1).seq as number;
    first.close();
    await first.closed;

    const agent = client(t, signed);
    const post = (kind: 'messages' | 'notes', body: string) =>
      agent.post(`/api/v1/conversations/${visitor.conversationId}/${kind}`, { clientId: newClientId(), body });
    expect((await post('notes', 'Customer sounds upset, offer a refund')).status).toBe(201);
    expect((await post('messages', 'Hi, I am Amina. Let me look.')).status).toBe(201);
    expect((await post('notes', 'Refund approved by Sam')).status).toBe(201);
    expect((await post('messages', 'I have refunded your order.')).status).toBe(201);

    const second = await visitorSocket(t, visitor.visitorToken);
    second.send({ type: 'resume', conversations: { [visitor.conversationId]: held } });
    await second.next('resumed');
    await second.sync();
    const received = second.frames.flatMap((f) => (f.type === 'entry' ? [f.entry] : []));
    expect(received.every((e) => e.seq > held)).toBe(true);
    expect(received.some((e) => e.kind === 'note')).toBe(false);
    expect(received.filter((e) => e.kind === 'message').map((e) => e.body)).toEqual([
      'Hi, I am Amina. Let me look.',
      'I have refunded your order.',
    ]);
    expect(new Set(received.map((e) => e.seq)).size).toBe(received.length);
    expect(received.map((e) => e.seq)).toEqual([...received.map((e) => e.seq)].sort((a, b) => a - b));
    second.close();
  });
});
