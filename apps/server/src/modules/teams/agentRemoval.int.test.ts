import { randomUUID } from 'node:crypto';
import { CloseCode } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, closedWithin } from '../../testing/socket.ts';
import { backend, layouts, nodesOf, type TestServer, testServer } from '../../testing/testServer.ts';
import { removeAgent } from '../conversations/index.ts';
import { updateAgentRouting } from './teamsAndAgents.ts';

/** With PostgreSQL and Redis the removal is also made through node a while the person's socket is open on node b. */

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

const signInWith = (server: TestServer, email: string, password: string) =>
  client(server, { from: newAddress() }).post('/api/v1/auth/sign-in', { email, password });

const remove = (by: Signed, id: string) => client(t, by).raw('DELETE', `/api/v1/agents/${id}`);

async function agentIds(signed: Signed): Promise<string[]> {
  return ((await client(t, signed).get('/api/v1/agents')).body.agents as Array<{ id: string }>).map((a) => a.id);
}

async function conversation(signed: Signed, id: string) {
  const res = await client(t, signed).get(`/api/v1/conversations/${id}`);
  expect(res.status).toBe(200);
  return res.body.conversation as {
    status: string;
    assignee: { id: string } | null;
    pendingTransfer: unknown;
    customer: { id: string };
  };
}

describe.each(layouts)(`removing someone who left (%s, ${backend})`, (layout) => {
  let b: TestServer;
  nodesOf(layout, (nodes) => {
    b = nodes.b;
  });

  it('they cannot sign in (answered as a wrong password), their other session answers 401 and their open socket closes', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' });
    const [laptop, phone] = [await signIn(t, amina), await signIn(t, amina)];
    const socket = await agentSocket(b, phone);
    const wrongPassword = await signInWith(b, amina.email, 'not the password');

    expect((await remove(admin, amina.id)).status).toBe(204);

    expect((await closedWithin(socket)).code).toBe(CloseCode.unauthenticated);
    for (const session of [laptop, phone]) expect((await client(b, session).get('/api/v1/auth/session')).status).toBe(401);
    const again = await signInWith(b, amina.email, amina.password);
    expect(again.status).toBe(wrongPassword.status);
    expect(again.body).toEqual(wrongPassword.body);
  });
});

