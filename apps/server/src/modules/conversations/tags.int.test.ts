import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildTeam, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { agentSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { teams } from '../teams/index.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

async function shop() {
  const workspace = await buildWorkspace(t);
  const [amina, jonas] = await Promise.all([
    buildAgent(t, workspace, { displayName: 'Amina Odhiambo' }),
    buildAgent(t, workspace, { displayName: 'Jonas Berg' }),
  ]);
  const [aminaSigned, jonasSigned] = await Promise.all([signIn(t, amina), signIn(t, jonas)]);
  return { workspace, amina, jonas, aminaSigned, jonasSigned, asAmina: client(t, aminaSigned), asJonas: client(t, jonasSigned) };
}

const tagsOf = (res: { body: { conversation: { tags: string[] } } }) => res.body.conversation.tags;

describe(`tags on conversations (${backend})`, () => {
  it('an agent tags a conversation: kept normalised, on the timeline for agents only, and announced to colleagues', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'My parcel went to the wrong town');
    const url = `/api/v1/conversations/${chat.conversationId}`;
    const watcher = await agentSocket(t, s.jonasSigned);

    const tagged = await s.asAmina.post(`${url}/tags`, { tag: '  Late Delivery ' });
    expect(tagged.status).toBe(200);
    expect(tagsOf(tagged)).toEqual(['late-delivery']);
    // The same tag again changes nothing, and leaves no second event.
    expect(tagsOf(await s.asAmina.post(`${url}/tags`, { tag: 'LATE-delivery' }))).toEqual(['late-delivery']);
    expect(tagsOf(await s.asAmina.post(`${url}/tags`, { tag: 'refund' }))).toEqual(['late-delivery', 'refund']);

    const frame = await watcher.next(
      'conversation',
      (f) => f.conversation.id === chat.conversationId && f.conversation.tags?.length === 2,
    );
    expect(frame.conversation.tags).toEqual(['late-delivery', 'refund']);

    const untagged = await s.asJonas.raw('DELETE', `${url}/tags/Late%20Delivery`);
    expect(untagged.status).toBe(200);
    expect(tagsOf(untagged)).toEqual(['refund']);

    const timeline = (await s.asAmina.get(`${url}/entries`)).body.entries as Array<{
      kind: string;
      body: string;
      event?: { type: string };
    }>;
    expect(timeline.filter((e) => e.kind === 'event' && e.event?.type.endsWith('tagged')).map((e) => e.body)).toEqual([
      'Amina Odhiambo tagged the conversation “late-delivery”',
      'Amina Odhiambo tagged the conversation “refund”',
      'Jonas Berg removed the tag “late-delivery”',
    ]);
    const customerSees = (
      await client(t, { visitorToken: chat.visitorToken }).get(`/api/v1/widget/conversations/${chat.conversationId}/entries`)
    ).body.entries as Array<{ body: string }>;
    expect(customerSees.map((e) => e.body).join(' ')).not.toMatch(/tag|refund/);
    watcher.close();
  });

  it('the inbox filters by tag, and the workspace tags are listed with their counts', async () => {
    const s = await shop();
    const [a, b, c] = await Promise.all([
      buildConversation(t, s.workspace, 'Refund please'),
      buildConversation(t, s.workspace, 'Refund and a late parcel'),
      buildConversation(t, s.workspace, 'Just saying hello'),
    ]);
    await s.asAmina.post(`/api/v1/conversations/${a.conversationId}/tags`, { tag: 'refund' });
    await s.asAmina.post(`/api/v1/conversations/${b.conversationId}/tags`, { tag: 'refund' });
    await s.asAmina.post(`/api/v1/conversations/${b.conversationId}/tags`, { tag: 'late' });

    const refunds = await s.asJonas.get('/api/v1/conversations?view=all&tag=Refund');
    expect(refunds.status).toBe(200);
    expect(refunds.body.conversations.map((x: { id: string }) => x.id).sort()).toEqual(
      [a.conversationId, b.conversationId].sort(),
    );
    const waitingLate = await s.asJonas.get('/api/v1/conversations?view=waiting&tag=late');
    expect(waitingLate.body.conversations.map((x: { id: string }) => x.id)).toEqual([b.conversationId]);
    expect((await s.asJonas.get('/api/v1/conversations?view=all&tag=unused')).body.conversations).toEqual([]);
    expect(c.conversationId).toBeTruthy();

    expect((await s.asJonas.get('/api/v1/tags')).body.tags).toEqual([
      { tag: 'refund', conversations: 2 },
      { tag: 'late', conversations: 1 },
    ]);
    const bad = await s.asJonas.get('/api/v1/conversations?view=all&tag=no%20way!');
    expect([bad.status, bad.body.error.message]).toEqual([400, 'tag uses letters, digits, - or _ only']);
  });

  it('refuses bad tags with a clear 400, and at most 20 tags on one conversation', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace);
    const url = `/api/v1/conversations/${chat.conversationId}/tags`;
    for (const [tag, message] of [
      ['', 'tag must not be empty'],
      ['   ', 'tag must not be empty'],
      ['x'.repeat(33), 'tag is at most 32 characters'],
      ['x'.repeat(500), 'tag is at most 32 characters'],
      ['vip!', 'tag uses letters, digits, - or _ only'],
    ] as const) {
      const res = await s.asAmina.post(url, { tag });
      expect([res.status, res.body.error?.message]).toEqual([400, message]);
    }
    for (let i = 0; i < 20; i++) expect((await s.asAmina.post(url, { tag: `t${i}` })).status).toBe(200);
    const over = await s.asAmina.post(url, { tag: 'one-more' });
    expect([over.status, over.body.error.message]).toEqual([400, 'a conversation carries at most 20 tags; remove one first']);
    expect((await s.asAmina.get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation.tags).toHaveLength(20);
  });

  it("nobody tags or reads the tags of a conversation they may not see: another workspace's, a restricted team's", async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace);
    await s.asAmina.post(`/api/v1/conversations/${chat.conversationId}/tags`, { tag: 'private-matter' });
    const elsewhere = await shop();
    const foreign = await elsewhere.asAmina.post(`/api/v1/conversations/${chat.conversationId}/tags`, { tag: 'mine' });
    expect(foreign.status).toBe(404);
    expect(
      (await elsewhere.asAmina.raw('DELETE', `/api/v1/conversations/${chat.conversationId}/tags/private-matter`)).status,
    ).toBe(404);
    expect((await elsewhere.asAmina.get('/api/v1/tags')).body.tags).toEqual([]);
    expect((await elsewhere.asAmina.get('/api/v1/conversations?view=all&tag=private-matter')).body.conversations).toEqual([]);

    // Restricted to a team Jonas is not in: its tags are not his to see or change.
    const team = await buildTeam(t, s.workspace, { members: [s.amina] });
    await teams.update(t.db, s.workspace.id, team.id, { restricted: true });
    const admin = client(t, await signIn(t, await buildAgent(t, s.workspace, { role: 'admin' })));
    await admin.patch(`/api/v1/conversations/${chat.conversationId}`, { teamId: team.id });
    expect((await s.asJonas.post(`/api/v1/conversations/${chat.conversationId}/tags`, { tag: 'peek' })).status).toBe(404);
    expect((await s.asJonas.get('/api/v1/tags')).body.tags).toEqual([]);
    expect((await s.asAmina.get('/api/v1/tags')).body.tags).toEqual([{ tag: 'private-matter', conversations: 1 }]);
    const unchanged = await s.asAmina.get(`/api/v1/conversations/${chat.conversationId}`);
    expect(unchanged.body.conversation.tags).toEqual(['private-matter']);
  });
});
