import type { WaitEstimate } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

async function waitOf(visitorToken: string): Promise<WaitEstimate> {
  const res = await client(t, { visitorToken }).get('/api/v1/widget/wait');
  expect(res.status).toBe(200);
  return res.body.wait;
}

/** The range in the words must be the range in the numbers: "about 8–12 minutes" is 480–720 seconds. */
function expectHonestRange(wait: WaitEstimate) {
  expect(wait.range).not.toBeNull();
  expect(wait.seconds).not.toBeNull();
  const minutes = wait.text.match(/about (\d+)–(\d+) minutes/);
  if (minutes) {
    expect(wait.range).toEqual({ low: Number(minutes[1]) * 60, high: Number(minutes[2]) * 60 });
  } else {
    expect(wait.text).toMatch(/about a minute/);
    expect(wait.range).toEqual({ low: 0, high: 90 });
  }
  expect(wait.range!.low).toBeLessThan(wait.range!.high);
}

describe(`honest waits (${backend})`, () => {
  it('a waiting visitor is told their place in line and a range of minutes, and offered a choice when the wait is long', async () => {
    const workspace = await buildWorkspace(t);
    await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available', capacity: { chat: 1 } });
    const served = await buildConversation(t, workspace, 'first');
    const next = await buildConversation(t, workspace, 'second');
    const later = await buildConversation(t, workspace, 'third');

    const nextWait = await waitOf(next.visitorToken);
    expect(nextWait).toMatchObject({ position: 0, agentsOnShift: 1, agentsAvailable: 1 });
    expectHonestRange(nextWait);

    const laterWait = await waitOf(later.visitorToken);
    expect(laterWait).toMatchObject({ position: 1, agentsOnShift: 1 });
    expectHonestRange(laterWait);
    expect(laterWait.seconds!).toBeGreaterThan(nextWait.seconds!);
    // One person with room for one chat and two people ahead: over five minutes, so a better choice is offered.
    expect(laterWait.seconds!).toBeGreaterThan(300);
    expect(laterWait.choices).toEqual(expect.arrayContaining(['callback', 'leave_message']));

    const servedWait = await waitOf(served.visitorToken);
    expect(servedWait).toMatchObject({ position: null, choices: [] });
    expect(servedWait.text).toContain('Amina');
  });

  it('with nobody on shift there is no number: the visitor is told so and offered a callback or a message', async () => {
    const workspace = await buildWorkspace(t);
    await buildAgent(t, workspace, { displayName: 'Olu', presence: 'away' });
    const { visitorToken } = await buildConversation(t, workspace, 'Anyone there?');
    const wait = await waitOf(visitorToken);
    expect(wait).toMatchObject({ position: 0, agentsOnShift: 0, seconds: null, range: null });
    expect(wait.text).toMatch(/Nobody is on shift right now, so we can't promise a time/);
    expect(wait.choices).toEqual(expect.arrayContaining(['callback', 'leave_message']));
  });

  it('a waiting visitor receives a new wait on their socket when the customer ahead of them is taken', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await signIn(
      t,
      await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available', capacity: { chat: 1 } }),
    );
    const served = await buildConversation(t, workspace, 'first');
    const ahead = await buildConversation(t, workspace, 'second');
    const behind = await buildConversation(t, workspace, 'third');
    expect((await waitOf(behind.visitorToken)).position).toBe(1);

    const socket = await visitorSocket(t, behind.visitorToken);
    await client(t, amina).post(`/api/v1/conversations/${served.conversationId}/resolve`);
    const frame = await socket.next('wait', (f) => f.wait.position === 0);
    expectHonestRange(frame.wait);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const taken = (await client(t, admin).get(`/api/v1/conversations/${ahead.conversationId}`)).body.conversation;
    expect(taken.assignee).toMatchObject({ displayName: 'Amina' });
    socket.close();
  });
});
