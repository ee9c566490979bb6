import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { DEFAULT_TEAM_SETTINGS } from '../teams/index.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** Time passes for every conversation of the workspace: they started `seconds` earlier, and their checks are due. */
async function everyoneWroteEarlier(workspace: { id: string }, seconds: number) {
  await t.db.query(
    `update conversations set started_at = started_at - make_interval(secs => $2),
       queue_since = queue_since - make_interval(secs => $2) where workspace_id = $1`,
    [workspace.id, seconds],
  );
  await t.db.query(`update jobs set run_at = now() - interval '1 second' where workspace_id = $1 and kind = 'time_to_human'`, [
    workspace.id,
  ]);
  await runDueJobs(t, workspace);
}

const ids = (list: Array<{ id: string }>) => list.map((c) => c.id).sort();

describe(`one meaning of "waiting" (${backend})`, () => {
  it('customers routed to someone who has not answered are waiting on the inbox, the live queue and the alerts alike', async () => {
    const workspace = await buildWorkspace(t);
    // Amina is on shift with room for three: the first three customers are routed to her; she answers none.
    await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available', capacity: { chat: 3 } });
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Olga Admin' }));
    const routed: string[] = [];
    for (const body of ['Where is my order?', 'Can I change my address?', 'Is the shop open on Sunday?']) {
      routed.push((await buildConversation(t, workspace, body)).conversationId);
    }
    // The fourth finds nobody with room, has no team, and stays in line.
    const inLine = (await buildConversation(t, workspace, 'Hello, anyone there?')).conversationId;
    await everyoneWroteEarlier(workspace, DEFAULT_TEAM_SETTINGS.targetSeconds + 30);

    const api = client(t, admin);
    const counts = (await api.get('/api/v1/conversations/counts')).body;
    const waitingView = (await api.get('/api/v1/conversations?view=waiting')).body.conversations as Array<{
      id: string;
      escalatedAt: string | null;
    }>;
    const overview = (await api.get('/api/v1/supervisor/overview')).body;
    const queue = overview.queue as Array<{
      conversation: { id: string; assignee: { displayName: string } | null };
      position: number | null;
    }>;

    // The same four customers, counted the same on every screen.
    expect(counts.waiting).toBe(4);
    expect(ids(waitingView)).toEqual([...routed, inLine].sort());
    expect(queue).toHaveLength(counts.waiting);
    expect(ids(queue.map((q) => q.conversation))).toEqual(ids(waitingView));
    // The one still in line is first and has a place; the routed ones say who has them.
    expect(queue[0]).toMatchObject({ conversation: { id: inLine, assignee: null }, position: 0 });
    for (const q of queue.slice(1))
      expect(q).toMatchObject({ position: null, conversation: { assignee: { displayName: 'Amina' } } });

    // Each is "Waiting too long" in the inbox, and each is an alert for the supervisor.
    expect(waitingView.every((c) => c.escalatedAt !== null)).toBe(true);
    const alerts = overview.alerts as Array<{ conversationId: string; kind: string; text: string }>;
    expect(alerts.map((a) => a.conversationId).sort()).toEqual(ids(waitingView));
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(['waited_too_long']));
    expect(alerts.find((a) => a.conversationId === routed[0])!.text).toMatch(/Amina has not answered yet/);
  });

  it('once a person answers, the customer stops waiting on every screen at once', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const { conversationId } = await buildConversation(t, workspace, 'Do you have gluten-free bread?');
    const waitingOn = async () => ({
      inbox: (await client(t, admin).get('/api/v1/conversations/counts')).body.waiting,
      queue: (await client(t, admin).get('/api/v1/supervisor/overview')).body.queue.length,
    });
    expect(await waitingOn()).toEqual({ inbox: 1, queue: 1 });
    await client(t, amina).post(`/api/v1/conversations/${conversationId}/messages`, { clientId: newClientId(), body: 'We do!' });
    expect(await waitingOn()).toEqual({ inbox: 0, queue: 0 });
  });
});
