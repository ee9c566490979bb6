import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildTeam, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** A shop with an admin, a supervisor and an agent signed in, and a customer who wrote. */
async function shop() {
  const workspace = await buildWorkspace(t);
  const [admin, supervisor, agent] = await Promise.all([
    buildAgent(t, workspace, { role: 'admin', displayName: 'Amina Odhiambo' }),
    buildAgent(t, workspace, { role: 'supervisor', displayName: 'Priya Nair' }),
    buildAgent(t, workspace, { displayName: 'Jonas Berg' }),
  ]);
  const chat = await buildConversation(t, workspace, 'Where is my parcel?');
  const as = {
    admin: client(t, await signIn(t, admin)),
    supervisor: client(t, await signIn(t, supervisor)),
    agent: client(t, await signIn(t, agent)),
  };
  return { workspace, admin, agent, chat, as };
}

const greeting = {
  shortcut: 'Parcel-Late',
  title: 'Parcel is late',
  body: 'Hi {{customer.first_name}}, {{agent.first_name}} here. So sorry!',
};

describe(`saved replies (${backend})`, () => {
  it('an admin saves a reply; an agent uses it and gets it filled for the customer and for themselves', async () => {
    const s = await shop();
    const created = await s.as.admin.post('/api/v1/saved-replies', greeting);
    expect(created.status).toBe(201);
    // Shortcuts are kept lower case: "/parcel-late" finds it whatever the admin typed.
    expect(created.body.savedReply).toMatchObject({ shortcut: 'parcel-late', title: 'Parcel is late', team: null, uses: 0 });
    const id = created.body.savedReply.id as string;

    const listed = await s.as.agent.get('/api/v1/saved-replies');
    expect(listed.body.savedReplies.map((r: { id: string }) => r.id)).toEqual([id]);

    // The visitor has no name yet: a graceful "there".
    const nameless = await s.as.agent.post(`/api/v1/saved-replies/${id}/use`, { conversationId: s.chat.conversationId });
    expect(nameless.status).toBe(200);
    expect(nameless.body.text).toBe('Hi there, Jonas here. So sorry!');

    const customerId = (await s.as.admin.get(`/api/v1/conversations/${s.chat.conversationId}`)).body.conversation.customer.id;
    await s.as.admin.patch(`/api/v1/customers/${customerId}`, { name: 'Wanjiru Kamau' });
    const named = await s.as.agent.post(`/api/v1/saved-replies/${id}/use`, { conversationId: s.chat.conversationId });
    expect(named.body.text).toBe('Hi Wanjiru, Jonas here. So sorry!');
    expect(named.body.savedReply.uses).toBe(2);
    expect(named.body.savedReply.lastUsedAt).not.toBeNull();
    expect((await s.as.admin.get('/api/v1/saved-replies')).body.savedReplies[0].uses).toBe(2);
  });

  it('supervisors edit and delete replies; agents may only use them', async () => {
    const s = await shop();
    const id = (await s.as.supervisor.post('/api/v1/saved-replies', greeting)).body.savedReply.id as string;

    const edited = await s.as.supervisor.patch(`/api/v1/saved-replies/${id}`, { body: 'Hello {{customer.name}}' });
    expect(edited.status).toBe(200);
    expect(edited.body.savedReply).toMatchObject({ shortcut: 'parcel-late', body: 'Hello {{customer.name}}' });

    for (const res of [
      await s.as.agent.post('/api/v1/saved-replies', { ...greeting, shortcut: 'mine' }),
      await s.as.agent.patch(`/api/v1/saved-replies/${id}`, { title: 'Mine now' }),
      await s.as.agent.raw('DELETE', `/api/v1/saved-replies/${id}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('Only supervisors and admins can change saved replies.');
    }

    const deleted = await s.as.supervisor.raw('DELETE', `/api/v1/saved-replies/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.savedReplies).toEqual([]);
    expect((await s.as.supervisor.raw('DELETE', `/api/v1/saved-replies/${id}`)).status).toBe(404);
    expect((await s.as.agent.post(`/api/v1/saved-replies/${id}/use`, { conversationId: s.chat.conversationId })).status).toBe(
      404,
    );
  });

  it('refuses bad replies with a 400 or 409 that says what is wrong, and stores nothing', async () => {
    const s = await shop();
    await s.as.admin.post('/api/v1/saved-replies', greeting);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...greeting, shortcut: 'a', title: '   ' }, 400, /^title must not be empty$/],
      [{ ...greeting, shortcut: 'b', body: '  ' }, 400, /^body must not be empty$/],
      [{ ...greeting, shortcut: 'c', body: 'x'.repeat(10_000) }, 400, /^body is at most 5000 characters$/],
      [{ ...greeting, shortcut: 'two words' }, 400, /^shortcut uses letters, digits, - or _/],
      [
        { ...greeting, shortcut: 'd', body: 'Hi {{customer.nickname}}, order {{ order.id }} ({{customer.nickname}})' },
        400,
        /^body: unknown placeholders \{\{customer\.nickname\}\}, \{\{order\.id\}\}; use \{\{customer\.first_name\}\}/,
      ],
      [{ ...greeting, title: 'Another' }, 409, /^shortcut: \/parcel-late is already used by “Parcel is late”/],
      [{ ...greeting, shortcut: 'PARCEL-LATE' }, 409, /already used/],
      [{ ...greeting, shortcut: 'e', teamId: '00000000-0000-4000-8000-000000000000' }, 404, /^Team not found/],
    ];
    for (const [body, status, message] of cases) {
      const res = await s.as.admin.post('/api/v1/saved-replies', body);
      expect([res.status, res.body.error?.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const other = (await s.as.admin.post('/api/v1/saved-replies', { ...greeting, shortcut: 'refund' })).body.savedReply;
    const taken = await s.as.admin.patch(`/api/v1/saved-replies/${other.id}`, { shortcut: 'parcel-late' });
    expect(taken.status).toBe(409);
    const unknown = await s.as.admin.patch(`/api/v1/saved-replies/${other.id}`, { body: 'Hi {{customer.last_name}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.unknown).toEqual(['{{customer.last_name}}']);
    const stored = (await s.as.admin.get('/api/v1/saved-replies')).body.savedReplies;
    expect(stored.map((r: { shortcut: string; body: string }) => [r.shortcut, r.body])).toEqual([
      ['parcel-late', greeting.body],
      ['refund', greeting.body],
    ]);
  });

  it("a reply limited to a team is only for its members; another workspace's replies and conversations are refused", async () => {
    const s = await shop();
    const member = await buildAgent(t, s.workspace, { displayName: 'Cleo Colleague' });
    const team = await buildTeam(t, s.workspace, { name: 'Returns', members: [member] });
    const limited = await s.as.admin.post('/api/v1/saved-replies', { ...greeting, teamId: team.id });
    expect(limited.body.savedReply.team).toEqual({ id: team.id, name: 'Returns' });
    const id = limited.body.savedReply.id as string;

    const asMember = client(t, await signIn(t, member));
    expect((await asMember.get('/api/v1/saved-replies')).body.savedReplies).toHaveLength(1);
    expect((await s.as.agent.get('/api/v1/saved-replies')).body.savedReplies).toEqual([]);
    expect((await s.as.agent.post(`/api/v1/saved-replies/${id}/use`, { conversationId: s.chat.conversationId })).status).toBe(
      404,
    );

    const elsewhere = await shop();
    expect((await elsewhere.as.admin.get('/api/v1/saved-replies')).body.savedReplies).toEqual([]);
    expect((await elsewhere.as.admin.patch(`/api/v1/saved-replies/${id}`, { title: 'Taken over' })).status).toBe(404);
    const ownReply = (await elsewhere.as.admin.post('/api/v1/saved-replies', greeting)).body.savedReply.id as string;
    // Their own reply, our customer's conversation: the conversation is not theirs to read a name from.
    const crossing = await elsewhere.as.admin.post(`/api/v1/saved-replies/${ownReply}/use`, {
      conversationId: s.chat.conversationId,
    });
    expect(crossing.status).toBe(404);
    expect(JSON.stringify(crossing.body)).not.toContain('Jonas');
  });
});
