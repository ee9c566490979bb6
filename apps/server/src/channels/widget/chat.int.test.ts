import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildVisitor, buildWorkspace, client, newClientId, signIn } from '../../testing/factories.ts';
import { openSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

describe(`live chat on ${backend}`, () => {
  it('a visitor message reaches the available agent, who is named to the visitor, and the reply comes back', async () => {
    const ws = await buildWorkspace(t);
    const amina = await buildAgent(t, ws, { displayName: 'Amina', presence: 'available' });
    const signed = await signIn(t, amina);
    const agentSocket = openSocket(t, '/ws/agent', { cookie: signed.cookie });
    await agentSocket.next('ready');

    const visitor = await buildVisitor(t, ws);
    expect(visitor.wait.agentsAvailable).toBe(1);
    expect(visitor.team.map((a) => a.displayName)).toEqual(['Amina']);
    const visitorSocket = openSocket(t, `/ws/visitor?token=${encodeURIComponent(visitor.visitorToken)}`);
    await visitorSocket.next('ready');
    const clientId = newClientId();
    visitorSocket.send({ type: 'send', clientId, body: 'Hello, is anyone there?' });

    const ack = await visitorSocket.next('ack', (f) => f.clientId === clientId);
    const joined = await visitorSocket.next('visitor_conversation', (f) => f.conversation.assignee !== null);
    expect(joined.conversation.assignee?.displayName).toBe('Amina');

    const seen = await agentSocket.next('entry', (f) => f.entry.clientId === clientId);
    expect(seen.entry.body).toBe('Hello, is anyone there?');
    expect(seen.entry.seq).toBe(ack.seq);

    const reply = await client(t, signed).post(`/api/v1/conversations/${ack.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Hi! I am here.',
    });
    expect(reply.status).toBe(201);
    const got = await visitorSocket.next('entry', (f) => f.entry.body === 'Hi! I am here.');
    expect(got.entry.author.name).toBe('Amina');
    expect(got.entry.direction).toBe('out');
    agentSocket.close();
    visitorSocket.close();
  });
});
