import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../core/jobs/jobs.ts';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { DEFAULT_TEAM_SETTINGS } from '../teams/index.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

type Timeline = Array<{ kind: string; body: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** Time passes: the customer wrote `seconds` earlier than they did. */
async function wroteEarlier(conversationId: string, seconds: number) {
  await t.db.query(
    `update conversations set started_at = started_at - make_interval(secs => $2), queue_since = queue_since - make_interval(secs => $2)
     where id = $1`,
    [conversationId, seconds],
  );
}

/** The time-to-human check the server schedules when a conversation joins the queue, due `target` seconds after. */
async function timeToHumanCheckDue(workspace: { id: string }, conversationId: string, targetSeconds: number) {
  const [row] = await t.db.query<{ queueSince: Date }>(`select queue_since as "queueSince" from conversations where id = $1`, [
    conversationId,
  ]);
  const runAt = new Date(new Date(row!.queueSince).getTime() + targetSeconds * 1000);
  expect(runAt.getTime()).toBeLessThanOrEqual(Date.now());
  await t.db.transaction((tx) => jobs.schedule(tx, workspace.id, { kind: 'time_to_human', runAt, payload: { conversationId } }));
  await runDueJobs(t, workspace);
}

async function conversation(signed: Signed, id: string) {
  return (await client(t, signed).get(`/api/v1/conversations/${id}`)).body.conversation;
}

describe(`time to human and escalation (${backend})`, () => {
  it("a conversation still waiting past its team's time-to-human target is escalated and goes ahead of earlier customers", async () => {
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', capacity: { chat: 1 } });
    const team = await buildTeam(t, workspace, { name: 'Billing', targetSeconds: 10, members: [amina] });
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const earlier = await buildConversation(t, workspace, 'A general question');
    const billing = await buildConversation(t, workspace, 'A question about my invoice');
    await client(t, admin).patch(`/api/v1/conversations/${billing.conversationId}`, { teamId: team.id });
    await client(t, admin).patch(`/api/v1/conversations/${earlier.conversationId}`, { teamId: team.id });
    // Both have waited a while; only the billing customer is past the ten-second target when it is checked.
    await wroteEarlier(earlier.conversationId, 15);
    await wroteEarlier(billing.conversationId, 11);
    expect(
      (await client(t, admin).get('/api/v1/supervisor/overview')).body.queue.map(
        (q: { conversation: { id: string } }) => q.conversation.id,
      ),
    ).toEqual([earlier.conversationId, billing.conversationId]);

    await timeToHumanCheckDue(workspace, billing.conversationId, team.targetSeconds);
    const escalated = await conversation(admin, billing.conversationId);
    expect(escalated).toMatchObject({ status: 'waiting', escalatedAt: expect.any(String), effectivePriority: 40 });
    const timeline = (await client(t, admin).get(`/api/v1/conversations/${billing.conversationId}/entries`)).body
      .entries as Timeline;
    const events = timeline.filter((e) => e.event?.type === 'escalated');
    expect(events).toHaveLength(1);
    expect(events[0]!.body).toMatch(/10-second time-to-human target/);
    expect((await conversation(admin, earlier.conversationId)).escalatedAt).toBeNull();

    const overview = (await client(t, admin).get('/api/v1/supervisor/overview')).body;
    expect(
      overview.queue.map((q: { conversation: { id: string }; position: number }) => [q.conversation.id, q.position]),
    ).toEqual([
      [billing.conversationId, 0],
      [earlier.conversationId, 1],
    ]);
    // The next free person takes the escalated customer first.
    await client(t, await signIn(t, amina)).put('/api/v1/agents/me/presence', { presence: 'available' });
    expect((await conversation(admin, billing.conversationId)).assignee).toMatchObject({ displayName: 'Amina' });
    expect((await conversation(admin, earlier.conversationId)).assignee).toBeNull();
  });

  it('time to human is measured from first contact to the first human reply; assignment, notes and escalation do not count', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const { conversationId } = await buildConversation(t, workspace, 'Hello?');
    // No team: the default time-to-human target applies.
    await wroteEarlier(conversationId, DEFAULT_TEAM_SETTINGS.targetSeconds + 10);
    const assigned = await conversation(amina, conversationId);
    expect(assigned).toMatchObject({ assignee: { displayName: 'Amina' }, timeToHumanSeconds: null, humanConnectedAt: null });

    await client(t, amina).post(`/api/v1/conversations/${conversationId}/notes`, {
      clientId: newClientId(),
      body: 'Looking up the order',
    });
    await timeToHumanCheckDue(workspace, conversationId, DEFAULT_TEAM_SETTINGS.targetSeconds);
    const escalated = await conversation(amina, conversationId);
    expect(escalated).toMatchObject({ escalatedAt: expect.any(String), timeToHumanSeconds: null, humanConnectedAt: null });

    await client(t, amina).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Hi, I am Amina.',
    });
    const replied = await conversation(amina, conversationId);
    expect(replied.timeToHumanSeconds).toBeGreaterThanOrEqual(DEFAULT_TEAM_SETTINGS.targetSeconds + 10);
    expect(replied.timeToHumanSeconds).toBeLessThan(DEFAULT_TEAM_SETTINGS.targetSeconds + 30);
    await client(t, amina).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body: 'One moment.',
    });
    expect((await conversation(amina, conversationId)).timeToHumanSeconds).toBe(replied.timeToHumanSeconds);
  });

  it("the supervisor overview shows the queue in order, each agent's load, and today's median and p90 time to human; agents may not see it", async () => {
    const workspace = await buildWorkspace(t);
    const aminaAgent = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available', capacity: { chat: 3 } });
    const amina = await signIn(t, aminaAgent);
    const handled = [];
    for (const seconds of [100, 10, 20]) {
      const { conversationId } = await buildConversation(t, workspace, `waited ${seconds} s`);
      await client(t, amina).post(`/api/v1/conversations/${conversationId}/messages`, {
        clientId: newClientId(),
        body: 'Hello!',
      });
      // The customer first wrote this long before the reply.
      await t.db.query('update conversations set started_at = human_connected_at - make_interval(secs => $2) where id = $1', [
        conversationId,
        seconds,
      ]);
      handled.push(conversationId);
    }
    const calm = await buildConversation(t, workspace, 'When do you open?');
    const upset = await buildConversation(t, workspace, 'This is the third time I write!!');
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Sam' }));
    await client(t, supervisor).patch(`/api/v1/conversations/${upset.conversationId}`, { upset: true });

    const denied = await client(t, amina).get('/api/v1/supervisor/overview');
    expect(denied.status).toBe(403);
    const res = await client(t, supervisor).get('/api/v1/supervisor/overview');
    expect(res.status).toBe(200);
    expect(
      res.body.queue.map((q: { conversation: { id: string }; position: number; mood: string; waitingSeconds: number }) => ({
        id: q.conversation.id,
        position: q.position,
        mood: q.mood,
      })),
    ).toEqual([
      { id: upset.conversationId, position: 0, mood: 'upset' },
      { id: calm.conversationId, position: 1, mood: 'calm' },
    ]);
    const loads = Object.fromEntries(
      res.body.agents.map((a: { agent: { displayName: string }; load: Record<string, number> }) => [a.agent.displayName, a.load]),
    );
    expect(loads).toEqual({ Amina: { chat: 3 }, Sam: {} });
    expect(res.body.timeToHuman.today).toMatchObject({ count: 3, medianSeconds: 20, p90Seconds: 100 });
    // Beside chat, the calls and walk-ins of the day, each timed from their own first moment.
    expect(res.body.timeToHuman.today.byChannel).toEqual({
      chat: { count: 3, medianSeconds: 20 },
      phone: { count: 0, medianSeconds: null },
      walkIn: { count: 0, medianSeconds: null },
    });
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    expect((await client(t, admin).get('/api/v1/supervisor/overview')).status).toBe(200);
  });

  it('a returning customer who waits again past the target escalates again, although a person helped them before', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' }));
    const { conversationId, visitorToken } = await buildConversation(t, workspace, 'Where is my order?');
    await client(t, amina).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body: 'On its way!',
    });
    await client(t, amina).post(`/api/v1/conversations/${conversationId}/resolve`);
    const again = await client(t, { visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'It never came.',
    });
    expect(again.status).toBe(201);
    expect((await conversation(amina, conversationId)).status).toBe('waiting');

    await wroteEarlier(conversationId, DEFAULT_TEAM_SETTINGS.targetSeconds + 10);
    await timeToHumanCheckDue(workspace, conversationId, DEFAULT_TEAM_SETTINGS.targetSeconds);
    expect((await conversation(amina, conversationId)).escalatedAt).toEqual(expect.any(String));
  });

  it("a conversation moved to a team is held to that team's time-to-human target, longer or shorter", async () => {
    const workspace = await buildWorkspace(t);
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', presence: 'away' }));
    const patient = await buildTeam(t, workspace, { targetSeconds: 600 });
    const { conversationId } = await buildConversation(t, workspace, 'Question about a custom cake');
    expect((await client(t, supervisor).patch(`/api/v1/conversations/${conversationId}`, { teamId: patient.id })).status).toBe(
      200,
    );

    // Past the default two minutes but inside the team's ten: the check due now does not escalate.
    await wroteEarlier(conversationId, 200);
    await timeToHumanCheckDue(workspace, conversationId, DEFAULT_TEAM_SETTINGS.targetSeconds);
    expect((await conversation(supervisor, conversationId)).escalatedAt).toBeNull();

    // Past the team's target, the check the server rescheduled for it escalates.
    await wroteEarlier(conversationId, 420);
    await t.db.query(`update jobs set run_at = now() where workspace_id = $1 and status = 'pending' and kind = 'time_to_human'`, [
      workspace.id,
    ]);
    await runDueJobs(t, workspace);
    expect((await conversation(supervisor, conversationId)).escalatedAt).toEqual(expect.any(String));
  });
});
