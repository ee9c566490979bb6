import type { Entry } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
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
  workspace = await buildWorkspace(t);
  signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina' }));
});

const VISITORS = 12;
const PER_VISITOR = 10;

describe(`messages written together under load (${backend})`, () => {
  it('many visitors and an agent writing at once: every acknowledged message is stored once and reaches the agent once, in seq order', async () => {
    const conversations = await Promise.all(Array.from({ length: VISITORS }, () => buildConversation(t, workspace)));
    const agent = await agentSocket(t, signed);
    // Two tabs per visitor: messages to one conversation from two sockets share batches.
    const tabs = await Promise.all(
      conversations.map((c) => Promise.all([visitorSocket(t, c.visitorToken), visitorSocket(t, c.visitorToken)])),
    );
    const replier = await agentSocket(t, signed);

    // Visitors send in bursts while the agent answers every other conversation: the first answer takes it over
    // (a transaction of its own), later ones are written together with the visitors' messages.
    const sent = conversations.map(() =>
      Array.from({ length: PER_VISITOR }, (_, i) => ({ clientId: newClientId(), body: `m${i}` })),
    );
    const replies = conversations.map((_, v) =>
      v % 2 ? [] : Array.from({ length: 3 }, (_, i) => ({ clientId: newClientId(), body: `reply ${i}` })),
    );
    tabs.forEach((pair, v) => {
      for (const [i, m] of sent[v]!.entries()) pair[i % 2]!.send({ type: 'send', ...m });
    });
    conversations.forEach((c, v) => {
      for (const r of replies[v]!) replier.send({ type: 'send', conversationId: c.conversationId, ...r });
    });

    const visitorAcks = await Promise.all(
      tabs.map((pair, v) =>
        Promise.all(sent[v]!.map((m, i) => pair[i % 2]!.next('ack', (f) => f.clientId === m.clientId, 15_000))),
      ),
    );
    const replyAcks = await Promise.all(replies.flat().map((r) => replier.next('ack', (f) => f.clientId === r.clientId, 15_000)));
    for (const [v, acks] of visitorAcks.entries()) {
      // One socket's messages are stored in the order it sent them.
      for (const tab of [0, 1]) {
        const seqs = acks.filter((_, i) => i % 2 === tab).map((a) => a.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
      expect(new Set(acks.map((a) => a.conversationId))).toEqual(new Set([conversations[v]!.conversationId]));
    }

    const total = VISITORS * (PER_VISITOR + 1) + replies.flat().length;
    const deadline = Date.now() + 15_000;
    const received = () => agent.frames.filter((f) => f.type === 'entry').map((f) => (f as { entry: Entry }).entry);
    while (received().filter((e) => e.kind === 'message').length < total - VISITORS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const acked = new Map([...visitorAcks.flat(), ...replyAcks].map((a) => [a.clientId, a.seq]));
    for (const c of conversations) {
      const res = await client(t, signed).get(`/api/v1/conversations/${c.conversationId}/entries`);
      const stored = res.body.entries as Entry[];
      // Dense seqs, each acknowledged message stored once with the seq it was acknowledged with.
      expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
      const messages = stored.filter((e) => e.clientId && acked.has(e.clientId));
      expect(new Set(messages.map((e) => e.clientId)).size).toBe(messages.length);
      for (const e of messages) expect(e.seq).toBe(acked.get(e.clientId!));

      // The agent's socket saw every one of them exactly once, in seq order.
      const seen = received().filter((e) => e.conversationId === c.conversationId && e.clientId && acked.has(e.clientId));
      expect(seen.map((e) => e.seq)).toEqual(messages.map((e) => e.seq));
    }
    expect(acked.size).toBe(VISITORS * PER_VISITOR + replies.flat().length);
    for (const s of [agent, replier, ...tabs.flat()]) s.close();
  });
});
