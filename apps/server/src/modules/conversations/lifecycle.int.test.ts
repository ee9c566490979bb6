import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildVisitor,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  signIn,
} from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

type EntryView = { kind: string; body: string; event: { type: string } | null };

describe(`a conversation from first message to resolution (${backend})`, () => {
  it('a new conversation goes to the available agent with the fewest open conversations', async () => {
    const workspace = await buildWorkspace(t);
    // Aaron sorts first by name, so only "fewest open conversations" can explain Zoe getting the next one.
    await buildAgent(t, workspace, { displayName: 'Aaron', presence: 'available' });
    const first = await buildConversation(t, workspace);
    const second = await buildConversation(t, workspace);
    const zoe = await buildAgent(t, workspace, { displayName: 'Zoe', presence: 'available' });
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const owners = async (id: string) =>
      (await client(t, admin).get(`/api/v1/conversations/${id}`)).body.conversation.assignee?.displayName;
    expect([await owners(first.conversationId), await owners(second.conversationId)]).toEqual(['Aaron', 'Aaron']);

    const visitor = await buildVisitor(t, workspace);
    expect(visitor.team.map((a) => a.displayName)).toEqual(['Aaron', 'Zoe']);
    const res = await client(t, { visitorToken: visitor.visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Hi',
    });
    expect(res.status).toBe(201);
    expect(res.body.conversation.assignee).toMatchObject({ id: zoe.id, displayName: 'Zoe' });
    const team = (await client(t, admin).get('/api/v1/agents')).body.agents as Array<{
      displayName: string;
      openConversations: number;
    }>;
    expect(Object.fromEntries(team.map((a) => [a.displayName, a.openConversations]))).toMatchObject({ Aaron: 2, Zoe: 1 });
  });

  it('with nobody available the conversation waits unassigned, and leaving an email gets a named, timed promise', async () => {
    const workspace = await buildWorkspace(t);
    const olu = await buildAgent(t, workspace, { displayName: 'Olu Adeyemi', presence: 'away' });
    const visitor = await buildVisitor(t, workspace);
    expect(visitor.wait.agentsAvailable).toBe(0);
    const visitorClient = client(t, { visitorToken: visitor.visitorToken, from: newAddress() });
    const first = await visitorClient.post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Is the shop open on Sunday?',
    });
    expect(first.status).toBe(201);
    expect(first.body.conversation).toMatchObject({ status: 'waiting', assignee: null });
    const conversationId = first.body.entry.conversationId;

    const invalid = await visitorClient.post('/api/v1/widget/leave-message', { conversationId, email: 'not-an-email' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/email must be a valid email address/),
    });

    const email = 'kai@example.com';
    const before = Date.now();
    const left = await visitorClient.post('/api/v1/widget/leave-message', { conversationId, email, name: 'Kai' });
    expect(left.status).toBe(200);
    expect(left.body.promise.owner).toMatchObject({ id: olu.id, displayName: 'Olu Adeyemi' });
    expect(left.body.promise.text).toContain('Olu Adeyemi');
    expect(left.body.promise.text).toContain(email);
    expect(Date.parse(left.body.promise.by)).toBeGreaterThan(before);
    expect(left.body.conversation).toMatchObject({
      id: conversationId,
      status: 'waiting',
      promisedReplyBy: left.body.promise.by,
    });

    const signed = await signIn(t, olu);
    const queue = await client(t, signed).get('/api/v1/conversations?view=waiting');
    const queued = queue.body.conversations.find((c: { id: string }) => c.id === conversationId);
    expect(queued).toMatchObject({ status: 'waiting', customer: { email, name: 'Kai' }, promisedReplyBy: left.body.promise.by });
    const entries = (await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as EntryView[];
    expect(entries.map((e) => e.event?.type ?? e.kind)).toEqual(['message', 'left_message']);
  });

  it('resolving and reopening leave events on the timeline', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const { conversationId } = await buildConversation(t, workspace);
    const agent = client(t, signed);
    await agent.post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Done, anything else?',
    });
    const resolved = await agent.post(`/api/v1/conversations/${conversationId}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.conversation).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    const reopened = await agent.post(`/api/v1/conversations/${conversationId}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.conversation).toMatchObject({ status: 'active', resolvedAt: null });
    const entries = (await agent.get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as EntryView[];
    const events = entries.filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.event?.type, e.body])).toEqual([
      ['assigned', 'Amina joined the conversation'],
      ['resolved', 'Amina resolved the conversation'],
      // Resolved, the customer is asked how we did, in the chat (docs/surveys.md).
      ['survey_invited', 'Asked how we did, in the chat'],
      ['reopened', 'Amina reopened the conversation'],
    ]);
  });

  it('a visitor writing after resolution reopens the same conversation', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { presence: 'available' }));
    const { conversationId, visitorToken } = await buildConversation(t, workspace, 'Where is my parcel?');
    expect((await client(t, signed).post(`/api/v1/conversations/${conversationId}/resolve`)).status).toBe(200);
    const again = await client(t, { visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'It came, but broken',
    });
    expect(again.status).toBe(201);
    expect(again.body.entry.conversationId).toBe(conversationId);
    expect(again.body.conversation.status).not.toBe('resolved');
    const entries = (await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as EntryView[];
    // The customer writes first, then a person joins; writing again reopens and routes the conversation anew
    // (and, unhappy about damage, flags a service failure: commands/moodWatch.ts).
    expect(entries.map((e) => e.event?.type ?? e.body)).toEqual([
      'Where is my parcel?',
      'assigned',
      'resolved',
      'survey_invited',
      'reopened',
      'It came, but broken',
      'service_failure',
      'assigned',
    ]);
    const resolvedList = (await client(t, signed).get('/api/v1/conversations?status=resolved')).body.conversations;
    expect(resolvedList.map((c: { id: string }) => c.id)).not.toContain(conversationId);
  });

  it('an agent becoming available picks up the waiting conversation, and the visitor learns who is helping', async () => {
    const workspace = await buildWorkspace(t);
    const zara = await buildAgent(t, workspace, { displayName: 'Zara', presence: 'away' });
    const signed = await signIn(t, zara);
    const { conversationId, visitorToken } = await buildConversation(t, workspace, 'Hello?');
    const socket = await visitorSocket(t, visitorToken);

    const res = await client(t, signed).put('/api/v1/agents/me/presence', { presence: 'available' });
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ presence: 'available', openConversations: 1 });
    const joined = await socket.next('visitor_conversation', (f) => f.conversation.assignee !== null);
    expect(joined.conversation).toMatchObject({ id: conversationId, assignee: { id: zara.id, displayName: 'Zara' } });
    const event = await socket.next('entry', (f) => f.entry.event?.type === 'assigned');
    expect(event.entry.body).toBe('Zara joined the conversation');
    socket.close();
  });

  it('the inbox counts follow conversations from waiting to mine to resolved', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Mia' }));
    const agent = client(t, signed);
    const counts = async () => (await agent.get('/api/v1/conversations/counts')).body;
    expect(await counts()).toEqual({ waiting: 0, mine: 0, all: 0 });

    const one = await buildConversation(t, workspace);
    await buildConversation(t, workspace);
    expect(await counts()).toEqual({ waiting: 2, mine: 0, all: 2 });

    const reply = await agent.post(`/api/v1/conversations/${one.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Hi, Mia here',
    });
    expect(reply.status).toBe(201);
    expect(await counts()).toEqual({ waiting: 1, mine: 1, all: 2 });

    await agent.post(`/api/v1/conversations/${one.conversationId}/resolve`);
    expect(await counts()).toEqual({ waiting: 1, mine: 0, all: 1 });
  });
});
