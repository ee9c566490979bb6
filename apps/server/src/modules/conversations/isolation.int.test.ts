import type { ServerFrame } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildVisitor,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** Every conversation id a frame mentions. */
function conversationIdsIn(frames: ServerFrame[]): string[] {
  return frames.flatMap((f) => {
    if (f.type === 'entry' || f.type === 'ack') return [f.entry.conversationId];
    if (f.type === 'conversation' || f.type === 'visitor_conversation') return [f.conversation.id];
    if (f.type === 'typing' || f.type === 'read') return [f.conversationId];
    return [];
  });
}

/** Two shops on one server: A with a live conversation, B whose admin goes looking for it. */
async function twoWorkspaces() {
  const a = await buildWorkspace(t, { name: 'Shop A' });
  const aAgent = await buildAgent(t, a, { displayName: 'Ana', presence: 'available' });
  const aSigned = await signIn(t, aAgent);
  const aConversation = await buildConversation(t, a, 'My parcel never arrived');
  const b = await buildWorkspace(t, { name: 'Shop B' });
  const bAdmin = await buildAgent(t, b, { displayName: 'Bo', role: 'admin' });
  const bSigned = await signIn(t, bAdmin);
  return { a, aAgent, aSigned, aConversation, b, bAdmin, bSigned };
}

async function snapshot(signed: Signed, conversationId: string) {
  const agent = client(t, signed);
  const [conversation, entries] = await Promise.all([
    agent.get(`/api/v1/conversations/${conversationId}`),
    agent.get(`/api/v1/conversations/${conversationId}/entries`),
  ]);
  expect(conversation.status).toBe(200);
  const c = conversation.body.conversation;
  return { status: c.status, assignee: c.assignee?.id ?? null, lastSeq: c.lastSeq, entries: entries.body.entries.length };
}

