import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  runDueJobs,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** Who has the conversation now (display name), and its status, as an admin sees it. */
async function holder(admin: Signed, conversationId: string) {
  const { conversation } = (await client(t, admin).get(`/api/v1/conversations/${conversationId}`)).body;
  return { status: conversation.status as string, assignee: (conversation.assignee?.displayName ?? null) as string | null };
}

/** The conversation an agent has open right now (they have capacity for one). */
async function mineNow(signed: Signed): Promise<string[]> {
  const res = await client(t, signed).get('/api/v1/conversations?view=mine');
  return res.body.conversations.map((c: { id: string }) => c.id);
}

describe(`the queue order (${backend})`, () => {
  it('a service failure, then an upset customer, go ahead of earlier customers; otherwise the longest waiting goes first', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', capacity: { chat: 1 } });
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const [first, second, upset, failure] = [
      await buildConversation(t, workspace, 'first in line'),
      await buildConversation(t, workspace, 'second in line'),
      await buildConversation(t, workspace, 'third in line'),
      await buildConversation(t, workspace, 'fourth in line'),
    ];
    const flagUpset = await client(t, admin).patch(`/api/v1/conversations/${upset.conversationId}`, { upset: true });
    expect(flagUpset.body.conversation).toMatchObject({ upset: true, effectivePriority: 20, status: 'waiting' });
    const flagFailure = await client(t, admin).patch(`/api/v1/conversations/${failure.conversationId}`, { serviceFailure: true });
    expect(flagFailure.body.conversation).toMatchObject({ serviceFailure: true, effectivePriority: 30, status: 'waiting' });

    const signed = await signIn(t, amina);
    expect((await client(t, signed).put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(200);
    const served: string[] = [];
    for (let i = 0; i < 4; i++) {
      const mine = await mineNow(signed);
      expect(mine).toHaveLength(1);
      served.push(mine[0]!);
      expect((await client(t, signed).post(`/api/v1/conversations/${mine[0]}/resolve`)).status).toBe(200);
    }
    expect(served).toEqual([failure, upset, first, second].map((c) => c.conversationId));
  });

  it('a conversation needing a skill and a language waits for someone who has both', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina' }));
    const wanjiru = await signIn(t, await buildAgent(t, workspace, { displayName: 'Wanjiru', languages: ['sw'] }));
    const bo = await buildAgent(t, workspace, { displayName: 'Bo' });
    const { conversationId } = await buildConversation(t, workspace, 'Nina swali kuhusu ankara yangu');
    const needs = await client(t, admin).patch(`/api/v1/conversations/${conversationId}`, {
      skills: ['billing'],
      language: 'sw',
    });
    expect(needs.body.conversation).toMatchObject({ skills: ['billing'], language: 'sw' });

    // English only, and Swahili without billing: neither may take it, however free they are.
    for (const signed of [amina, wanjiru]) await client(t, signed).put('/api/v1/agents/me/presence', { presence: 'available' });
    expect(await holder(admin, conversationId)).toEqual({ status: 'waiting', assignee: null });

    const routed = await client(t, admin).patch(`/api/v1/agents/${bo.id}`, { skills: ['billing'], languages: ['en', 'sw-KE'] });
    expect(routed.status).toBe(200);
    expect(routed.body.agent).toMatchObject({ skills: ['billing'], languages: ['en', 'sw-KE'] });
    expect(await holder(admin, conversationId)).toEqual({ status: 'waiting', assignee: null });

    await client(t, await signIn(t, bo)).put('/api/v1/agents/me/presence', { presence: 'available' });
    expect(await holder(admin, conversationId)).toEqual({ status: 'waiting', assignee: 'Bo' });
  });

  it('an agent with room for one chat gets the second chat only when the first is resolved or their capacity grows', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available', capacity: { chat: 1 } });
    const signed = await signIn(t, amina);
    const first = await buildConversation(t, workspace, 'first');
    const second = await buildConversation(t, workspace, 'second');
    const third = await buildConversation(t, workspace, 'third');
    expect(await holder(admin, first.conversationId)).toEqual({ status: 'waiting', assignee: 'Amina' });
    expect(await holder(admin, second.conversationId)).toEqual({ status: 'waiting', assignee: null });

    await client(t, signed).post(`/api/v1/conversations/${first.conversationId}/resolve`);
    expect(await holder(admin, second.conversationId)).toEqual({ status: 'waiting', assignee: 'Amina' });
    expect(await holder(admin, third.conversationId)).toEqual({ status: 'waiting', assignee: null });

    const more = await client(t, admin).patch(`/api/v1/agents/${amina.id}`, { capacity: { chat: 2 } });
    expect(more.body.agent.capacity).toEqual({ chat: 2 });
    expect(await holder(admin, third.conversationId)).toEqual({ status: 'waiting', assignee: 'Amina' });
  });

  it('a queued customer is routed by the durable job when the node stopped before routing ran, and only then', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const routed = await buildConversation(t, workspace, 'routed at once');
    // The listener ran: nothing is left for the backstop to do.
    const left = await t.db.query(
      `select id from jobs where workspace_id = $1 and kind = 'route_queued' and status = 'pending'`,
      [workspace.id],
    );
    expect(left).toEqual([]);
    expect(await holder(admin, routed.conversationId)).toEqual({ status: 'waiting', assignee: null });

    // As after a crash between commit and listener: the conversation waits, its backstop job is due, and the person
    // who could take it became available without anyone telling routing.
    const kofi = await buildAgent(t, workspace, { displayName: 'Kofi', presence: 'away' });
    await t.db.query(`update agents set presence = 'available' where workspace_id = $1 and id = $2`, [workspace.id, kofi.id]);
    await t.db.query(`insert into jobs (workspace_id, kind, run_at, payload) values ($1, 'route_queued', now(), $2)`, [
      workspace.id,
      JSON.stringify({ conversationId: routed.conversationId }),
    ]);
    await runDueJobs(t, workspace);
    // The server's own job runner may have taken the job first; routing then follows its commit a moment later.
    await expect.poll(() => holder(admin, routed.conversationId)).toEqual({ status: 'waiting', assignee: 'Kofi' });
  });
});
