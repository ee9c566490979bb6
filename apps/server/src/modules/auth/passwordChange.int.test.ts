import { CloseCode } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  PASSWORD,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, type TestSocket } from '../../testing/socket.ts';
import { backend, layouts, nodesOf, type TestServer } from '../../testing/testServer.ts';

/**
 * Changing a password ends every other session of that agent. With PostgreSQL and Redis each case also runs across
 * two nodes: the change is made through node a, the other sessions' sockets are open on node b.
 */
const NEW_PASSWORD = 'a brand new passphrase';

describe.each(layouts)(`changing my password (%s, ${backend})`, (layout) => {
  let a: TestServer;
  let b: TestServer;
  nodesOf(layout, (nodes) => {
    ({ a, b } = nodes);
  });

  /** One agent signed in twice, on their laptop and their phone, both through node a. */
  async function agentOnTwoDevices() {
    const workspace = await buildWorkspace(a);
    const record = await buildAgent(a, workspace);
    const [laptop, phone] = [await signIn(a, record), await signIn(a, record)];
    return { workspace, record, laptop, phone };
  }

  const change = (node: TestServer, signed: Signed, body: unknown) => client(node, signed).post('/api/v1/auth/password', body);
  const signInStatus = async (node: TestServer, email: string, password: string) =>
    (await client(node, { from: newAddress() }).post('/api/v1/auth/sign-in', { email, password })).status;
  const sessionStatus = async (node: TestServer, signed: Signed) =>
    (await client(node, signed).get('/api/v1/auth/session')).status;

  /** Writes an internal note through the socket; resolves once the server has acknowledged it. */
  async function noteThrough(socket: TestSocket, conversationId: string, body: string) {
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, conversationId, body, note: true });
    await socket.next('ack', (f) => f.clientId === clientId);
  }

  it('afterwards the new password signs in and the old one no longer does', async () => {
    const { record, laptop } = await agentOnTwoDevices();

    const changed = await change(a, laptop, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(changed.status).toBe(204);
    expect(await signInStatus(b, record.email, NEW_PASSWORD)).toBe(200);
    expect(await signInStatus(b, record.email, PASSWORD)).toBe(401);
  });

  it("ends the agent's other session over REST and closes its open socket; the session that changed it keeps working", async () => {
    const { workspace, record, laptop, phone } = await agentOnTwoDevices();
    const colleague = await signIn(a, await buildAgent(a, workspace));
    const [laptopSocket, phoneSocket, colleagueSocket] = [
      await agentSocket(b, laptop),
      await agentSocket(b, phone),
      await agentSocket(b, colleague),
    ];

    expect((await change(a, laptop, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);

    expect((await phoneSocket.closed).code).toBe(CloseCode.unauthenticated);
    expect(await sessionStatus(a, phone)).toBe(401);
    expect(await sessionStatus(b, phone)).toBe(401);
    expect((await client(a, phone).put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(401);

    const me = await client(a, laptop).get('/api/v1/auth/session');
    expect(me.status).toBe(200);
    expect(me.body.agent.id).toBe(record.id);
    expect((await client(b, laptop).put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(200);
    const customer = await buildConversation(a, workspace, 'Where is my parcel?');
    await laptopSocket.next('entry', (f) => f.entry.conversationId === customer.conversationId);
    await noteThrough(laptopSocket, customer.conversationId, 'Checked with the courier');
    const entries = await client(a, laptop).get(`/api/v1/conversations/${customer.conversationId}/entries`);
    expect(entries.body.entries.map((e: { body: string }) => e.body)).toContain('Checked with the courier');
    expect(laptopSocket.ws.readyState).toBe(laptopSocket.ws.OPEN);

    await colleagueSocket.sync();
    expect(colleagueSocket.ws.readyState).toBe(colleagueSocket.ws.OPEN);
    expect(await sessionStatus(a, colleague)).toBe(200);
    laptopSocket.close();
    colleagueSocket.close();
  });

  it('a wrong current password changes nothing and signs nobody out', async () => {
    const { workspace, record, laptop, phone } = await agentOnTwoDevices();
    const phoneSocket = await agentSocket(b, phone);

    const wrong = await change(a, laptop, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });

    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid', message: 'currentPassword: that is not your current password.' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await signInStatus(b, record.email, PASSWORD)).toBe(200);
    expect(await signInStatus(b, record.email, NEW_PASSWORD)).toBe(401);
    expect(await sessionStatus(a, laptop)).toBe(200);
    expect(await sessionStatus(a, phone)).toBe(200);
    const customer = await buildConversation(a, workspace, 'Still there?');
    await noteThrough(phoneSocket, customer.conversationId, 'Yes, still here');
    expect(phoneSocket.ws.readyState).toBe(phoneSocket.ws.OPEN);
    phoneSocket.close();
  });

  it('a new password that breaks the rule is a 400 naming the field, and nothing changes', async () => {
    const { record, laptop, phone } = await agentOnTwoDevices();

    const short = await change(a, laptop, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid');
    expect(short.body.error.message).toBe('body.newPassword: password must be at least 10 characters');

    const same = await change(a, laptop, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.error.code).toBe('invalid');
    expect(same.body.error.message).toMatch(/^newPassword: /);

    const missing = await change(a, laptop, { newPassword: NEW_PASSWORD });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^body\.currentPassword: /);

    expect(await signInStatus(b, record.email, PASSWORD)).toBe(200);
    expect(await sessionStatus(a, phone)).toBe(200);
  });

  it('without the X-CSRF-Token header the change is refused and nothing changes', async () => {
    const { record, laptop, phone } = await agentOnTwoDevices();

    const forged = await client(a, { cookie: laptop.cookie }).post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/X-CSRF-Token/);
    expect(await signInStatus(b, record.email, NEW_PASSWORD)).toBe(401);
    expect(await sessionStatus(a, phone)).toBe(200);
  });

  it('guessing the current password is limited per agent as sign-in is: past the limit even the right one is refused (429)', async () => {
    const { record, laptop, phone } = await agentOnTwoDevices();
    const limit = a.config.signInLimitPer15Min;
    a.config.signInLimitPer15Min = 2;
    try {
      for (const guess of ['guess number one', 'guess number two']) {
        expect((await change(a, laptop, { currentPassword: guess, newPassword: NEW_PASSWORD })).status).toBe(400);
      }
      const limited = await change(a, laptop, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The limit is the agent's, whichever session asks.
      expect((await change(a, phone, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(429);
    } finally {
      a.config.signInLimitPer15Min = limit;
    }
    expect(await signInStatus(b, record.email, PASSWORD)).toBe(200);
    expect(await sessionStatus(a, phone)).toBe(200);
  });
});
