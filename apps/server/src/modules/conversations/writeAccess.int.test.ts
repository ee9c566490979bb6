import type { ServerFrame } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { TeamVisibility } from '../realtime/index.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

const NOT_FOUND = { code: 'not_found', message: 'Conversation not found.' };

/**
 * A shop with a restricted Payroll team: Ines is in it, Otto is not. Payroll's conversation was started by a
 * customer and moved into the team by the admin; Otto may well have seen its first frames, so he knows its id.
 */
async function restrictedShop() {
  const workspace = await buildWorkspace(t);
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada Admin' }));
  const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Sam Supervisor' }));
  const insiderRecord = await buildAgent(t, workspace, { displayName: 'Ines Insider' });
  const outsiderRecord = await buildAgent(t, workspace, { displayName: 'Otto Outsider' });
  const insider = await signIn(t, insiderRecord);
  const outsider = await signIn(t, outsiderRecord);
  const team = await buildTeam(t, workspace, { name: 'Payroll', members: [insiderRecord] });
  expect((await client(t, admin).patch(`/api/v1/teams/${team.id}`, { restricted: true })).status).toBe(200);
  const secret = await buildConversation(t, workspace, 'My salary advance is wrong');
  const moved = await client(t, admin).patch(`/api/v1/conversations/${secret.conversationId}`, { teamId: team.id });
  expect(moved.status).toBe(200);
  return {
    workspace,
    admin,
    supervisor,
    insider,
    insiderRecord,
    outsider,
    outsiderRecord,
    team,
    secret,
    as: (who: Signed) => client(t, who),
  };
}

type Shop = Awaited<ReturnType<typeof restrictedShop>>;

/** Everything about the conversation that a write could change, as a member of the team reads it. */
async function snapshot(s: Shop) {
  const id = s.secret.conversationId;
  const [conversation, entries, recovery] = await Promise.all([
    s.as(s.insider).get(`/api/v1/conversations/${id}`),
    s.as(s.insider).get(`/api/v1/conversations/${id}/entries`),
    s.as(s.insider).get(`/api/v1/conversations/${id}/recovery`),
  ]);
  expect(conversation.status).toBe(200);
  const c = conversation.body.conversation;
  return {
    status: c.status,
    assignee: c.assignee?.id ?? null,
    team: c.team?.id ?? null,
    priority: c.priority,
    serviceFailure: c.serviceFailure,
    pendingTransfer: c.pendingTransfer,
    lastSeq: c.lastSeq,
    entries: entries.body.entries.map((e: { seq: number; kind: string; body: string }) => [e.seq, e.kind, e.body]),
    recovery: recovery.body.recovery,
  };
}

/** The member of the team answers: the conversation is hers, active, with a human connected. */
async function insiderReplies(s: Shop) {
  const res = await s.as(s.insider).post(`/api/v1/conversations/${s.secret.conversationId}/messages`, {
    clientId: newClientId(),
    body: 'Let me check your payslip',
  });
  expect(res.status).toBe(201);
}

/** What the customer's own widget shows of their conversation. */
async function customerSees(s: Shop): Promise<string[]> {
  const res = await client(t, { visitorToken: s.secret.visitorToken }).get(
    `/api/v1/widget/conversations/${s.secret.conversationId}/entries`,
  );
  expect(res.status).toBe(200);
  return res.body.entries.map((e: { body: string }) => e.body);
}

