import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, newClientId, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

describe(`how the customer feels (${backend})`, () => {
  it('an upset message is read, shown to the agent, and raises the conversation in the queue', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await signIn(t, await buildAgent(t, workspace, { presence: 'away' }));
    const calm = await buildConversation(t, workspace, 'Hello, do you sell gift cards?');
    const angry = await buildConversation(
      t,
      workspace,
      'This is the THIRD time I am asking and nobody answers!!! My parcel is lost.',
    );

    const entries = (await client(t, agent).get(`/api/v1/conversations/${angry.conversationId}/entries`)).body.entries;
    const message = entries.find((e: { kind: string }) => e.kind === 'message');
    expect(message.emotion).toMatchObject({ upset: true });
    expect(['angry', 'frustrated']).toContain(message.emotion.label);

    const upset = (await client(t, agent).get(`/api/v1/conversations/${angry.conversationId}`)).body.conversation;
    expect(upset).toMatchObject({ upset: true });
    expect(upset.effectivePriority).toBeGreaterThan(0);
    // Though they wrote later, the upset customer is first in line.
    const waiting = (await client(t, agent).get('/api/v1/conversations?view=waiting')).body.conversations.map(
      (c: { id: string }) => c.id,
    );
    expect(waiting).toContain(calm.conversationId);
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor' }));
    const queue = (await client(t, supervisor).get('/api/v1/supervisor/overview')).body.queue.map(
      (q: { conversation: { id: string } }) => q.conversation.id,
    );
    expect(queue.indexOf(angry.conversationId)).toBeLessThan(queue.indexOf(calm.conversationId));
  });

  it("the customer's latest message sets the mood: a thankful follow-up calms it again", async () => {
    const workspace = await buildWorkspace(t);
    const agent = await signIn(t, await buildAgent(t, workspace, { presence: 'away' }));
    const { conversationId, visitorToken } = await buildConversation(
      t,
      workspace,
      'I am so worried, my flight is tomorrow and I have no ticket!',
    );
    expect((await client(t, agent).get(`/api/v1/conversations/${conversationId}`)).body.conversation.upset).toBe(true);
    await client(t, { visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Oh it just arrived, thank you so much!',
    });
    expect((await client(t, agent).get(`/api/v1/conversations/${conversationId}`)).body.conversation.upset).toBe(false);
  });

  it('the customer never sees how we read their feelings', async () => {
    const workspace = await buildWorkspace(t);
    const { conversationId, visitorToken, entry } = await buildConversation(
      t,
      workspace,
      'You have ruined my wedding. I am furious.',
    );
    expect(entry.emotion).toBeUndefined();
    const history = (await client(t, { visitorToken }).get(`/api/v1/widget/conversations/${conversationId}/entries`)).body
      .entries;
    expect(history.every((e: { emotion?: unknown }) => e.emotion === undefined)).toBe(true);
    const session = await client(t).post('/api/v1/widget/session', { workspaceKey: workspace.key, visitorToken });
    expect(JSON.stringify(session.body)).not.toContain('"emotion"');
  });
});
