import type { Alert, Recovery } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { startJobRunner } from '../../core/jobs/runner.ts';
import { jobHandlers } from '../../jobHandlers.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

async function floor() {
  const workspace = await buildWorkspace(t);
  const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Priya' }));
  const agent = await signIn(t, await buildAgent(t, workspace, { displayName: 'Jonas' }));
  return { workspace, supervisor, agent };
}

async function say(visitorToken: string, body: string) {
  const res = await client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: newClientId(), body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

async function openAlerts(who: Signed): Promise<Alert[]> {
  const res = await client(t, who).get('/api/v1/alerts');
  expect(res.status).toBe(200);
  return res.body.alerts;
}

describe(`moods that need a person (${backend})`, () => {
  it('raises the priority of an upset customer and tells the supervisor when the mood drops and stays down', async () => {
    const f = await floor();
    const chat = await buildConversation(t, f.workspace, 'Thank you so much, the bread was lovely last week!');
    const before = (await client(t, f.supervisor).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation;
    expect(before).toMatchObject({ upset: false, mood: 'grateful' });

    const supervisorSocket = await agentSocket(t, f.supervisor);
    const agentSocketOpen = await agentSocket(t, f.agent);
    const angry = await say(chat.visitorToken, 'This is ridiculous. Third time asking and NOBODY answers!!');
    expect(angry.emotion).toBeUndefined(); // how we read them is never sent back to the customer
    const after = (await client(t, f.supervisor).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation;
    expect(after).toMatchObject({ upset: true, mood: 'angry' });
    expect(after.effectivePriority).toBeGreaterThan(before.effectivePriority);

    const drop = await supervisorSocket.next('alert', (f) => f.alert.kind === 'mood_drop');
    expect(drop.alert).toMatchObject({
      conversationId: chat.conversationId,
      text: 'Mood dropped sharply: from thankful to angry',
    });

    await say(chat.visitorToken, 'Still waiting. This is so frustrating.');
    await say(chat.visitorToken, 'Hello?? Is anyone there? I am really annoyed now.');
    const streak = await supervisorSocket.next('alert', (f) => f.alert.kind === 'upset_streak');
    expect(streak.alert.text).toMatch(/^Upset for 3 messages in a row/);
    expect((await openAlerts(f.supervisor)).map((a) => a.kind).sort()).toEqual(['mood_drop', 'upset_streak']);

    // Supervisors are told; the agent's socket is not (and the agent's alert list is only their follow-ups).
    await agentSocketOpen.sync();
    expect(agentSocketOpen.frames.filter((frame) => frame.type === 'alert')).toEqual([]);
    expect(await openAlerts(f.agent)).toEqual([]);

    const taken = await client(t, f.supervisor).post(`/api/v1/alerts/${drop.alert.id}/acknowledge`);
    expect(taken.body.alert.acknowledgedBy.displayName).toBe('Priya');
    // Every supervisor's screen hears that it was taken.
    await supervisorSocket.next('alert', (f) => f.alert.id === drop.alert.id && f.alert.acknowledgedAt !== null);
    expect((await openAlerts(f.supervisor)).map((a) => a.kind)).toEqual(['upset_streak']);
    const overview = (await client(t, f.supervisor).get('/api/v1/supervisor/overview')).body;
    expect(overview.alerts.map((a: Alert) => a.kind)).toEqual(['upset_streak']);
    expect(overview.queue.find((q: { conversation: { id: string } }) => q.conversation.id === chat.conversationId)).toMatchObject(
      {
        mood: 'upset',
        conversation: { mood: 'frustrated' },
      },
    );
    supervisorSocket.close();
    agentSocketOpen.close();
  });

  it('tells the supervisor when an upset customer waits past the target', async () => {
    const f = await floor();
    const chat = await buildConversation(t, f.workspace, 'I am furious, my order is wrong and nobody is answering!');
    await t.db.query(`update jobs set run_at = now() where workspace_id = $1 and kind = 'time_to_human'`, [f.workspace.id]);
    await t.db.query("update conversations set queue_since = now() - interval '1 hour' where id = $1", [chat.conversationId]);
    await runDueJobs(t, f.workspace);
    const alerts = await openAlerts(f.supervisor);
    expect(alerts.find((a) => a.kind === 'upset_waiting')).toMatchObject({ conversationId: chat.conversationId });
  });
});

describe(`service recovery (${backend})`, () => {
  it('flags a failure by rule when an angry customer writes of loss, and starts the checklist', async () => {
    const f = await floor();
    const chat = await buildConversation(t, f.workspace, 'My order NEVER ARRIVED and you took my money. Unacceptable!');
    const conversation = (await client(t, f.agent).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation;
    expect(conversation.serviceFailure).toBe(true);
    const recovery = (await client(t, f.agent).get(`/api/v1/conversations/${chat.conversationId}/recovery`)).body.recovery;
    expect(recovery).toMatchObject({ reason: 'The customer wrote of it: never arrived', flaggedBy: null, recovered: false });
    // The customer never sees that they were flagged.
    const theirs = await client(t, { visitorToken: chat.visitorToken }).get(
      `/api/v1/widget/conversations/${chat.conversationId}/entries`,
    );
    expect(theirs.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['message']);
    const calm = await buildConversation(t, f.workspace, 'Did my order arrive at the office? No rush, thanks!');
    expect((await client(t, f.agent).get(`/api/v1/conversations/${calm.conversationId}/recovery`)).body.recovery).toBeNull();
  });

  it('follows the checklist to a recovery, and reminds the owner of the follow-up once, whoever runs it', async () => {
    const f = await floor();
    const chat = await buildConversation(t, f.workspace, 'The cake arrived but the box was wet.');
    const as = client(t, f.agent);
    const url = `/api/v1/conversations/${chat.conversationId}/recovery`;
    expect((await as.post(url, { step: 'acknowledged' })).status).toBe(409);
    const flagged = await as.post(`/api/v1/conversations/${chat.conversationId}/service-failure`, { reason: 'Wet cake box' });
    expect(flagged.body.recovery.flaggedBy.displayName).toBe('Jonas');
    expect((await as.post(`/api/v1/conversations/${chat.conversationId}/service-failure`, { reason: '' })).status).toBe(400);

    await as.post(url, { step: 'acknowledged' });
    await as.post(url, { step: 'fixed', note: 'A fresh cake by courier at 4 pm' });
    const noValue = await as.post(url, { step: 'compensation', kind: 'refund' });
    expect(noValue.status).toBe(400);
    expect(noValue.body.error.message).toMatch(/value/);
    const paid = await as.post(url, { step: 'compensation', kind: 'refund', valueCents: 150000, currency: 'KES' });
    expect(paid.body.recovery.steps.compensation).toMatchObject({ kind: 'refund', valueCents: 150000, currency: 'KES' });
    expect((await as.post(url, { step: 'follow_up', at: new Date(Date.now() - 60_000).toISOString() })).status).toBe(400);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await as.post(url, { step: 'follow_up', at, note: 'Ask how the party went' });
    expect(scheduled.body.recovery.steps.followUp).toMatchObject({ scheduledFor: at, reminded: false });

    // The time comes (moved forward, not waited for). Two runners take due jobs, as two worker nodes would.
    await t.db.query(`update jobs set run_at = now() where workspace_id = $1 and kind = 'recovery_follow_up'`, [f.workspace.id]);
    const otherNode = startJobRunner(t, jobHandlers, { pollMs: 60_000 });
    await Promise.all([otherNode.runDue(), runDueJobs(t, f.workspace), otherNode.runDue()]);
    await runDueJobs(t, f.workspace);
    otherNode.stop();
    const reminders = (await openAlerts(f.agent)).filter((a) => a.kind === 'follow_up_due');
    expect(reminders).toEqual([expect.objectContaining({ conversationId: chat.conversationId })]);
    expect(reminders[0]!.text).toContain('Ask how the party went');
    const notes = (await as.get(`/api/v1/conversations/${chat.conversationId}/entries`)).body.entries.filter(
      (e: { kind: string; body: string }) => e.kind === 'note' && e.body.startsWith('Time to follow up'),
    );
    expect(notes).toHaveLength(1);

    const done = (await as.post(url, { step: 'followed_up', note: 'She loved it' })).body.recovery as Recovery;
    expect(done.recovered).toBe(true);
    const overview = (await client(t, f.supervisor).get('/api/v1/supervisor/overview')).body;
    expect(overview.serviceRecovery).toEqual({ flagged: 1, recovered: 1, byRule: 0 });
  });
});
