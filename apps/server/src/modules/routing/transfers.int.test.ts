import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  signIn,
} from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

type Timeline = Array<{ kind: string; body: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** Amina is helping a customer; Bo and Carol are colleagues. */
async function aminaHelping() {
  const workspace = await buildWorkspace(t);
  const aminaAgent = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' });
  const customer = await buildConversation(t, workspace, 'My invoice charges me twice');
  const boAgent = await buildAgent(t, workspace, { displayName: 'Bo', presence: 'available' });
  const carolAgent = await buildAgent(t, workspace, { displayName: 'Carol', presence: 'available' });
  const [amina, bo, carol] = await Promise.all([signIn(t, aminaAgent), signIn(t, boAgent), signIn(t, carolAgent)]);
  await client(t, amina).post(`/api/v1/conversations/${customer.conversationId}/messages`, {
    clientId: newClientId(),
    body: 'Let me look at that for you.',
  });
  const url = `/api/v1/conversations/${customer.conversationId}`;
  return { workspace, customer, amina, bo, carol, aminaAgent, boAgent, carolAgent, url };
}

describe(`warm transfers (${backend})`, () => {
  it('a warm transfer reaches the receiver with the handoff note, which the customer never sees; accepting tells the customer who is joining and why', async () => {
    const { customer, amina, bo, carol, boAgent, url } = await aminaHelping();
    const socket = await visitorSocket(t, customer.visitorToken);
    const note = 'Charged twice on 3 May for order 1182; refund not issued yet. She has been patient.';

    const offered = await client(t, amina).post(`${url}/transfer`, { toAgentId: boAgent.id, note, reason: 'Bo handles refunds' });
    expect(offered.status).toBe(200);
    const seen = (await client(t, bo).get(url)).body.conversation;
    expect(seen).toMatchObject({
      assignee: { displayName: 'Amina' },
      transfers: 0,
      pendingTransfer: {
        from: { displayName: 'Amina' },
        toAgent: { id: boAgent.id, displayName: 'Bo' },
        note,
        reason: 'Bo handles refunds',
      },
    });
    const timeline = (await client(t, bo).get(`${url}/entries`)).body.entries as Timeline;
    expect(timeline.filter((e) => e.kind === 'note').map((e) => e.body)).toEqual([`Handoff to Bo: ${note}`]);

    const notForCarol = await client(t, carol).post(`${url}/transfer/accept`);
    expect(notForCarol.status).toBe(403);
    expect((await client(t, bo).get(url)).body.conversation.assignee.displayName).toBe('Amina');

    const accepted = await client(t, bo).post(`${url}/transfer/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.conversation).toMatchObject({ assignee: { displayName: 'Bo' }, transfers: 1, pendingTransfer: null });
    const joined = await socket.next('entry', (f) => f.entry.event?.type === 'transferred');
    expect(joined.entry.event!.data.customerText).toBe('Bo is joining — Bo handles refunds.');

    // The customer's own view of the timeline: the events, never the internal handoff note.
    await socket.sync();
    const visitorTimeline = (
      await client(t, { visitorToken: customer.visitorToken }).get(
        `/api/v1/widget/conversations/${customer.conversationId}/entries`,
      )
    ).body.entries as Timeline;
    for (const entries of [visitorTimeline, socket.frames.flatMap((f) => (f.type === 'entry' ? [f.entry] : []))]) {
      expect(entries.some((e) => e.kind === 'note')).toBe(false);
      expect(JSON.stringify(entries)).not.toContain('refund not issued');
    }
    socket.close();
  });

  it('a receiver who declines leaves the conversation with the person who offered it', async () => {
    const { amina, carol, carolAgent, url } = await aminaHelping();
    await client(t, amina).post(`${url}/transfer`, { toAgentId: carolAgent.id, note: 'Needs a German speaker' });
    const declined = await client(t, carol).post(`${url}/transfer/decline`);
    expect(declined.status).toBe(200);
    expect(declined.body.conversation).toMatchObject({ assignee: { displayName: 'Amina' }, pendingTransfer: null, transfers: 0 });
    expect((await client(t, carol).post(`${url}/transfer/accept`)).status).toBe(409);
  });

  it('a transfer to nobody sensible is refused with a clear reason, and nothing changes', async () => {
    const { workspace, amina, aminaAgent, boAgent, url } = await aminaHelping();
    const elsewhere = await buildWorkspace(t);
    const stranger = await buildAgent(t, elsewhere, { displayName: 'Stranger' });
    const theirTeam = await buildTeam(t, elsewhere, { members: [stranger] });
    const ourTeam = await buildTeam(t, workspace, { members: [boAgent] });
    const before = (await client(t, amina).get(url)).body.conversation;
    const note = 'Please take over';
    const refusals: Array<[string, object, number, RegExp]> = [
      ['to oneself', { toAgentId: aminaAgent.id, note }, 400, /yourself/],
      ['to an agent of another workspace', { toAgentId: stranger.id, note }, 404, /not found/i],
      ['to a team of another workspace', { toTeamId: theirTeam.id, note }, 404, /not found/i],
      ['to a team that does not exist', { toTeamId: randomUUID(), note }, 404, /not found/i],
      ['without a handoff note', { toAgentId: boAgent.id }, 400, /note/],
      ['with an empty handoff note', { toAgentId: boAgent.id, note: '   ' }, 400, /handoff note/],
      [
        'to both an agent and a team',
        { toAgentId: boAgent.id, toTeamId: ourTeam.id, note },
        400,
        /exactly one of toAgentId or toTeamId/,
      ],
      ['to neither an agent nor a team', { note }, 400, /exactly one of toAgentId or toTeamId/],
    ];
    for (const [what, body, status, message] of refusals) {
      const res = await client(t, amina).post(`${url}/transfer`, body);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect({ what, message: res.body.error.message }).toEqual({ what, message: expect.stringMatching(message) });
    }
    const after = (await client(t, amina).get(url)).body.conversation;
    expect(after).toEqual(before);
    const timeline = (await client(t, amina).get(`${url}/entries`)).body.entries as Timeline;
    expect(timeline.filter((e) => e.kind === 'note' || e.event?.type === 'transfer_offered')).toEqual([]);
  });
});