describe(`removing someone who left (${backend})`, () => {
  it('nobody is left looking after a customer or an open service recovery in their name; who flagged it keeps their name', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo', presence: 'available' });
    const customer = await buildConversation(t, workspace, 'The cake arrived squashed.');
    const asAmina = client(t, await signIn(t, amina));
    const customerId = (await conversation(admin, customer.conversationId)).customer.id;
    const owned = await client(t, admin).patch(`/api/v1/customers/${customerId}`, { ownerId: amina.id });
    expect(owned.body.customer.owner?.id).toBe(amina.id);
    const flagged = await asAmina.post(`/api/v1/conversations/${customer.conversationId}/service-failure`, {
      reason: 'Squashed cake',
    });
    expect(flagged.status).toBe(200);

    expect((await remove(admin, amina.id)).status).toBe(204);

    const profile = await client(t, admin).get(`/api/v1/customers/${customerId}`);
    expect(profile.body.customer.owner).toBeNull();
    const recovery = (await client(t, admin).get(`/api/v1/conversations/${customer.conversationId}/recovery`)).body.recovery;
    expect(recovery.flaggedBy?.displayName).toBe('Amina Odhiambo');
    expect(recovery.owner).toBeNull();
  });

  it('they leave the agent list, their teams and the supervisor view; their conversation goes to a colleague; their words keep their name', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo', presence: 'available' });
    const team = await buildTeam(t, workspace, { name: 'Cakes', members: [amina] });
    const customer = await buildConversation(t, workspace, 'Where is my cake?');
    expect((await conversation(admin, customer.conversationId)).assignee?.id).toBe(amina.id);
    const reply = await client(t, await signIn(t, amina)).post(`/api/v1/conversations/${customer.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'It leaves the bakery at noon.',
    });
    expect(reply.status).toBe(201);
    const jonas = await buildAgent(t, workspace, { displayName: 'Jonas Berg', presence: 'available' });

    expect((await remove(admin, amina.id)).status).toBe(204);

    expect(await agentIds(admin)).not.toContain(amina.id);
    expect(await agentIds(admin)).toContain(jonas.id);
    const teams = (await client(t, admin).get('/api/v1/teams')).body.teams as Array<{ id: string; memberIds: string[] }>;
    expect(teams.find((x) => x.id === team.id)!.memberIds).toEqual([]);
    const overview = await client(t, admin).get('/api/v1/supervisor/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.agents.map((a: { agent: { id: string } }) => a.agent.id)).not.toContain(amina.id);
    expect(await conversation(admin, customer.conversationId)).toMatchObject({ status: 'waiting', assignee: { id: jonas.id } });
    const entries = (await client(t, admin).get(`/api/v1/conversations/${customer.conversationId}/entries`)).body
      .entries as Array<{
      body: string;
      author: { id: string | null; name: string | null };
    }>;
    expect(entries.find((e) => e.body === 'It leaves the bakery at noon.')!.author).toMatchObject({
      id: amina.id,
      name: 'Amina Odhiambo',
    });
    expect(entries.map((e) => e.body)).toContain('Amina Odhiambo was removed; the conversation is back in the queue');
    // The customer is not told about the removal, only who joins.
    const seen = await client(t, { visitorToken: customer.visitorToken }).get(
      `/api/v1/widget/conversations/${customer.conversationId}/entries`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.entries.map((e: { body: string }) => e.body).join(' ')).not.toContain('removed');
  });

  it('with nobody free their conversation waits in the queue, and the next person who becomes available takes it', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { presence: 'available' });
    const customer = await buildConversation(t, workspace);
    expect((await conversation(admin, customer.conversationId)).assignee?.id).toBe(amina.id);
    const jonasRecord = await buildAgent(t, workspace, { displayName: 'Jonas Berg' });

    expect((await remove(admin, amina.id)).status).toBe(204);

    expect(await conversation(admin, customer.conversationId)).toMatchObject({ status: 'waiting', assignee: null });
    const waiting = await client(t, admin).get('/api/v1/conversations?view=waiting');
    expect(waiting.body.conversations.map((c: { id: string }) => c.id)).toContain(customer.conversationId);
    const jonas = await signIn(t, jonasRecord);
    expect((await client(t, jonas).put('/api/v1/agents/me/presence', { presence: 'available' })).status).toBe(200);
    expect((await conversation(admin, customer.conversationId)).assignee?.id).toBe(jonasRecord.id);
  });

  it('a transfer waiting for them is withdrawn: the conversation stays with the colleague who offered it', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const jonasRecord = await buildAgent(t, workspace, { displayName: 'Jonas Berg', presence: 'available' });
    const customer = await buildConversation(t, workspace);
    const amina = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' });
    const offered = await client(t, await signIn(t, jonasRecord)).post(
      `/api/v1/conversations/${customer.conversationId}/transfer`,
      {
        toAgentId: amina.id,
        note: 'Wants a refund for the cake',
      },
    );
    expect(offered.status).toBe(200);

    expect((await remove(admin, amina.id)).status).toBe(204);

    expect(await conversation(admin, customer.conversationId)).toMatchObject({
      assignee: { id: jonasRecord.id },
      pendingTransfer: null,
    });
  });

  it('their email can be invited again: the new account signs in, the old password does not', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { email: `amina-${randomUUID()}@example.com` });
    expect((await remove(admin, amina.id)).status).toBe(204);

    const invite = await client(t, admin).post('/api/v1/agents/invitations', { email: amina.email, role: 'agent' });
    expect(invite.status).toBe(201);
    const token = new URL(invite.body.invitation.url).pathname.split('/').at(-1)!;
    const password = 'a brand new passphrase';
    const accepted = await client(t, { from: newAddress() }).post('/api/v1/auth/accept-invitation', {
      token,
      displayName: 'Amina Odhiambo',
      email: amina.email.toUpperCase(),
      password,
    });
    expect(accepted.status).toBe(200);
    const back = accepted.body.agent.id as string;
    expect(back).not.toBe(amina.id);
    expect((await signInWith(t, amina.email, password)).status).toBe(200);
    expect((await signInWith(t, amina.email, amina.password)).status).toBe(401);
    const ids = await agentIds(admin);
    expect(ids).toContain(back);
    expect(ids).not.toContain(amina.id);
  });

  it('an agent or a supervisor gets 403 and nothing changes', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace, { presence: 'available' });
    const aminaSigned = await signIn(t, amina);
    const customer = await buildConversation(t, workspace);
    for (const role of ['agent', 'supervisor'] as const) {
      const someone = await signIn(t, await buildAgent(t, workspace, { role }));
      const res = await remove(someone, amina.id);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'forbidden', message: 'Only admins can remove people.' });
    }
    expect((await client(t, aminaSigned).get('/api/v1/auth/session')).status).toBe(200);
    expect(await agentIds(aminaSigned)).toContain(amina.id);
    expect((await conversation(aminaSigned, customer.conversationId)).assignee?.id).toBe(amina.id);
    expect((await signInWith(t, amina.email, amina.password)).status).toBe(200);
  });

  it("another workspace's agent and an unknown id are not found (404), and the other agent keeps their account", async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const elsewhere = await buildAgent(t, await buildWorkspace(t));
    for (const id of [elsewhere.id, randomUUID()]) {
      const res = await remove(admin, id);
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'Agent not found.' });
    }
    expect((await signInWith(t, elsewhere.email, elsewhere.password)).status).toBe(200);
  });

  it('an admin cannot remove themselves', async () => {
    const workspace = await buildWorkspace(t);
    const adminRecord = await buildAgent(t, workspace, { role: 'admin' });
    const admin = await signIn(t, adminRecord);
    await buildAgent(t, workspace, { role: 'admin' });
    const res = await remove(admin, adminRecord.id);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('You cannot remove yourself; ask another admin.');
    expect((await client(t, admin).get('/api/v1/auth/session')).status).toBe(200);
  });

  it('a removal still on its way when its admin was removed cannot remove the last admin', async () => {
    const workspace = await buildWorkspace(t);
    const ada = await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada' });
    const bea = await buildAgent(t, workspace, { role: 'admin', displayName: 'Bea' });
    expect((await remove(await signIn(t, bea), ada.id)).status).toBe(204);

    // Ada's request had passed sign-in checks before she was removed.
    const late = await removeAgent(t, ada.actor, bea.id).catch((err: unknown) => err);
    expect(late).toMatchObject({
      status: 400,
      message: 'Bea is the last admin; make someone else an admin before you remove them.',
    });
    expect((await signInWith(t, bea.email, bea.password)).status).toBe(200);
  });

  it('two admins removing each other at once leave one of them', async () => {
    const workspace = await buildWorkspace(t);
    const ada = await buildAgent(t, workspace, { role: 'admin' });
    const bea = await buildAgent(t, workspace, { role: 'admin' });
    const [adaSigned, beaSigned] = [await signIn(t, ada), await signIn(t, bea)];

    const answers = await Promise.all([remove(adaSigned, bea.id), remove(beaSigned, ada.id)]);

    expect(answers.filter((a) => a.status === 204)).toHaveLength(1);
    // The other was refused: its admin's session had ended, or it found the last admin.
    expect([400, 401]).toContain(answers.find((a) => a.status !== 204)!.status);
    const admins = await t.db.query('select id from agents where workspace_id = $1 and role = $2 and removed_at is null', [
      workspace.id,
      'admin',
    ]);
    expect(admins).toHaveLength(1);
  });

  it('a demotion still on its way when its admin was demoted cannot demote the last admin', async () => {
    const workspace = await buildWorkspace(t);
    const ada = await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada' });
    const bea = await buildAgent(t, workspace, { role: 'admin', displayName: 'Bea' });
    expect((await client(t, await signIn(t, bea)).patch(`/api/v1/agents/${ada.id}`, { role: 'agent' })).status).toBe(200);

    // Ada's request had passed sign-in checks, as an admin, before she was demoted.
    const late = await updateAgentRouting(t, ada.actor, bea.id, { role: 'agent' }).catch((err: unknown) => err);
    expect(late).toMatchObject({
      status: 400,
      message: 'Bea is the last admin; make someone else an admin before you demote them.',
    });
    const admins = await t.db.query('select id from agents where workspace_id = $1 and role = $2', [workspace.id, 'admin']);
    expect(admins).toEqual([{ id: bea.id }]);
  });
});