describe(`writes to a restricted team's conversation over REST (${backend})`, () => {
  it('an agent outside the team cannot add a note: 404, as for reading it, and nothing is stored', async () => {
    const s = await restrictedShop();
    const before = await snapshot(s);
    const res = await s.as(s.outsider).post(`/api/v1/conversations/${s.secret.conversationId}/notes`, {
      clientId: newClientId(),
      body: 'Otto was here',
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual(NOT_FOUND);
    expect(await snapshot(s)).toEqual(before);
  });

  it('an agent outside the team cannot reply to the customer once a member has answered, and the customer sees nothing of it', async () => {
    const s = await restrictedShop();
    await insiderReplies(s);
    const before = await snapshot(s);
    for (const kind of ['messages', 'notes']) {
      const res = await s.as(s.outsider).post(`/api/v1/conversations/${s.secret.conversationId}/${kind}`, {
        clientId: newClientId(),
        body: 'Please send me your bank details',
      });
      expect(res.status, kind).toBe(404);
      expect(res.body.error).toEqual(NOT_FOUND);
    }
    expect(await snapshot(s)).toEqual(before);
    expect(await customerSees(s)).not.toContain('Please send me your bank details');
  });

  it('an agent outside the team gets 404 from every other write (assign, resolve, reopen, update, transfers, recovery) and changes nothing', async () => {
    const s = await restrictedShop();
    const id = s.secret.conversationId;
    await insiderReplies(s);
    // A failure flagged and a transfer waiting, so that the recovery step and the transfer answers have something to act on.
    expect((await s.as(s.insider).post(`/api/v1/conversations/${id}/service-failure`, { reason: 'Paid late' })).status).toBe(200);
    const offered = await s.as(s.insider).post(`/api/v1/conversations/${id}/transfer`, {
      toTeamId: s.team.id,
      note: 'Needs the payroll lead',
    });
    expect(offered.status).toBe(200);
    const before = await snapshot(s);
    const o = s.as(s.outsider);
    const attempts: Array<[string, Promise<{ status: number; body: { error?: unknown } }>]> = [
      ['take', o.post(`/api/v1/conversations/${id}/assign`, { agentId: s.outsiderRecord.id })],
      ['unassign', o.post(`/api/v1/conversations/${id}/assign`, { agentId: null })],
      ['resolve', o.post(`/api/v1/conversations/${id}/resolve`)],
      ['reopen', o.post(`/api/v1/conversations/${id}/reopen`)],
      ['update', o.patch(`/api/v1/conversations/${id}`, { priority: 90, teamId: null })],
      ['offer transfer', o.post(`/api/v1/conversations/${id}/transfer`, { toAgentId: s.insiderRecord.id, note: 'yours' })],
      ['accept transfer', o.post(`/api/v1/conversations/${id}/transfer/accept`)],
      ['decline transfer', o.post(`/api/v1/conversations/${id}/transfer/decline`)],
      ['flag failure', o.post(`/api/v1/conversations/${id}/service-failure`, { reason: 'Otto says so' })],
      ['recovery step', o.post(`/api/v1/conversations/${id}/recovery`, { step: 'acknowledged' })],
      ['read recovery', o.get(`/api/v1/conversations/${id}/recovery`)],
      ['message', o.post(`/api/v1/conversations/${id}/messages`, { clientId: newClientId(), body: 'Hi from Otto' })],
      ['note', o.post(`/api/v1/conversations/${id}/notes`, { clientId: newClientId(), body: 'Otto was here' })],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt;
      expect(res.status, what).toBe(404);
      expect(res.body.error, what).toEqual(NOT_FOUND);
    }
    expect(await snapshot(s)).toEqual(before);
  });

  it('members, supervisors and the person it is assigned to still write to it', async () => {
    const s = await restrictedShop();
    const id = s.secret.conversationId;
    await insiderReplies(s);
    const note = await s
      .as(s.supervisor)
      .post(`/api/v1/conversations/${id}/notes`, { clientId: newClientId(), body: 'Watching' });
    expect(note.status).toBe(201);
    // Assigned to Otto by the supervisor: the person a conversation is assigned to may see it, and so write to it.
    expect((await s.as(s.supervisor).post(`/api/v1/conversations/${id}/assign`, { agentId: s.outsiderRecord.id })).status).toBe(
      200,
    );
    const reply = await s.as(s.outsider).post(`/api/v1/conversations/${id}/messages`, {
      clientId: newClientId(),
      body: 'I am covering for Ines today',
    });
    expect(reply.status).toBe(201);
    expect(await customerSees(s)).toContain('I am covering for Ines today');
  });
});

describe(`writes to a restricted team's conversation over the agent socket (${backend})`, () => {
  it('an agent outside the team sending a message or a note by id gets not_found, and nothing is stored or delivered', async () => {
    const s = await restrictedShop();
    const id = s.secret.conversationId;
    await insiderReplies(s);
    const before = await snapshot(s);
    const customer = await visitorSocket(t, s.secret.visitorToken);
    const socket = await agentSocket(t, s.outsider);
    const message = newClientId();
    const note = newClientId();
    socket.send({ type: 'send', clientId: message, conversationId: id, body: 'Please send me your bank details' });
    socket.send({ type: 'send', clientId: note, conversationId: id, body: 'Otto was here', note: true });
    socket.send({ type: 'typing', conversationId: id, typing: true });
    socket.send({ type: 'read', conversationId: id, seq: 99 });
    for (const clientId of [message, note]) {
      const refused = await socket.next('error', (f) => f.clientId === clientId);
      expect(refused.error).toEqual(NOT_FOUND);
    }
    await socket.sync();
    expect(socket.frames.filter((f) => f.type === 'ack')).toEqual([]);
    expect(socket.frames.filter((f) => f.type === 'error').map((f) => f.type === 'error' && f.error.code)).toEqual([
      'not_found',
      'not_found',
      'not_found',
      'not_found',
    ]);
    expect(await snapshot(s)).toEqual(before);
    // The insider's next reply reaches the customer; had Otto's message been stored, it would have come first.
    const marker = newClientId();
    await s.as(s.insider).post(`/api/v1/conversations/${id}/messages`, { clientId: marker, body: 'Found it' });
    await customer.next('entry', (f) => f.entry.clientId === marker);
    expect(customer.frames.flatMap((f) => (f.type === 'entry' ? [f.entry.body] : []))).not.toContain(
      'Please send me your bank details',
    );
    socket.close();
    customer.close();
  });

  it('refuses the outsider inside a batch without holding up the messages written beside it', async () => {
    const s = await restrictedShop();
    const id = s.secret.conversationId;
    await insiderReplies(s);
    const open = await buildConversation(t, s.workspace, 'Do you deliver on Sundays?');
    const takeOpen = await s.as(s.outsider).post(`/api/v1/conversations/${open.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Hello!',
    });
    expect(takeOpen.status).toBe(201);
    const before = await snapshot(s);
    const outsider = await agentSocket(t, s.outsider);
    const insider = await agentSocket(t, s.insider);
    // Sent together, so that the group commit writes them in one batch.
    const sent = Array.from({ length: 6 }, (_, i) => ({
      socket: i % 2 ? insider : outsider,
      frame: {
        type: 'send',
        clientId: newClientId(),
        conversationId: i % 3 === 2 ? open.conversationId : id,
        body: `Batch message ${i}`,
      },
    }));
    for (const { socket, frame } of sent) socket.send(frame);
    const answers = await Promise.all(
      sent.map(({ socket, frame }) =>
        Promise.race([
          socket.next('ack', (f) => f.clientId === frame.clientId),
          socket.next('error', (f) => f.clientId === frame.clientId),
        ]),
      ),
    );
    const expected = sent.map(({ socket, frame }) => (socket === outsider && frame.conversationId === id ? 'error' : 'ack'));
    expect(answers.map((a: ServerFrame) => a.type)).toEqual(expected);
    const after = await snapshot(s);
    const insiderBodies = sent.filter((x) => x.socket === insider && x.frame.conversationId === id).map((x) => x.frame.body);
    expect(after.entries.map((e: unknown[]) => e[2])).toEqual([...before.entries.map((e: unknown[]) => e[2]), ...insiderBodies]);
    outsider.close();
    insider.close();
  });
});

describe(`frames and counts of a restricted team's conversations (${backend})`, () => {
  it('a conversation handed into a restricted team by a transfer: the handover reaches its members, not the agents outside', async () => {
    const s = await restrictedShop();
    const open = await buildConversation(t, s.workspace, 'Question about my payslip');
    const id = open.conversationId;
    // Otto has it, and hands it to Payroll: from the acceptance on it is Payroll's, and Ines's.
    await s.as(s.outsider).post(`/api/v1/conversations/${id}/messages`, { clientId: newClientId(), body: 'Let me see' });
    const watcher = await signIn(t, await buildAgent(t, s.workspace, { displayName: 'Wanda Watcher' }));
    const sockets = { watcher: await agentSocket(t, watcher), insider: await agentSocket(t, s.insider) };
    // Both sockets know the conversation (and this node its team) before it moves.
    const offered = await s.as(s.outsider).post(`/api/v1/conversations/${id}/transfer`, {
      toTeamId: s.team.id,
      note: 'Payroll question',
    });
    expect(offered.status).toBe(200);
    await sockets.watcher.next('conversation', (f) => f.conversation.id === id && f.conversation.pendingTransfer !== null);
    expect((await s.as(s.insider).post(`/api/v1/conversations/${id}/transfer/accept`)).status).toBe(200);
    const handover = await sockets.insider.next(
      'entry',
      (f) => f.entry.conversationId === id && f.entry.event?.type === 'transferred',
    );
    await sockets.insider.next('conversation', (f) => f.conversation.id === id && f.conversation.team?.id === s.team.id);
    // A frame everyone may see, published after: had the handover reached Wanda, it would be there first.
    const marker = await buildConversation(t, s.workspace, 'Open question about bread');
    await sockets.watcher.next('entry', (f) => f.entry.conversationId === marker.conversationId);
    const seen = sockets.watcher.frames.flatMap((f) =>
      f.type === 'entry' && f.entry.conversationId === id ? [f.entry.seq] : [],
    );
    expect(seen).not.toContain(handover.entry.seq);
    expect(
      sockets.watcher.frames.some((f) => f.type === 'conversation' && f.conversation.id === id && f.conversation.team !== null),
    ).toBe(false);
    for (const socket of Object.values(sockets)) socket.close();
  });

  it('a late frame from before a move into a restricted team does not open the conversation to agents outside it again', async () => {
    const s = await restrictedShop();
    const id = s.secret.conversationId;
    const visibility = new TeamVisibility(t.db);
    const moved = (await s.as(s.admin).get(`/api/v1/conversations/${id}`)).body.conversation;
    const [entry] = (await s.as(s.admin).get(`/api/v1/conversations/${id}/entries`)).body.entries;
    const outsider = { kind: 'agent', workspaceId: s.workspace.id, agentId: s.outsiderRecord.id, role: 'agent' } as const;
    const insider = { ...outsider, agentId: s.insiderRecord.id };
    // The move is delivered, then a frame read before it (by a commit published late): no team yet.
    await visibility.audience(s.workspace.id, { type: 'conversation', conversation: moved });
    const late = await visibility.audience(s.workspace.id, { type: 'conversation', conversation: { ...moved, team: null } });
    const next = await visibility.audience(s.workspace.id, { type: 'entry', entry });
    for (const audience of [late, next]) {
      expect(audience).not.toBeNull();
      expect(audience!(outsider)).toBe(false);
      expect(audience!(insider)).toBe(true);
    }
  });

  it('inbox counts hold only the conversations the agent can list', async () => {
    const s = await restrictedShop();
    await buildConversation(t, s.workspace, 'Do you deliver on Sundays?');
    const list = async (who: Signed, view: string) =>
      (await s.as(who).get(`/api/v1/conversations?view=${view}`)).body.conversations.length as number;
    for (const [who, expected] of [
      [s.outsider, { waiting: 1, mine: 0, all: 1 }],
      [s.insider, { waiting: 2, mine: 0, all: 2 }],
      [s.supervisor, { waiting: 2, mine: 0, all: 2 }],
    ] as const) {
      const counts = await s.as(who).get('/api/v1/conversations/counts');
      expect(counts.status).toBe(200);
      expect(counts.body).toEqual(expected);
      expect({ waiting: await list(who, 'waiting'), mine: await list(who, 'mine'), all: await list(who, 'all') }).toEqual(
        expected,
      );
    }
  });
});
