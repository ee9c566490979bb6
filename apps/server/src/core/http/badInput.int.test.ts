import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  type Reply,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { agentSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let signed: Signed;

beforeAll(async () => {
  t = await testServer();
  workspace = await buildWorkspace(t);
  signed = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina' }));
});

const LIMIT = 10_000;

/** A 4xx in the one error shape, whose message mentions `says`. */
function expectError(res: Reply, status: number, code: string, says: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(res.body.error.message).toMatch(says);
}

/** The timeline as an agent reads it: lastSeq and how many entries it holds. */
async function timeline(conversationId: string) {
  const agent = client(t, signed);
  const [conversation, entries] = await Promise.all([
    agent.get(`/api/v1/conversations/${conversationId}`),
    agent.get(`/api/v1/conversations/${conversationId}/entries`),
  ]);
  return { lastSeq: conversation.body.conversation.lastSeq as number, count: entries.body.entries.length as number };
}

const badBodies = [
  // The field is named once: never "body.body: body must not be empty".
  { what: 'an empty body', body: '', says: /^body must not be empty$/ },
  { what: 'a whitespace-only body', body: ' \n\t ', says: /^body must not be empty$/ },
  { what: 'a body one character over the limit', body: 'x'.repeat(LIMIT + 1), says: /too long.*10001.*10000/ },
];

describe(`bad input is refused with a clear 4xx and nothing is stored (${backend})`, () => {
  for (const bad of badBodies) {
    it(`an agent reply with ${bad.what} is refused and not stored`, async () => {
      const { conversationId } = await buildConversation(t, workspace);
      const before = await timeline(conversationId);
      const res = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, {
        clientId: newClientId(),
        body: bad.body,
      });
      expectError(res, 400, 'invalid', bad.says);
      expect(await timeline(conversationId)).toEqual(before);
    });

    it(`a visitor message with ${bad.what} is refused and not stored`, async () => {
      const { conversationId, visitorToken } = await buildConversation(t, workspace);
      const before = await timeline(conversationId);
      const res = await client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: newClientId(), body: bad.body });
      expectError(res, 400, 'invalid', bad.says);
      expect(await timeline(conversationId)).toEqual(before);
    });

    it(`a WebSocket send with ${bad.what} gets an error frame naming its clientId, and nothing is stored`, async () => {
      const { conversationId, visitorToken } = await buildConversation(t, workspace);
      const before = await timeline(conversationId);
      const visitor = await visitorSocket(t, visitorToken);
      const agent = await agentSocket(t, signed);
      const fromVisitor = newClientId();
      const fromAgent = newClientId();
      visitor.send({ type: 'send', clientId: fromVisitor, body: bad.body });
      agent.send({ type: 'send', clientId: fromAgent, conversationId, body: bad.body });
      const [visitorError, agentError] = await Promise.all([
        visitor.next('error', (f) => f.clientId === fromVisitor),
        agent.next('error', (f) => f.clientId === fromAgent),
      ]);
      for (const frame of [visitorError, agentError]) {
        expect(frame.error.code).toBe('invalid');
        expect(frame.error.message).toMatch(bad.says);
      }
      await Promise.all([visitor.sync(), agent.sync()]);
      expect(visitor.frames.some((f) => f.type === 'ack')).toBe(false);
      expect(agent.frames.some((f) => f.type === 'ack')).toBe(false);
      expect(await timeline(conversationId)).toEqual(before);
      visitor.close();
      agent.close();
    });
  }

  it('a body of exactly the limit (10,000 characters) is accepted, by agents and visitors alike', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const body = 'y'.repeat(LIMIT);
    const fromAgent = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body,
    });
    expect(fromAgent.status).toBe(201);
    expect(fromAgent.body.entry.body).toHaveLength(LIMIT);
    const fromVisitor = await client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: newClientId(), body });
    expect(fromVisitor.status).toBe(201);
    expect(fromVisitor.body.entry.body).toHaveLength(LIMIT);
  });

  it('a body that is not valid JSON is a 400 that says so', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    const agentRes = await client(t, signed).post(
      `/api/v1/conversations/${conversationId}/messages`,
      '{"clientId": "x", "body": ',
    );
    expectError(agentRes, 400, 'invalid', /JSON/);
    const visitorRes = await client(t, { visitorToken }).post('/api/v1/widget/messages', '{body: hello}');
    expectError(visitorRes, 400, 'invalid', /JSON/);
    expect(await timeline(conversationId)).toEqual(before);
  });

  it('a JSON body that is not an object is a 400, never a 500', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    // The message names the request body, or the field in it that is missing.
    for (const body of ['[]', '"hello"', '42', 'null', 'true']) {
      const agentRes = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, body);
      expectError(agentRes, 400, 'invalid', /body|clientId/);
      const visitorRes = await client(t, { visitorToken }).post('/api/v1/widget/messages', body);
      expectError(visitorRes, 400, 'invalid', /body|clientId/);
    }
    expect(await timeline(conversationId)).toEqual(before);
  });

  it('a missing or non-UUID clientId is a 400 that names clientId', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    for (const bad of [
      { body: 'hi' },
      { clientId: 'not-a-uuid', body: 'hi' },
      { clientId: '', body: 'hi' },
      { clientId: 12, body: 'hi' },
    ]) {
      const agentRes = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, bad);
      expectError(agentRes, 400, 'invalid', /clientId/);
      const visitorRes = await client(t, { visitorToken }).post('/api/v1/widget/messages', bad);
      expectError(visitorRes, 400, 'invalid', /clientId/);
    }
    expect(await timeline(conversationId)).toEqual(before);
  });

  it('fields of the wrong type are a 400 that names the field', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    const agentRes = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: newClientId(),
      body: 42,
    });
    expectError(agentRes, 400, 'invalid', /body must be text/);
    const visitorRes = await client(t, { visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: ['hi'],
    });
    expectError(visitorRes, 400, 'invalid', /body must be text/);
    const assign = await client(t, signed).post(`/api/v1/conversations/${conversationId}/assign`, { agentId: 7 });
    expectError(assign, 400, 'invalid', /agentId/);
    const presence = await client(t, signed).put('/api/v1/agents/me/presence', { presence: 'sleeping' });
    expectError(presence, 400, 'invalid', /presence/);
    const list = await client(t, signed).get('/api/v1/conversations?view=everything');
    expectError(list, 400, 'invalid', /view/);
    const page = await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries?after=-1`);
    expectError(page, 400, 'invalid', /after/);
    expect(await timeline(conversationId)).toEqual(before);
  });

  it('an unknown conversation id is a 404 not_found, and a non-UUID id is a 404 too, never a 500', async () => {
    const agent = client(t, signed);
    for (const id of [randomUUID(), 'abc', "1' or '1'='1", '%F0%9F%92%A9', '0000']) {
      for (const [method, path, body] of [
        ['GET', '', undefined],
        ['GET', '/entries', undefined],
        ['POST', '/messages', { clientId: newClientId(), body: 'hi' }],
        ['POST', '/notes', { clientId: newClientId(), body: 'hi' }],
        ['POST', '/assign', { agentId: null }],
        ['POST', '/resolve', {}],
        ['POST', '/reopen', {}],
      ] as const) {
        const res = await agent.raw(method, `/api/v1/conversations/${id}${path}`, body);
        expect({ id, path, status: res.status, code: res.body?.error?.code }).toEqual({
          id,
          path,
          status: 404,
          code: 'not_found',
        });
      }
    }
  });

  it("a visitor asking for another visitor's or an unknown conversation gets a 404", async () => {
    const mine = await buildConversation(t, workspace);
    const theirs = await buildConversation(t, workspace);
    const visitor = client(t, { visitorToken: mine.visitorToken });
    for (const id of [theirs.conversationId, randomUUID(), 'abc']) {
      const res = await visitor.get(`/api/v1/widget/conversations/${id}/entries`);
      expectError(res, 404, 'not_found', /not found/);
    }
    const leave = await visitor.post('/api/v1/widget/leave-message', {
      conversationId: theirs.conversationId,
      email: 'me@example.com',
    });
    expectError(leave, 404, 'not_found', /not found/);
  });

  it('an inbox cursor the server never gave out is a 400, never a 500', async () => {
    const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const uuid = randomUUID();
    const forged = [
      'garbage',
      cursor({ at: '1', id: uuid }),
      cursor({ at: '2024-02-30T00:00:00.000Z', id: uuid }),
      cursor({ at: '+275760-09-13T00:00:00.000Z', id: uuid }),
      cursor({ at: '0000-01-01T00:00:00.000Z', id: uuid }),
      cursor({ at: '2024-01-01T00:00:00.000Z', id: '-'.repeat(36) }),
      cursor({ at: '2024-01-01T00:00:00.000Z' }),
    ];
    for (const value of forged) {
      for (const view of ['all', 'waiting']) {
        const res = await client(t, signed).get(`/api/v1/conversations?view=${view}&cursor=${value}`);
        expectError(res, 400, 'invalid', /cursor/);
      }
    }
  });

  it('asking for entries after a seq beyond any conversation answers with none, never a 500', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    for (const after of [2_147_483_647, 2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      const agentRes = await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries?after=${after}`);
      expect({ after, status: agentRes.status, body: agentRes.body }).toEqual({ after, status: 200, body: { entries: [] } });
      const visitorRes = await client(t, { visitorToken }).get(
        `/api/v1/widget/conversations/${conversationId}/entries?after=${after}`,
      );
      expect({ after, status: visitorRes.status, body: visitorRes.body }).toEqual({ after, status: 200, body: { entries: [] } });
    }
    const agent = await agentSocket(t, signed);
    const visitor = await visitorSocket(t, visitorToken);
    for (const socket of [agent, visitor]) {
      socket.send({ type: 'resume', conversations: { [conversationId]: 2_147_483_648 } });
      await socket.next('resumed');
      socket.send({ type: 'read', conversationId, seq: Number.MAX_SAFE_INTEGER });
      await socket.sync();
      expect(
        socket.frames.filter((f) => f.type === 'error' || (f.type === 'entry' && f.entry.conversationId === conversationId)),
      ).toEqual([]);
    }
    // Reading "beyond the end" marks the whole conversation read, no further.
    const readBy = await agent.next('read', (f) => f.conversationId === conversationId && f.by === 'customer');
    expect(readBy.seq).toBe((await timeline(conversationId)).lastSeq);
    agent.close();
    visitor.close();
  });

  it('a visitor cannot write an internal note, and an agent must name the conversation', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    const visitor = await visitorSocket(t, visitorToken);
    const agent = await agentSocket(t, signed);
    const note = newClientId();
    visitor.send({ type: 'send', clientId: note, body: 'let me write a note', note: true });
    expect((await visitor.next('error', (f) => f.clientId === note)).error).toEqual({
      code: 'invalid',
      message: 'visitors cannot write internal notes',
    });
    const nowhere = newClientId();
    agent.send({ type: 'send', clientId: nowhere, body: 'to whom?' });
    expect((await agent.next('error', (f) => f.clientId === nowhere)).error).toEqual({
      code: 'invalid',
      message: 'conversationId is required',
    });
    expect(await timeline(conversationId)).toEqual(before);
    visitor.close();
    agent.close();
  });

  it('an agent socket writing to an unknown or non-UUID conversation gets a not_found error frame', async () => {
    const agent = await agentSocket(t, signed);
    for (const conversationId of [randomUUID(), 'abc']) {
      const clientId = newClientId();
      agent.send({ type: 'send', clientId, conversationId, body: 'hello?' });
      const error = await agent.next('error', (f) => f.clientId === clientId);
      expect(error.error.code).toBe('not_found');
    }
    agent.close();
  });

  it('a WebSocket send with a missing or non-UUID clientId gets an error frame and stores nothing', async () => {
    const { conversationId, visitorToken } = await buildConversation(t, workspace);
    const before = await timeline(conversationId);
    const visitor = await visitorSocket(t, visitorToken);
    visitor.send({ type: 'send', clientId: 'not-a-uuid', body: 'hi' });
    const named = await visitor.next('error', (f) => f.clientId === 'not-a-uuid');
    expect(named.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/clientId/) });
    visitor.send({ type: 'send', body: 'hi' });
    const missing = await visitor.next('error', (f) => f !== named);
    expect(missing.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/clientId/) });
    await visitor.sync();
    expect(await timeline(conversationId)).toEqual(before);
    visitor.close();
  });
});
