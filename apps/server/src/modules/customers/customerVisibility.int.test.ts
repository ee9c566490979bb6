import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildTeam, buildVisitor, client, newClientId, signIn } from '../../testing/factories.ts';
import { agentSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { teams } from '../teams/index.ts';
import { customerOf, profile, say, shop, useServer } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

describe(`search and isolation (${backend})`, () => {
  it('finds people by name or contact point and conversations by part of an old message', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'Can I get the cardamom knots gluten free for Sunday?');
    const id = await customerOf(s.agent, chat.conversationId);
    await s.as(s.agent).patch(`/api/v1/customers/${id}`, { name: 'Zawadi Otieno' });
    await s.as(s.agent).post(`/api/v1/customers/${id}/identities`, { kind: 'phone', value: '0722 111 222' });
    const find = async (q: string) => (await s.as(s.agent).get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body;

    expect((await find('zawa')).customers.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await find('+2547221')).customers.map((c: { id: string }) => c.id)).toEqual([id]);
    const hits = (await find('cardam glut')).conversations;
    expect(hits).toEqual([
      expect.objectContaining({ conversationId: chat.conversationId, customer: expect.objectContaining({ id }) }),
    ]);
    expect(hits[0].snippet).toContain('«cardamom»');
    for (const q of ['', ' ', 'a', '"', "'); drop table entries; --", 'cardamom & | ! <-> :*', '"cardamom knots"']) {
      const res = await s.as(s.agent).get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await find('"cardamom knots"')).conversations).toHaveLength(1);
    expect((await find('')).conversations).toEqual([]);
    expect((await s.as(s.agent).get(`/api/v1/search?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('finds a conversation behind tens of thousands of newer messages, and fills a page for a common word', async () => {
    const s = await shop();
    const old = await buildConversation(t, s.workspace, 'Do you bake kouign-amann on Sundays?');
    const busy = await buildConversation(t, s.workspace, 'Order question');
    // 25,000 newer messages in one conversation, and 30 conversations that all mention orders.
    await t.db.query(
      `insert into entries (workspace_id, conversation_id, seq, kind, direction, channel, body, author_kind)
       select $1, $2, 1000 + g, 'message', 'in', 'chat', 'my order number ' || g || ' please', 'customer'
       from generate_series(1, 25000) g`,
      [s.workspace.id, busy.conversationId],
    );
    for (let i = 0; i < 30; i++) await buildConversation(t, s.workspace, `Where is order ${i}?`);
    const rare = (await s.as(s.agent).get('/api/v1/search?q=kouign')).body;
    expect(rare.conversations.map((h: { conversationId: string }) => h.conversationId)).toEqual([old.conversationId]);
    const common = (await s.as(s.agent).get('/api/v1/search?q=order&limit=20')).body;
    expect(common.conversations).toHaveLength(20);
    expect(new Set(common.conversations.map((h: { conversationId: string }) => h.conversationId)).size).toBe(20);
  });

  it('shows nothing of another workspace: customers, organizations, timelines and search', async () => {
    const s = await shop();
    const other = await shop();
    const chat = await buildConversation(t, other.workspace, 'Secret wedding cake for Halima');
    const theirId = await customerOf(other.agent, chat.conversationId);
    const org = (await other.as(other.agent).post('/api/v1/organizations', { name: 'Halima & Co' })).body.organization;
    for (const url of [
      `/api/v1/customers/${theirId}`,
      `/api/v1/customers/${theirId}/timeline`,
      `/api/v1/organizations/${org.id}`,
      `/api/v1/organizations/${org.id}/timeline`,
    ]) {
      const res = await s.as(s.admin).get(url);
      expect(res.status, url).toBe(404);
    }
    expect((await s.as(s.admin).patch(`/api/v1/customers/${theirId}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await s.as(s.admin).post(`/api/v1/customers/${theirId}/erase`)).status).toBe(404);
    const search = (await s.as(s.admin).get('/api/v1/search?q=wedding')).body;
    expect(search.conversations).toEqual([]);
    expect((await s.as(s.admin).get('/api/v1/organizations')).body.organizations).toEqual([]);
    const mine = (await s.as(s.agent).post('/api/v1/customers', { name: 'Mine' })).body.customer.id;
    expect((await s.as(s.admin).put(`/api/v1/organizations/${org.id}/members/${mine}`, { role: 'user' })).status).toBe(404);
  });

  it("keeps a restricted team's conversations from agents outside it, in every view", async () => {
    const s = await shop();
    const outsider = s.agent;
    const insiderRecord = await buildAgent(t, s.workspace, { displayName: 'Insider' });
    const insider = await signIn(t, insiderRecord);
    const team = await buildTeam(t, s.workspace, { name: 'Payroll', members: [insiderRecord] });
    await teams.update(t.db, s.workspace.id, team.id, { restricted: true });
    const chat = await buildConversation(t, s.workspace, 'My salary advance for the franchise');
    expect((await s.as(s.admin).patch(`/api/v1/conversations/${chat.conversationId}`, { teamId: team.id })).status).toBe(200);
    const customerId = await customerOf(s.admin, chat.conversationId);

    expect((await s.as(outsider).get(`/api/v1/conversations/${chat.conversationId}`)).status).toBe(404);
    expect((await s.as(outsider).get('/api/v1/conversations?view=all')).body.conversations).toEqual([]);
    expect((await s.as(outsider).get('/api/v1/search?q=salary')).body.conversations).toEqual([]);
    expect((await profile(outsider, customerId)).conversations).toEqual([]);
    const timeline = await s.as(outsider).get(`/api/v1/customers/${customerId}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain('salary');

    for (const who of [insider, s.supervisor]) {
      expect((await s.as(who).get(`/api/v1/conversations/${chat.conversationId}`)).status).toBe(200);
      expect((await s.as(who).get('/api/v1/search?q=salary')).body.conversations).toHaveLength(1);
      expect((await profile(who, customerId)).conversations).toHaveLength(1);
    }
  });
});

describe(`restricted teams in real time (${backend})`, () => {
  it("sends a restricted team's messages only to its members, supervisors and admins", async () => {
    const s = await shop();
    const insiderRecord = await buildAgent(t, s.workspace, { displayName: 'Insider' });
    const insider = await signIn(t, insiderRecord);
    const team = await buildTeam(t, s.workspace, { name: 'Payroll', members: [insiderRecord] });
    await teams.update(t.db, s.workspace.id, team.id, { restricted: true });
    const secret = await buildConversation(t, s.workspace, 'About my salary advance');
    await s.as(s.admin).patch(`/api/v1/conversations/${secret.conversationId}`, { teamId: team.id });

    const sockets = {
      outsider: await agentSocket(t, s.agent),
      insider: await agentSocket(t, insider),
      supervisor: await agentSocket(t, s.supervisor),
    };
    const clientId = newClientId();
    await client(t, { visitorToken: secret.visitorToken }).post('/api/v1/widget/messages', {
      clientId,
      body: 'The amount is wrong',
    });
    await sockets.insider.next('entry', (f) => f.entry.clientId === clientId);
    await sockets.supervisor.next('entry', (f) => f.entry.clientId === clientId);
    // A marker everyone may see, published after: had the secret reached the outsider, it would be there first.
    const open = await buildConversation(t, s.workspace, 'Open question about bread');
    await sockets.outsider.next('entry', (f) => f.entry.conversationId === open.conversationId);
    const seen = sockets.outsider.frames.flatMap((f) =>
      f.type === 'entry' ? [f.entry.conversationId] : f.type === 'conversation' ? [f.conversation.id] : [],
    );
    expect(seen).not.toContain(secret.conversationId);
    for (const socket of Object.values(sockets)) socket.close();
  });

  it('a team restricted, or an agent added to it, while sockets are open applies to the very next message', async () => {
    const s = await shop();
    const insiderRecord = await buildAgent(t, s.workspace, { displayName: 'Insider' });
    const insider = await signIn(t, insiderRecord);
    const team = await buildTeam(t, s.workspace, { name: 'Payroll', members: [insiderRecord] });
    const secret = await buildConversation(t, s.workspace, 'About my salary advance');
    await s.as(s.admin).patch(`/api/v1/conversations/${secret.conversationId}`, { teamId: team.id });
    const outsider = await agentSocket(t, s.agent);
    const insiderSocket = await agentSocket(t, insider);
    const say = async (body: string) => {
      const clientId = newClientId();
      const res = await client(t, { visitorToken: secret.visitorToken }).post('/api/v1/widget/messages', { clientId, body });
      expect(res.status).toBe(201);
      await insiderSocket.next('entry', (f) => f.entry.clientId === clientId);
      return clientId;
    };
    const seenBy = (clientId: string) => outsider.frames.some((f) => f.type === 'entry' && f.entry.clientId === clientId);
    /** A conversation everyone may see, started after: once the outsider has it, an earlier frame would be there too. */
    const marker = async () => {
      const open = await buildConversation(t, s.workspace, 'Open question about bread');
      await outsider.next('entry', (f) => f.entry.conversationId === open.conversationId);
    };

    // Not restricted yet: the outsider sees it (and this node now knows the workspace has no restricted team).
    const before = await say('First question');
    await outsider.next('entry', (f) => f.entry.clientId === before);

    expect((await s.as(s.admin).patch(`/api/v1/teams/${team.id}`, { restricted: true })).status).toBe(200);
    const hidden = await say('The amount is wrong');
    await marker();
    expect(seenBy(hidden)).toBe(false);

    const members = await s.as(s.admin).put(`/api/v1/teams/${team.id}/members`, {
      agentIds: [insiderRecord.id, s.agentRecord.id],
    });
    expect(members.status).toBe(200);
    const shared = await say('Now you can both see this');
    await outsider.next('entry', (f) => f.entry.clientId === shared);
    outsider.close();
    insiderSocket.close();
  });
});

describe(`visitors stay anonymous unless verified (${backend})`, () => {
  it('gives an anonymous visitor a customer of their own with no proven identity', async () => {
    const s = await shop();
    const visitor = await buildVisitor(t, s.workspace);
    const conversationId = await say(visitor.visitorToken, 'hi');
    const p = await profile(s.agent, await customerOf(s.agent, conversationId));
    expect(p.verified).toBe(false);
    expect(p.identities.map((i) => i.kind)).toEqual(['visitor']);
  });
});
