import { CloseCode } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, closedWithin, openSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, layouts, nodesOf, type TestServer } from '../../testing/testServer.ts';

/**
 * Access that ends ends on every open socket at once. With PostgreSQL and Redis each case also runs across two
 * nodes: the change is made through node a, the socket is open on node b.
 */

/** The customer id inside a visitor token (`v1.<claims>.<mac>`). */
function customerOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).c;
}

describe.each(layouts)(`socket access (%s, ${backend})`, (layout) => {
  let a: TestServer;
  let b: TestServer;
  nodesOf(layout, (nodes) => {
    ({ a, b } = nodes);
  });

  it('a customer whose access was revoked loses their open widget sockets; other customers keep theirs', async () => {
    const workspace = await buildWorkspace(a);
    const revoked = await buildConversation(a, workspace);
    const other = await buildConversation(a, workspace);
    const tabs = [await visitorSocket(b, revoked.visitorToken), await visitorSocket(b, revoked.visitorToken)];
    const bystander = await visitorSocket(b, other.visitorToken);

    await a.bus.publish({
      type: 'customer.access_revoked',
      workspaceId: workspace.id,
      customerId: customerOf(revoked.visitorToken),
    });

    for (const tab of tabs) expect((await tab.closed).code).toBe(CloseCode.unauthenticated);
    await bystander.sync();
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.close();
  });

  /**
   * A shop with a restricted Payroll team: Ines is in it, Sam supervises the workspace and Otto is not in it. The
   * customer's conversation was moved into Payroll. Everyone signs in through node a.
   */
  async function restrictedShop() {
    const workspace = await buildWorkspace(a);
    const admin = await signIn(a, await buildAgent(a, workspace, { role: 'admin', displayName: 'Ada Admin' }));
    const supervisorRecord = await buildAgent(a, workspace, { role: 'supervisor', displayName: 'Sam Supervisor' });
    const supervisor = await signIn(a, supervisorRecord);
    const insiderRecord = await buildAgent(a, workspace, { displayName: 'Ines Insider' });
    const insider = await signIn(a, insiderRecord);
    const team = await buildTeam(a, workspace, { name: 'Payroll', members: [insiderRecord] });
    expect((await client(a, admin).patch(`/api/v1/teams/${team.id}`, { restricted: true })).status).toBe(200);
    const secret = await buildConversation(a, workspace, 'My salary advance is wrong');
    const moved = await client(a, admin).patch(`/api/v1/conversations/${secret.conversationId}`, { teamId: team.id });
    expect(moved.status).toBe(200);
    /** The customer writes again; resolves once `watcher` (who may see it) has received it. */
    const customerWrites = async (body: string, watcher: TestSocket) => {
      const sent = await client(a, { visitorToken: secret.visitorToken }).post('/api/v1/widget/messages', {
        clientId: newClientId(),
        body,
      });
      expect(sent.status).toBe(201);
      await watcher.next('entry', (f) => f.entry.body === body);
    };
    return { workspace, admin, supervisor, supervisorRecord, insider, insiderRecord, team, secret, customerWrites };
  }

  /** The bodies of the entries this socket has received. */
  const bodiesOn = (socket: TestSocket) => socket.frames.flatMap((f) => (f.type === 'entry' ? [f.entry.body] : []));

  it("after sign-out the session's socket is closed as unauthenticated; the agent's other session keeps its own", async () => {
    const workspace = await buildWorkspace(a);
    const record = await buildAgent(a, workspace);
    const [laptop, phone] = [await signIn(a, record), await signIn(a, record)];
    const [laptopSocket, phoneSocket] = [await agentSocket(b, laptop), await agentSocket(b, phone)];

    expect((await client(a, laptop).post('/api/v1/auth/sign-out')).status).toBe(204);

    expect((await closedWithin(laptopSocket)).code).toBe(CloseCode.unauthenticated);
    expect((await client(a, laptop).get('/api/v1/auth/session')).status).toBe(401);
    const newcomer = await buildConversation(a, workspace, 'Is anyone there?');
    await phoneSocket.next('entry', (f) => f.entry.conversationId === newcomer.conversationId);
    expect(bodiesOn(laptopSocket)).not.toContain('Is anyone there?');
    phoneSocket.close();
  });

  it('a socket whose session has ended cannot send a note, even when no sign-out reached its node', async () => {
    const workspace = await buildWorkspace(a);
    const admin = await signIn(a, await buildAgent(a, workspace, { role: 'admin' }));
    const leaver = await signIn(a, await buildAgent(a, workspace, { displayName: 'Lee Leaver' }));
    const customer = await buildConversation(a, workspace);
    const socket = await agentSocket(b, leaver);
    // The session ends in the database only, as when its announcement was lost on the way.
    await a.db.query('delete from sessions where workspace_id = $1 and agent_id = $2', [workspace.id, leaver.session.agent.id]);

    socket.send({
      type: 'send',
      clientId: newClientId(),
      conversationId: customer.conversationId,
      body: 'Refund approved, no questions asked',
      note: true,
    });

    expect((await closedWithin(socket)).code).toBe(CloseCode.unauthenticated);
    const entries = await client(a, admin).get(`/api/v1/conversations/${customer.conversationId}/entries`);
    expect(entries.status).toBe(200);
    expect(entries.body.entries.map((e: { body: string }) => e.body)).not.toContain('Refund approved, no questions asked');
  });

  it("a supervisor demoted to agent stops receiving a restricted team's messages on the socket already open", async () => {
    const shop = await restrictedShop();
    const [supervisorSocket, insiderSocket] = [await agentSocket(b, shop.supervisor), await agentSocket(b, shop.insider)];
    await shop.customerWrites('Before: the advance was halved', supervisorSocket);

    const demoted = await client(a, shop.admin).patch(`/api/v1/agents/${shop.supervisorRecord.id}`, { role: 'agent' });
    expect(demoted.status).toBe(200);

    expect((await client(a, shop.supervisor).get(`/api/v1/conversations/${shop.secret.conversationId}`)).status).toBe(404);
    await shop.customerWrites('After: my account number is 12345678', insiderSocket);
    await supervisorSocket.sync();
    expect(bodiesOn(supervisorSocket)).not.toContain('After: my account number is 12345678');
    expect(supervisorSocket.ws.readyState).toBe(supervisorSocket.ws.OPEN);
    supervisorSocket.close();
    insiderSocket.close();
  });

  it('an agent taken off a restricted team stops receiving its messages; one put on it starts', async () => {
    const shop = await restrictedShop();
    const newcomerRecord = await buildAgent(a, shop.workspace, { displayName: 'Nia Newcomer' });
    const newcomer: Signed = await signIn(a, newcomerRecord);
    const [insiderSocket, newcomerSocket, adminSocket] = [
      await agentSocket(b, shop.insider),
      await agentSocket(b, newcomer),
      await agentSocket(b, shop.admin),
    ];

    const members = await client(a, shop.admin).put(`/api/v1/teams/${shop.team.id}/members`, { agentIds: [newcomerRecord.id] });
    expect(members.status).toBe(200);

    await shop.customerWrites('Payslip for March attached', newcomerSocket);
    await adminSocket.next('entry', (f) => f.entry.body === 'Payslip for March attached');
    await insiderSocket.sync();
    expect(bodiesOn(insiderSocket)).not.toContain('Payslip for March attached');
    for (const s of [insiderSocket, newcomerSocket, adminSocket]) s.close();
  });

  it("admins list the websites that may embed the widget; its socket then opens only from those and the instance's own pages", async () => {
    const workspace = await buildWorkspace(a);
    const admin = await signIn(a, await buildAgent(a, workspace, { role: 'admin' }));
    const { visitorToken } = await buildConversation(a, workspace);
    const opens = async (origin: string) => {
      const socket = openSocket(b, `/ws/visitor?token=${encodeURIComponent(visitorToken)}`, { origin });
      const first = await Promise.race([socket.next('ready').then(() => 'ready' as const), socket.closed.then((c) => c.code)]);
      socket.close();
      return first;
    };

    const listed = await client(a, admin).patch('/api/v1/workspace', {
      allowedOrigins: ['https://Shop.Example/', 'https://shop.example:8443', 'https://shop.example'],
    });
    expect(listed.status).toBe(200);
    expect(listed.body.workspace.allowedOrigins).toEqual(['https://shop.example', 'https://shop.example:8443']);

    expect(await opens('https://shop.example')).toBe('ready');
    expect(await opens('https://shop.example:8443')).toBe('ready');
    expect(await opens(new URL(b.url).origin)).toBe('ready');
    for (const origin of ['https://evil.example', 'http://shop.example', 'https://shop.example.evil.example', 'null']) {
      expect({ origin, opened: await opens(origin) }).toEqual({ origin, opened: CloseCode.forbiddenOrigin });
    }
    // A widget session is started only from a listed website (or the instance's own pages) too.
    const starts = async (origin: string) =>
      (await client(b, { from: newAddress() }).post('/api/v1/widget/session', { workspaceKey: workspace.key }, { origin }))
        .status;
    expect(await starts('https://shop.example')).toBe(200);
    expect(await starts(new URL(b.url).origin)).toBe(200);
    const refused = await client(b, { from: newAddress() }).post(
      '/api/v1/widget/session',
      { workspaceKey: workspace.key },
      { origin: 'https://evil.example' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      "https://evil.example is not among the websites this workspace's admins allow to embed its chat.",
    );
    expect(refused.body.visitorToken).toBeUndefined();

    expect((await client(a, admin).patch('/api/v1/workspace', { allowedOrigins: [] })).body.workspace.allowedOrigins).toEqual([]);
    expect(await opens('https://evil.example')).toBe('ready');
  });

  it('refuses a non-admin and anything but a website origin in the list, changing nothing', async () => {
    const workspace = await buildWorkspace(a, { allowedOrigins: ['https://shop.example'] });
    const admin = await signIn(a, await buildAgent(a, workspace, { role: 'admin' }));
    const agent = await signIn(a, await buildAgent(a, workspace));

    const byAgent = await client(a, agent).patch('/api/v1/workspace', { allowedOrigins: [] });
    expect(byAgent.status).toBe(403);
    for (const origin of [
      'https://shop.example/checkout',
      'https://shop.example?from=ad',
      'https://shop.example#top',
      'https://someone@shop.example',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'shop.example',
      'ftp://shop.example',
      'null',
      '*',
    ]) {
      const res = await client(a, admin).patch('/api/v1/workspace', { allowedOrigins: [origin] });
      expect({ origin, status: res.status, message: res.body.error?.message }).toEqual({
        origin,
        status: 400,
        message: expect.stringMatching(/website origins such as https:\/\/shop\.example/),
      });
    }
    expect((await client(a, admin).get('/api/v1/workspace')).body.workspace.allowedOrigins).toEqual(['https://shop.example']);
  });
});
