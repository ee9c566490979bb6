import { beforeAll, describe, expect, it } from 'vitest';
import type { WarmlineEvent } from '../../core/events.ts';
import { buildAgent, buildConversation, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { agents } from '../teams/index.ts';
import { fillAgent } from './routing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

type Timeline = Array<{ kind: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** Everything an admin can see of the floor: each conversation with its assignee and its `assigned` events. */
async function floor(admin: Signed, conversationIds: string[]) {
  const api = client(t, admin);
  return Promise.all(
    conversationIds.map(async (id) => {
      const conversation = (await api.get(`/api/v1/conversations/${id}`)).body.conversation;
      const entries = (await api.get(`/api/v1/conversations/${id}/entries`)).body.entries as Timeline;
      return {
        id,
        status: conversation.status as string,
        assigneeId: (conversation.assignee?.id ?? null) as string | null,
        assignedTo: entries.filter((e) => e.event?.type === 'assigned').map((e) => e.event!.data.agentId as string),
      };
    }),
  );
}

/** Conversations that are neither resolved nor snoozed, per agent: what counts against capacity. */
function openPerAgent(rows: Awaited<ReturnType<typeof floor>>) {
  const open = new Map<string, number>();
  for (const r of rows) if (r.assigneeId && r.status !== 'resolved') open.set(r.assigneeId, (open.get(r.assigneeId) ?? 0) + 1);
  return open;
}

async function waitingConversations(workspace: { key: string }, n: number) {
  const ids: string[] = [];
  // A few at a time: many visitors writing at once, without opening forty connections in the same instant.
  for (let i = 0; i < n; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, n - i) }, (_, j) => buildConversation(t, workspace, `Order ${i + j} is late`)),
    );
    ids.push(...batch.map((c) => c.conversationId));
  }
  return ids;
}

describe(`concurrent routing decisions (${backend})`, () => {
  it('eight agents becoming available at once take sixteen of forty waiting conversations: none twice, nobody over capacity', async () => {
    const workspace = await buildWorkspace(t);
    const conversationIds = await waitingConversations(workspace, 40);
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) => buildAgent(t, workspace, { displayName: `Agent ${i}`, capacity: { chat: 2 } })),
    );
    const signed = await Promise.all(people.map((p) => signIn(t, p)));
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));

    const replies = await Promise.all(
      signed.map((s) => client(t, s).put('/api/v1/agents/me/presence', { presence: 'available' })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));

    const first = await floor(admin, conversationIds);
    expect(first.filter((c) => c.assigneeId).length).toBe(16);
    for (const c of first) expect(c.assignedTo).toEqual(c.assigneeId ? [c.assigneeId] : []);
    const load = openPerAgent(first);
    expect([...load.values()]).toEqual(Array(8).fill(2));

    // Every agent resolves both chats at the same moment, and says "available" again while doing it:
    // sixteen freed slots and eight redundant "I have room" events race for the twenty-four still waiting.
    const resolves = first
      .filter((c) => c.assigneeId)
      .map((c) =>
        client(t, signed[people.findIndex((p) => p.id === c.assigneeId)]!).post(`/api/v1/conversations/${c.id}/resolve`),
      );
    const again = signed.map((s) => client(t, s).put('/api/v1/agents/me/presence', { presence: 'available' }));
    const all = await Promise.all([...resolves, ...again]);
    expect(all.map((r) => r.status)).toEqual(Array(24).fill(200));

    const second = await floor(admin, conversationIds);
    const resolvedIds = new Set(first.filter((c) => c.assigneeId).map((c) => c.id));
    const newlyAssigned = second.filter((c) => !resolvedIds.has(c.id) && c.assigneeId);
    expect(newlyAssigned.length).toBe(16);
    expect(second.filter((c) => c.status === 'waiting' && !c.assigneeId).length).toBe(8);
    // Each conversation was assigned at most once, ever: one `assigned` event per assignment.
    for (const c of second) {
      expect({ id: c.id, assigned: c.assignedTo.length }).toEqual({ id: c.id, assigned: c.assigneeId ? 1 : 0 });
      if (c.assigneeId) expect(c.assignedTo).toEqual([c.assigneeId]);
    }
    expect([...openPerAgent(second).values()]).toEqual(Array(8).fill(2));
    const team = (await client(t, admin).get('/api/v1/agents')).body.agents as Array<{ id: string; openConversations: number }>;
    for (const p of people) expect(team.find((a) => a.id === p.id)?.openConversations).toBe(2);
    // Nine sign-ins (argon2id each) and sixty-odd requests: on a busy two-core machine this takes well over 20 s.
  }, 90_000);

  it('two routing decisions running at once for two agents share a small queue: all three taken, each once', async () => {
    const workspace = await buildWorkspace(t);
    const conversationIds = await waitingConversations(workspace, 3);
    const [amina, bo] = await Promise.all([
      buildAgent(t, workspace, { displayName: 'Amina', capacity: { chat: 2 } }),
      buildAgent(t, workspace, { displayName: 'Bo', capacity: { chat: 2 } }),
    ]);
    // Both are available, as far as routing knows, before either decision runs.
    for (const person of [amina, bo]) await agents.setPresence(t.db, workspace.id, person.id, 'available');

    const events: WarmlineEvent[] = [];
    const taken = await Promise.all(
      [amina, bo].map((person) => t.db.transaction((tx) => fillAgent(tx, workspace.id, person.id, new Date(), events))),
    );
    expect(taken[0]! + taken[1]!).toBe(3);
    expect(Math.max(...taken)).toBe(2);

    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const rows = await floor(admin, conversationIds);
    for (const c of rows) {
      expect(c.assigneeId).not.toBeNull();
      expect(c.assignedTo).toEqual([c.assigneeId]);
    }
    const load = openPerAgent(rows);
    expect(load.get(amina.id)! + load.get(bo.id)!).toBe(3);
    expect(Math.max(load.get(amina.id)!, load.get(bo.id)!)).toBe(2);
  });
});
