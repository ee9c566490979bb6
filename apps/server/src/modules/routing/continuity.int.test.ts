import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/**
 * Amina helps a customer (she replies, then resolves), and is busy with one other chat; Bo is available
 * with nothing open. `capacity` is Amina's chat capacity; `continuityGraceSeconds` puts the customer's
 * conversation in a team of both with that grace.
 */
async function helpedBefore(opts: { capacity?: number; continuityGraceSeconds?: number } = {}) {
  const workspace = await buildWorkspace(t);
  const aminaAgent = await buildAgent(t, workspace, {
    displayName: 'Amina',
    presence: 'available',
    capacity: { chat: opts.capacity ?? 3 },
  });
  const amina = await signIn(t, aminaAgent);
  const customer = await buildConversation(t, workspace, 'My order has not arrived');
  const boAgent = await buildAgent(t, workspace, { displayName: 'Bo' });
  if (opts.continuityGraceSeconds !== undefined) {
    const team = await buildTeam(t, workspace, {
      continuityGraceSeconds: opts.continuityGraceSeconds,
      members: [aminaAgent, boAgent],
    });
    await client(t, amina).patch(`/api/v1/conversations/${customer.conversationId}`, { teamId: team.id });
  }
  await client(t, amina).post(`/api/v1/conversations/${customer.conversationId}/messages`, {
    clientId: newClientId(),
    body: 'It is on its way, here is the tracking link.',
  });
  await client(t, amina).post(`/api/v1/conversations/${customer.conversationId}/resolve`);
  const other = await buildConversation(t, workspace, 'Another question');
  const bo = await signIn(t, boAgent);
  await client(t, bo).put('/api/v1/agents/me/presence', { presence: 'available' });
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada (admin)' }));
  const load = (await client(t, admin).get('/api/v1/agents')).body.agents as Array<{
    displayName: string;
    openConversations: number;
  }>;
  expect(
    Object.fromEntries(load.filter((a) => a.displayName !== 'Ada (admin)').map((a) => [a.displayName, a.openConversations])),
  ).toEqual({
    Amina: 1,
    Bo: 0,
  });
  const socket = await visitorSocket(t, customer.visitorToken);
  const writeAgain = () =>
    client(t, { visitorToken: customer.visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Hello again, it still has not arrived',
    });
  return { workspace, amina, bo, admin, customer, other, socket, writeAgain, aminaAgent, boAgent };
}

const assignedEvent = (name: string) => (f: { entry: { event: { type: string; data: Record<string, unknown> } | null } }) =>
  f.entry.event?.type === 'assigned' && f.entry.event.data.agentName === name;

async function holder(admin: Signed, conversationId: string) {
  const { conversation } = (await client(t, admin).get(`/api/v1/conversations/${conversationId}`)).body;
  return { status: conversation.status as string, assignee: (conversation.assignee?.displayName ?? null) as string | null };
}

describe(`continuity: returning customers and the person who helped them (${backend})`, () => {
  it('a returning customer is offered the agent who helped last time, even when a colleague is less busy, and is told so', async () => {
    const { socket, writeAgain } = await helpedBefore();
    const res = await writeAgain();
    expect(res.status).toBe(201);
    expect(res.body.conversation.assignee).toMatchObject({ displayName: 'Amina' });
    const frame = await socket.next('entry', assignedEvent('Amina'));
    expect(frame.entry.event!.data).toMatchObject({ reason: 'continuity' });
    expect(frame.entry.event!.data.customerText).toMatch(/^Amina, who helped you .* is joining\.$/);
    socket.close();
  });

  it('when the person who helped last is away, the returning customer goes to the next best person at once', async () => {
    const { amina, socket, writeAgain } = await helpedBefore();
    await client(t, amina).put('/api/v1/agents/me/presence', { presence: 'away' });
    const res = await writeAgain();
    expect(res.body.conversation.assignee).toMatchObject({ displayName: 'Bo' });
    const frame = await socket.next('entry', assignedEvent('Bo'));
    expect(frame.entry.event!.data).toMatchObject({ reason: 'available', customerText: 'Bo is joining.' });
    socket.close();
  });

  it('when the person who helped last is available but full, the customer is held for them until the grace ends, then goes to a colleague', async () => {
    const grace = 2;
    const { bo, admin, customer, socket, writeAgain } = await helpedBefore({ capacity: 1, continuityGraceSeconds: grace });
    const res = await writeAgain();
    expect(res.body.conversation).toMatchObject({ status: 'waiting', assignee: null });
    // Bo has room and says so again: the conversation is still held for Amina.
    await client(t, bo).put('/api/v1/agents/me/presence', { presence: 'available' });
    expect(await holder(admin, customer.conversationId)).toEqual({ status: 'waiting', assignee: null });

    // The grace ends and the durable `route` job hands it on: wait for the customer to be told.
    const frame = await socket.next('entry', assignedEvent('Bo'), 15_000);
    expect(frame.entry.event!.data).toMatchObject({ reason: 'available', customerText: 'Bo is joining.' });
    const heldFor = Date.parse(frame.entry.createdAt) - Date.parse(res.body.entry.createdAt);
    expect(heldFor).toBeGreaterThanOrEqual(grace * 1000 - 100);
    expect(await holder(admin, customer.conversationId)).toEqual({ status: 'waiting', assignee: 'Bo' });
    socket.close();
  });
});