describe(`workspace isolation on every REST route (${backend})`, () => {
  it('an agent of another workspace can neither see nor touch a conversation: 404 on every route, and it is unchanged', async () => {
    const { aSigned, aConversation, bSigned, bAdmin } = await twoWorkspaces();
    const before = await snapshot(aSigned, aConversation.conversationId);
    const b = client(t, bSigned);
    const id = aConversation.conversationId;
    const attempts = [
      b.get(`/api/v1/conversations/${id}`),
      b.get(`/api/v1/conversations/${id}/entries`),
      b.post(`/api/v1/conversations/${id}/messages`, { clientId: newClientId(), body: 'Hello from B' }),
      b.post(`/api/v1/conversations/${id}/notes`, { clientId: newClientId(), body: 'B was here' }),
      b.post(`/api/v1/conversations/${id}/assign`, { agentId: bAdmin.id }),
      b.post(`/api/v1/conversations/${id}/assign`, { agentId: null }),
      b.post(`/api/v1/conversations/${id}/resolve`),
      b.post(`/api/v1/conversations/${id}/reopen`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'Conversation not found.' });
    }
    expect(await snapshot(aSigned, id)).toEqual(before);
  });

  it("another workspace's inbox lists, counts and team never include this workspace's data", async () => {
    const { a, aSigned, aAgent, aConversation, bSigned, bAdmin } = await twoWorkspaces();
    // A waiting, unassigned conversation in A as well, and a resolved one.
    await client(t, aSigned).put('/api/v1/agents/me/presence', { presence: 'away' });
    const waiting = await buildConversation(t, a, 'Anyone?');
    const resolved = await buildConversation(t, a, 'Thanks, all good');
    expect((await client(t, aSigned).post(`/api/v1/conversations/${resolved.conversationId}/resolve`)).status).toBe(200);
    const aIds = [aConversation.conversationId, waiting.conversationId, resolved.conversationId];

    const b = client(t, bSigned);
    for (const query of [
      '',
      '?view=waiting',
      '?view=mine',
      '?view=all',
      '?status=resolved',
      '?view=all&status=resolved&limit=200',
    ]) {
      const res = await b.get(`/api/v1/conversations${query}`);
      expect(res.status).toBe(200);
      expect(res.body.conversations.filter((c: { id: string }) => aIds.includes(c.id))).toEqual([]);
    }
    expect((await b.get('/api/v1/conversations/counts')).body).toEqual({ waiting: 0, mine: 0, all: 0 });
    const team = await b.get('/api/v1/agents');
    expect(team.body.agents.map((x: { id: string }) => x.id)).toEqual([bAdmin.id]);
    // The same lists in A do hold A's data: the filters above were not vacuous.
    const aAll = await client(t, aSigned).get('/api/v1/conversations?view=all');
    expect(aAll.body.conversations.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(aIds.slice(0, 2)));
    expect((await client(t, aSigned).get('/api/v1/agents')).body.agents.map((x: { id: string }) => x.id)).toEqual([aAgent.id]);
  });

  it("assigning a conversation to another workspace's agent is a 404, in either direction", async () => {
    const { aSigned, aConversation, bSigned, bAdmin, aAgent, b } = await twoWorkspaces();
    const before = await snapshot(aSigned, aConversation.conversationId);
    const toB = await client(t, aSigned).post(`/api/v1/conversations/${aConversation.conversationId}/assign`, {
      agentId: bAdmin.id,
    });
    expect(toB.status).toBe(404);
    expect(toB.body.error).toEqual({ code: 'not_found', message: 'Agent not found.' });
    expect(await snapshot(aSigned, aConversation.conversationId)).toEqual(before);

    const bConversation = await buildConversation(t, b);
    const toA = await client(t, bSigned).post(`/api/v1/conversations/${bConversation.conversationId}/assign`, {
      agentId: aAgent.id,
    });
    expect(toA.status).toBe(404);
    expect(toA.body.error.code).toBe('not_found');
    expect((await snapshot(bSigned, bConversation.conversationId)).assignee).toBeNull();
  });

  it("an agent's profile, presence and invitations stay inside their own workspace", async () => {
    const { a, aSigned, bSigned, b } = await twoWorkspaces();
    // A has a conversation nobody owns; B's admin becoming available must not pick it up.
    await client(t, aSigned).put('/api/v1/agents/me/presence', { presence: 'away' });
    const unowned = await buildConversation(t, a, 'Hello?');
    expect((await snapshot(aSigned, unowned.conversationId)).assignee).toBeNull();

    const bClient = client(t, bSigned);
    expect((await bClient.put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(200);
    expect((await bClient.patch('/api/v1/agents/me', { displayName: 'Bo the Bold' })).status).toBe(200);
    expect((await snapshot(aSigned, unowned.conversationId)).assignee).toBeNull();
    const aTeam = (await client(t, aSigned).get('/api/v1/agents')).body.agents;
    expect(aTeam.map((x: { displayName: string }) => x.displayName)).toEqual(['Ana']);

    const invite = await bClient.post('/api/v1/agents/invitations', { email: `new-${newClientId()}@example.com` });
    expect(invite.status).toBe(201);
    const token = invite.body.invitation.url.split('/').at(-1);
    const preview = await client(t).get(`/api/v1/auth/invitations/${token}`);
    expect(preview.body.workspaceName).toBe(b.name);
    const session = await bClient.get('/api/v1/auth/session');
    expect(session.body.workspace.id).toBe(b.id);
    expect(session.body.workspace.id).not.toBe(a.id);
  });

  it("a visitor token of one workspace is refused by another workspace's widget session (401)", async () => {
    const { a, b } = await twoWorkspaces();
    const visitor = await buildVisitor(t, a);
    const res = await client(t).post('/api/v1/widget/session', { workspaceKey: b.key, visitorToken: visitor.visitorToken });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(res.body.visitorToken).toBeUndefined();
  });

  it("a visitor cannot read another workspace's conversation with their own token (404)", async () => {
    const { aConversation, b } = await twoWorkspaces();
    const bVisitor = await buildVisitor(t, b);
    const res = await client(t, { visitorToken: bVisitor.visitorToken }).get(
      `/api/v1/widget/conversations/${aConversation.conversationId}/entries`,
    );
    expect(res.status).toBe(404);
  });
});

describe(`workspace and visitor isolation on WebSockets (${backend})`, () => {
  it("an agent of another workspace receives none of this workspace's entries, conversations or presence", async () => {
    const { a, aSigned, aConversation, b, bSigned } = await twoWorkspaces();
    const aSocket = await agentSocket(t, aSigned);
    const bSocket = await agentSocket(t, bSigned);

    const aVisitor = await visitorSocket(t, aConversation.visitorToken);
    const clientId = newClientId();
    aVisitor.send({ type: 'send', clientId, body: 'Tracking says delivered' });
    aVisitor.send({ type: 'typing', conversationId: aConversation.conversationId, typing: true });
    await aSocket.next('entry', (f) => f.entry.clientId === clientId);
    const aAgent = client(t, aSigned);
    await aAgent.post(`/api/v1/conversations/${aConversation.conversationId}/notes`, {
      clientId: newClientId(),
      body: 'Check the courier',
    });
    await aAgent.post(`/api/v1/conversations/${aConversation.conversationId}/resolve`);
    await aAgent.put('/api/v1/agents/me/presence', { presence: 'away' });
    const fresh = await buildConversation(t, a, 'New question');
    await aSocket.next('entry', (f) => f.entry.conversationId === fresh.conversationId);

    // B's own event arrives after everything above was published: anything of A's would have arrived first.
    const bConversation = await buildConversation(t, b, 'Marker for B');
    await bSocket.next('entry', (f) => f.entry.conversationId === bConversation.conversationId && f.entry.kind === 'message');
    expect(conversationIdsIn(bSocket.frames).filter((id) => id !== bConversation.conversationId)).toEqual([]);
    expect(bSocket.frames.filter((f) => f.type === 'presence')).toEqual([]);
    // And A's socket saw A's activity, so the absence above means something.
    expect(conversationIdsIn(aSocket.frames)).toEqual(
      expect.arrayContaining([aConversation.conversationId, fresh.conversationId]),
    );
    expect(conversationIdsIn(aSocket.frames)).not.toContain(bConversation.conversationId);
    for (const s of [aSocket, bSocket, aVisitor]) s.close();
  });

  it("a visitor never receives another visitor's messages, nor the internal notes on their own conversation", async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const me = await buildConversation(t, workspace, 'Hi, question about sizes');
    const other = await buildConversation(t, workspace, 'Hi, question about returns');
    const mine = await visitorSocket(t, me.visitorToken);
    const theirs = await visitorSocket(t, other.visitorToken);

    const agent = client(t, signed);
    const otherClientId = newClientId();
    theirs.send({ type: 'send', clientId: otherClientId, body: 'My address is 12 Elm Street' });
    theirs.send({ type: 'typing', conversationId: other.conversationId, typing: true });
    await theirs.next('ack', (f) => f.clientId === otherClientId);
    await agent.post(`/api/v1/conversations/${other.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Thanks, noted your address',
    });
    await agent.post(`/api/v1/conversations/${me.conversationId}/notes`, {
      clientId: newClientId(),
      body: 'VIP customer, be generous',
    });
    await agent.post(`/api/v1/conversations/${me.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'We run true to size',
    });
    await mine.next('entry', (f) => f.entry.body === 'We run true to size');
    await theirs.next('entry', (f) => f.entry.body === 'Thanks, noted your address');

    expect(conversationIdsIn(mine.frames).filter((id) => id !== me.conversationId)).toEqual([]);
    const bodies = mine.frames.flatMap((f) => (f.type === 'entry' ? [f.entry.body] : []));
    expect(bodies).not.toContain('My address is 12 Elm Street');
    expect(bodies).not.toContain('VIP customer, be generous');
    expect(mine.frames.some((f) => f.type === 'entry' && f.entry.kind === 'note')).toBe(false);
    expect(mine.frames.some((f) => f.type === 'presence')).toBe(false);
    mine.close();
    theirs.close();
  });

  it("naming someone else's conversation in resume, send, typing or read gets nothing of it", async () => {
    const { aSigned, aConversation, bSigned, b } = await twoWorkspaces();
    await client(t, aSigned).post(`/api/v1/conversations/${aConversation.conversationId}/notes`, {
      clientId: newClientId(),
      body: 'secret',
    });
    const before = await snapshot(aSigned, aConversation.conversationId);
    const neighbour = await buildConversation(t, b, 'I am in shop B');
    const snoops = [await visitorSocket(t, neighbour.visitorToken), await agentSocket(t, bSigned)];
    for (const snoop of snoops) {
      snoop.send({ type: 'resume', conversations: { [aConversation.conversationId]: 0 } });
      await snoop.next('resumed');
      const clientId = newClientId();
      snoop.send({ type: 'send', clientId, conversationId: aConversation.conversationId, body: 'injected' });
      const refused = await snoop.next('error', (f) => f.clientId === clientId);
      expect(refused.error.code).toBe('not_found');
      snoop.send({ type: 'typing', conversationId: aConversation.conversationId, typing: true });
      snoop.send({ type: 'read', conversationId: aConversation.conversationId, seq: 99 });
      await snoop.sync();
      expect(conversationIdsIn(snoop.frames)).not.toContain(aConversation.conversationId);
      const errors = snoop.frames.filter((f) => f.type === 'error');
      expect(errors.map((f) => f.type === 'error' && f.error.code)).toEqual(['not_found', 'not_found', 'not_found', 'not_found']);
      snoop.close();
    }
    expect(await snapshot(aSigned, aConversation.conversationId)).toEqual(before);
  });

  it("a visitor resuming another visitor's conversation in the same workspace gets none of its entries", async () => {
    const workspace = await buildWorkspace(t);
    const me = await buildConversation(t, workspace, 'mine');
    const other = await buildConversation(t, workspace, 'theirs: my card ends 4242');
    const socket = await visitorSocket(t, me.visitorToken);
    socket.send({ type: 'resume', conversations: { [other.conversationId]: 0, [me.conversationId]: 0 } });
    await socket.next('resumed');
    const entries = socket.frames.flatMap((f) => (f.type === 'entry' ? [f.entry] : []));
    expect(entries.map((e) => e.body)).toEqual(['mine']);
    expect(socket.frames.some((f) => f.type === 'error' && f.error.code === 'not_found')).toBe(true);
    socket.close();
  });
});
