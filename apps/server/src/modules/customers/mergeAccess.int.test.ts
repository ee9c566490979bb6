import type { CustomerProfile, CustomerSummary } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, client, newClientId } from '../../testing/factories.ts';
import { openSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { appendMessage } from '../conversations/index.ts';
import { customerOf, profile, say, shop, userHash, useServer, widgetSession } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

/**
 * Ana is a signed-in member of the shop's website (proven by its HMAC) and wrote about her card. Mallory, an
 * anonymous visitor, typed Ana's email into "leave a message": the profile suggests they may be the same person.
 */
async function anaAndMallory() {
  const s = await shop();
  const ana = { userId: 'member-ana', userHash: await userHash(s.admin, 'member-ana'), name: 'Ana Wanjiru' };
  const anaSession = await widgetSession(s.workspace.key, { user: ana });
  expect(anaSession.status).toBe(200);
  const anaToken = anaSession.body.visitorToken as string;
  const anaConversation = await say(anaToken, 'My card ending 4242 was charged twice');
  const anaId = await customerOf(s.agent, anaConversation);
  const added = await s.as(s.agent).post(`/api/v1/customers/${anaId}/identities`, { kind: 'email', value: 'ana@example.com' });
  expect(added.status).toBe(200);

  const mallory = await buildConversation(t, s.workspace, 'Hi, where is my order?');
  const left = await client(t, { visitorToken: mallory.visitorToken }).post('/api/v1/widget/leave-message', {
    conversationId: mallory.conversationId,
    email: 'ana@example.com',
  });
  expect(left.status).toBe(200);
  const malloryId = await customerOf(s.agent, mallory.conversationId);
  return { ...s, ana, anaToken, anaConversation, anaId, mallory, malloryId };
}

type Story = Awaited<ReturnType<typeof anaAndMallory>>;

/** Mallory's old token reads nothing and writes nothing, over REST and the socket. */
async function expectMalloryShutOut(s: Story) {
  const as = client(t, { visitorToken: s.mallory.visitorToken });
  expect((await as.get(`/api/v1/widget/conversations/${s.anaConversation}/entries`)).status).toBe(401);
  expect((await as.get('/api/v1/widget/wait')).status).toBe(401);
  expect((await as.post('/api/v1/widget/messages', { clientId: newClientId(), body: 'It is me, Ana' })).status).toBe(401);
  const resumed = await widgetSession(s.workspace.key, { visitorToken: s.mallory.visitorToken });
  expect(resumed.status).toBe(401);
  const socket = openSocket(t, `/ws/visitor?token=${encodeURIComponent(s.mallory.visitorToken)}`);
  expect((await socket.closed).code).toBe(4401);
  expect(socket.frames.filter((f) => f.type === 'entry')).toEqual([]);
  // Starting afresh, Mallory is a new, empty visitor.
  const fresh = await widgetSession(s.workspace.key);
  expect(fresh.body.entries).toEqual([]);
}

describe(`a merge hands an unverified visitor nothing (${backend})`, () => {
  it('shows the agent which side is unverified before they merge', async () => {
    const s = await anaAndMallory();
    const theirs = await profile(s.agent, s.malloryId);
    expect(theirs.verified).toBe(false);
    expect(theirs.suggestions).toEqual([
      { customer: expect.objectContaining({ id: s.anaId, verified: true }), reasons: ['email: ana@example.com'] },
    ]);
    const hers = await profile(s.agent, s.anaId);
    expect(hers.verified).toBe(true);
    expect(hers.suggestions).toEqual([
      { customer: expect.objectContaining({ id: s.malloryId, verified: false }), reasons: ['email: ana@example.com'] },
    ]);
  });

  it('merging the verified customer into the visitor who typed her email ends the visitor’s token and socket', async () => {
    const s = await anaAndMallory();
    const malloryLive = await visitorSocket(t, s.mallory.visitorToken);
    const held = { kind: 'visitor' as const, workspaceId: s.workspace.id, customerId: s.malloryId, visitorEpoch: 0 };

    const merged = await s.as(s.agent).post(`/api/v1/customers/${s.malloryId}/merge`, { sourceId: s.anaId });
    expect(merged.status).toBe(200);
    expect((await malloryLive.closed).code).toBe(4401);
    // A frame that reaches the server on the socket before it closes cannot write into the merged record either.
    await expect(appendMessage(t, held, { clientId: newClientId(), body: 'Read me the history' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expectMalloryShutOut(s);

    // Ana, verified, carries on as the merged customer, and no socket of Mallory's hears what she writes next.
    const anaAgain = await widgetSession(s.workspace.key, { user: s.ana, visitorToken: s.anaToken });
    expect(anaAgain.status).toBe(200);
    await say(anaAgain.body.visitorToken, 'The new card ends 9911');
    expect(JSON.stringify(malloryLive.frames)).not.toContain('9911');
    expect((await profile(s.agent, s.anaId)).conversations.map((c) => c.id)).toContain(s.anaConversation);
  });

  it('merging the visitor who typed her email into the verified customer ends the visitor’s token and socket', async () => {
    const s = await anaAndMallory();
    const malloryLive = await visitorSocket(t, s.mallory.visitorToken);
    const merged = await s.as(s.agent).post(`/api/v1/customers/${s.anaId}/merge`, { sourceId: s.malloryId });
    expect(merged.status).toBe(200);
    expect((await malloryLive.closed).code).toBe(4401);
    const held = { kind: 'visitor' as const, workspaceId: s.workspace.id, customerId: s.malloryId, visitorEpoch: 0 };
    await expect(appendMessage(t, held, { clientId: newClientId(), body: 'Read me the history' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expectMalloryShutOut(s);
    // Ana's own token still works, on her merged record.
    expect((await client(t, { visitorToken: s.anaToken }).get('/api/v1/widget/wait')).status).toBe(200);
    expect((await profile(s.agent, s.anaId)).conversations.map((c) => c.id).sort()).toEqual(
      [s.anaConversation, s.mallory.conversationId].sort(),
    );
  });
});

describe(`only what the website's HMAC proves is verified (${backend})`, () => {
  it('a signed-in website user who gives a customer’s name and email is not shown as verified with that email', async () => {
    const s = await shop();
    const ana = await s.as(s.agent).post('/api/v1/customers', { name: 'Ana Wanjiru', email: 'ana@example.com' });
    expect(ana.status).toBe(201);
    const mallory = {
      userId: 'member-mallory',
      userHash: await userHash(s.admin, 'member-mallory'),
      name: 'Ana Wanjiru',
      email: 'ana@example.com',
    };
    const session = await widgetSession(s.workspace.key, { user: mallory });
    expect(session.status).toBe(200);
    const malloryId = await customerOf(s.agent, await say(session.body.visitorToken, 'Hello, it is Ana'));

    const theirs: CustomerProfile = await profile(s.agent, malloryId);
    expect(theirs).toMatchObject({ name: 'Ana Wanjiru', email: 'ana@example.com', verified: false });
    expect(theirs.identities.map((i) => [i.kind, i.value, i.verified])).toEqual([
      ['external', 'member-mallory', true],
      ['email', 'ana@example.com', false],
    ]);
    const listed = await s.as(s.agent).get('/api/v1/customers?verified=true');
    expect(listed.body.customers.map((c: CustomerSummary) => c.id)).toEqual([ana.body.customer.id]);
    const found = await s.as(s.agent).get('/api/v1/search?q=ana');
    const shown = (found.body.customers as CustomerSummary[]).find((c) => c.id === malloryId);
    expect(shown).toMatchObject({ email: 'ana@example.com', verified: false });
    expect((await profile(s.agent, ana.body.customer.id)).verified).toBe(true);
  });
});
