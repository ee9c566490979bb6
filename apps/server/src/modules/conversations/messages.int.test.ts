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
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let signed: Signed;

beforeAll(async () => {
  t = await testServer();
  // Nobody is available here, so visitors' timelines hold only their messages (no "joined" events).
  workspace = await buildWorkspace(t);
  signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina' }));
});

async function entriesOf(conversationId: string) {
  const res = await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries`);
  expect(res.status).toBe(200);
  return res.body.entries as Array<{ id: string; seq: number; body: string; clientId: string | null; kind: string }>;
}

describe(`messages are idempotent by clientId and ordered by seq (${backend})`, () => {
  it('an agent resending a reply with the same clientId gets the original entry back, and nothing new is stored', async () => {
    const { conversationId } = await buildConversation(t, workspace);
    const agent = client(t, signed);
    const clientId = newClientId();
    const first = await agent.post(`/api/v1/conversations/${conversationId}/messages`, { clientId, body: 'On my way' });
    expect(first.status).toBe(201);
    const countAfterFirst = (await entriesOf(conversationId)).length;
    const again = await agent.post(`/api/v1/conversations/${conversationId}/messages`, { clientId, body: 'On my way' });
    expect(again.status).toBe(200);
    expect(again.body.entry).toEqual(first.body.entry);
    // A resend is recognised by its clientId alone, even if the text changed in between.
    const edited = await agent.post(`/api/v1/conversations/${conversationId}/messages`, { clientId, body: 'On my way!' });
    expect(edited.status).toBe(200);
    expect(edited.body.entry.id).toBe(first.body.entry.id);
    expect((await entriesOf(conversationId)).length).toBe(countAfterFirst);
  });

  it('a visitor resending a message with the same clientId gets the original entry back, and nothing new is stored', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const visitor = client(t, { visitorToken });
    const clientId = newClientId();
    const first = await visitor.post('/api/v1/widget/messages', { clientId, body: 'Still waiting' });
    expect(first.status).toBe(201);
    const again = await visitor.post('/api/v1/widget/messages', { clientId, body: 'Still waiting' });
    expect(again.status).toBe(200);
    expect(again.body.entry.id).toBe(first.body.entry.id);
    expect(again.body.entry.seq).toBe(first.body.entry.seq);
    expect((await entriesOf(conversationId)).filter((e) => e.clientId === clientId)).toHaveLength(1);
  });

  it('a WebSocket resend is acknowledged with the same seq and not delivered twice', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const agent = await agentSocket(t, signed);
    const socket = await visitorSocket(t, visitorToken);
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'Sent on a flaky train' });
    socket.send({ type: 'send', clientId, body: 'Sent on a flaky train' });
    await socket.sync();
    const acks = socket.frames.flatMap((f) => (f.type === 'ack' && f.clientId === clientId ? [f] : []));
    expect(acks).toHaveLength(2);
    expect(acks[1]!.seq).toBe(acks[0]!.seq);
    expect(acks[1]!.entry.id).toBe(acks[0]!.entry.id);
    // A later message marks the point by which any duplicate delivery would have arrived.
    const marker = newClientId();
    socket.send({ type: 'send', clientId: marker, body: 'marker' });
    await agent.next('entry', (f) => f.entry.clientId === marker);
    expect(agent.frames.filter((f) => f.type === 'entry' && f.entry.clientId === clientId)).toHaveLength(1);
    expect((await entriesOf(conversationId)).filter((e) => e.clientId === clientId)).toHaveLength(1);
    socket.close();
    agent.close();
  });

  it('a message reaches the sending tab once, in its acknowledgement, and the same visitor’s other tab as an entry', async () => {
    const { visitorToken } = await buildConversation(t, workspace);
    const agent = await agentSocket(t, signed);
    const [sending, other] = [await visitorSocket(t, visitorToken), await visitorSocket(t, visitorToken)];
    const clientId = newClientId();
    sending.send({ type: 'send', clientId, body: 'Typed in one tab' });
    const ack = await sending.next('ack', (f) => f.clientId === clientId);
    expect(ack.entry.body).toBe('Typed in one tab');
    expect((await other.next('entry', (f) => f.entry.clientId === clientId)).entry.seq).toBe(ack.seq);
    // A later message from the agent marks the point by which a second copy would have arrived at the sending tab.
    const marker = newClientId();
    agent.send({ type: 'send', clientId: marker, conversationId: ack.conversationId, body: 'Got it' });
    await sending.next('entry', (f) => f.entry.clientId === marker);
    expect(sending.frames.filter((f) => f.type === 'entry' && f.entry.clientId === clientId)).toHaveLength(0);
    for (const s of [sending, other, agent]) s.close();
  });

  it('five identical sends at the same moment store one entry', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const agentClientId = newClientId();
    const agentReplies = await Promise.all(
      Array.from({ length: 5 }, () =>
        client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, { clientId: agentClientId, body: 'Once' }),
      ),
    );
    const visitorClientId = newClientId();
    const visitorReplies = await Promise.all(
      Array.from({ length: 5 }, () =>
        client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: visitorClientId, body: 'Once' }),
      ),
    );
    for (const replies of [agentReplies, visitorReplies]) {
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(replies.map((r) => r.body.entry.id)).size).toBe(1);
    }
    const stored = await entriesOf(conversationId);
    expect(stored.filter((e) => e.clientId === agentClientId)).toHaveLength(1);
    expect(stored.filter((e) => e.clientId === visitorClientId)).toHaveLength(1);
  });

  it("a new visitor's first message sent five times at once starts one conversation with one entry", async () => {
    const visitor = await buildVisitor(t, workspace);
    const clientId = newClientId();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        client(t, { visitorToken: visitor.visitorToken }).post('/api/v1/widget/messages', { clientId, body: 'Hello?' }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.entry.conversationId)).size).toBe(1);
    expect(await entriesOf(replies[0]!.body.entry.conversationId)).toHaveLength(1);
  });

  it('a burst of 20 messages from one socket is stored with dense seqs 1..20 in the order sent', async () => {
    const visitor = await buildVisitor(t, workspace);
    const socket = await visitorSocket(t, visitor.visitorToken);
    const sent = Array.from({ length: 20 }, (_, i) => ({ clientId: newClientId(), body: `message ${i + 1}` }));
    for (const m of sent) socket.send({ type: 'send', ...m });
    const acks = await Promise.all(sent.map((m) => socket.next('ack', (f) => f.clientId === m.clientId)));
    expect(acks.map((a) => a.seq)).toEqual(sent.map((_, i) => i + 1));
    expect(new Set(acks.map((a) => a.conversationId)).size).toBe(1);
    const stored = await entriesOf(acks[0]!.conversationId);
    expect(stored.map((e) => [e.seq, e.body])).toEqual(sent.map((m, i) => [i + 1, m.body]));
    socket.close();
  });
});
