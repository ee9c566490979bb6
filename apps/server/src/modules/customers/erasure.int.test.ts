import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, client, newClientId, runDueJobs, type Signed, signIn } from '../../testing/factories.ts';
import { agentSocket, openSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { appendMessage } from '../conversations/index.ts';
import { customerOf, shop, useServer } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

/** Every way Erin's words could be written down: her name, her email and her street. */
const HER_WORDS = ['Erin Erase', 'erin.erase@example.com', 'Riverside'];

/** Each row of every table of the workspace, as text: what an erasure must leave none of her words in. */
async function everyRow(workspaceId: string): Promise<string> {
  const tables = await t.db.query<{ table: string }>(
    `select table_name as table from information_schema.columns
     where column_name = 'workspace_id' and table_schema = current_schema() order by table_name`,
  );
  const rows: string[] = [];
  for (const { table } of tables) {
    const found = await t.db.query<{ row: string }>(
      `select row_to_json(x)::text as row from "${table}" x where workspace_id = $1`,
      [workspaceId],
    );
    rows.push(...found.map((r) => `${table}: ${r.row}`));
  }
  return rows.join('\n');
}

function expectNoneOfHerWords(text: string) {
  for (const word of HER_WORDS) expect(text).not.toContain(word);
}

/**
 * Erin wrote her address; Jonas helped, handed her to Bo with a note naming her, flagged the lost parcel and
 * planned a follow-up that came due as an alert.
 */
async function erinsStory() {
  const s = await shop();
  const jonasRecord = await buildAgent(t, s.workspace, { displayName: 'Jonas', presence: 'available' });
  const boRecord = await buildAgent(t, s.workspace, { displayName: 'Bo', presence: 'available' });
  const [jonas, bo] = await Promise.all([signIn(t, jonasRecord), signIn(t, boRecord)]);
  const chat = await buildConversation(t, s.workspace, 'My parcel never arrived at 12 Riverside Drive');
  const id = await customerOf(s.admin, chat.conversationId);
  const as = (who: Signed) => client(t, who);
  expect((await as(s.admin).patch(`/api/v1/customers/${id}`, { name: 'Erin Erase' })).status).toBe(200);
  expect(
    (await as(s.admin).post(`/api/v1/customers/${id}/identities`, { kind: 'email', value: 'erin.erase@example.com' })).status,
  ).toBe(200);
  const url = `/api/v1/conversations/${chat.conversationId}`;
  expect((await as(jonas).post(`${url}/messages`, { clientId: newClientId(), body: 'Sorry Erin, looking now.' })).status).toBe(
    201,
  );
  const offered = await as(jonas).post(`${url}/transfer`, {
    toAgentId: boRecord.id,
    note: 'Erin Erase (erin.erase@example.com), 12 Riverside Drive: parcel lost, refund owed',
    reason: 'Riverside refunds are Bo’s',
  });
  expect(offered.status).toBe(200);
  expect(JSON.stringify(offered.body.conversation.pendingTransfer)).toContain('Riverside');

  expect((await as(jonas).post(`${url}/service-failure`, { reason: 'Parcel to 12 Riverside Drive lost' })).status).toBe(200);
  const recovery = `${url}/recovery`;
  expect((await as(jonas).post(recovery, { step: 'fixed', note: 'Resent to Riverside Drive' })).status).toBe(200);
  const credit = { step: 'compensation', kind: 'credit', valueCents: 500, currency: 'EUR', note: 'Credit for Erin Erase' };
  expect((await as(jonas).post(recovery, credit)).status).toBe(200);
  const at = new Date(Date.now() + 3_600_000).toISOString();
  expect((await as(jonas).post(recovery, { step: 'follow_up', at, note: 'Ring Erin about Riverside' })).status).toBe(200);
  // The follow-up falls due (moved forward, not waited for): an alert that names her.
  await t.db.query(`update jobs set run_at = now() where workspace_id = $1 and kind = 'recovery_follow_up'`, [s.workspace.id]);
  await runDueJobs(t, s.workspace);
  const alerts = await as(s.supervisor).get('/api/v1/alerts');
  expect(JSON.stringify(alerts.body.alerts)).toContain('Erin Erase');
  return { ...s, jonas, bo, chat, id, url };
}

describe(`erasure reaches every word (${backend})`, () => {
  it('leaves none of the customer’s words in the handoff note, the inbox, service recovery, alerts or any row', async () => {
    const s = await erinsStory();
    const erased = await client(t, s.admin).post(`/api/v1/customers/${s.id}/erase`);
    expect(erased.status).toBe(200);

    for (const who of [s.jonas, s.bo, s.supervisor, s.admin]) {
      const conversation = await client(t, who).get(s.url);
      expect(conversation.status).toBe(200);
      // The handoff still stands (Bo can still take her over), without what it said about her.
      expect(conversation.body.conversation.pendingTransfer).toMatchObject({ toAgent: { displayName: 'Bo' } });
      expectNoneOfHerWords(JSON.stringify(conversation.body));
      const inbox = await client(t, who).get('/api/v1/conversations?view=all');
      expect(inbox.status).toBe(200);
      expect(inbox.body.conversations.map((c: { id: string }) => c.id)).toContain(s.chat.conversationId);
      expectNoneOfHerWords(JSON.stringify(inbox.body));
    }
    const recovery = await client(t, s.jonas).get(`${s.url}/recovery`);
    expect(recovery.status).toBe(200);
    expect(recovery.body.recovery).toMatchObject({ steps: { compensation: { kind: 'credit', valueCents: 500 } } });
    expectNoneOfHerWords(JSON.stringify(recovery.body));
    const alerts = await client(t, s.supervisor).get('/api/v1/alerts');
    expect(alerts.body.alerts).toEqual([expect.objectContaining({ kind: 'follow_up_due' })]);
    expectNoneOfHerWords(JSON.stringify(alerts.body));
    expectNoneOfHerWords(await everyRow(s.workspace.id));
  });

  it('the inboxes agents have open are told the conversation again, without her words', async () => {
    const s = await erinsStory();
    const bosScreen = await agentSocket(t, s.bo);
    expect((await client(t, s.admin).post(`/api/v1/customers/${s.id}/erase`)).status).toBe(200);
    const told = await bosScreen.next(
      'conversation',
      (f) => f.type === 'conversation' && f.conversation.id === s.chat.conversationId,
    );
    expect(told.type === 'conversation' && told.conversation.pendingTransfer).toMatchObject({ toAgent: { displayName: 'Bo' } });
    expectNoneOfHerWords(JSON.stringify(told));
    bosScreen.close();
  });

  it('forgets what an undoable merge kept of her, so no later read brings her name back', async () => {
    const s = await shop();
    const first = await buildConversation(t, s.workspace, 'Hello from my laptop');
    const second = await buildConversation(t, s.workspace, 'Hello from my phone');
    const [a, b] = [await customerOf(s.admin, first.conversationId), await customerOf(s.admin, second.conversationId)];
    await client(t, s.admin).patch(`/api/v1/customers/${a}`, { name: 'Erin Erase' });
    await client(t, s.admin).post(`/api/v1/customers/${a}/identities`, { kind: 'email', value: 'erin.erase@example.com' });
    await client(t, s.admin).patch(`/api/v1/customers/${b}`, { name: 'E. at Riverside' });
    expect((await client(t, s.admin).post(`/api/v1/customers/${a}/merge`, { sourceId: b })).status).toBe(200);
    expect((await client(t, s.admin).post(`/api/v1/customers/${a}/erase`)).status).toBe(200);
    expectNoneOfHerWords(await everyRow(s.workspace.id));
  });
});

describe(`erasure ends the visitor's access (${backend})`, () => {
  it('closes the erased visitor’s open socket, and nothing it or their token sends afterwards is stored', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'Please erase me');
    const id = await customerOf(s.admin, chat.conversationId);
    const socket = await visitorSocket(t, chat.visitorToken);
    const held = { kind: 'visitor' as const, workspaceId: s.workspace.id, customerId: id, visitorEpoch: 0 };

    expect((await client(t, s.admin).post(`/api/v1/customers/${id}/erase`)).status).toBe(200);
    // Whether the socket is still open for a moment or already closing, what it sends is not stored.
    socket.send({ type: 'send', clientId: newClientId(), body: 'I still live at 12 Riverside Drive' });
    expect((await socket.closed).code).toBe(4401);
    const rest = await client(t, { visitorToken: chat.visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      conversationId: chat.conversationId,
      body: 'And at 12 Riverside Drive by REST',
    });
    expect(rest.status).toBe(401);
    // A frame that reached the server on a socket opened before the erasure, still open: refused the same way.
    await expect(
      appendMessage(t, held, { clientId: newClientId(), conversationId: chat.conversationId, body: 'Riverside, once more' }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(appendMessage(t, held, { clientId: newClientId(), body: 'A new chat from Riverside' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const reopened = openSocket(t, `/ws/visitor?token=${encodeURIComponent(chat.visitorToken)}`);
    expect((await reopened.closed).code).toBe(4401);

    const stored = await t.db.query<{ n: number }>(
      `select count(*)::int as n from entries e join conversations c on c.id = e.conversation_id
       where c.workspace_id = $1 and c.customer_id = $2 and e.kind = 'message' and e.body <> '[erased]'`,
      [s.workspace.id, id],
    );
    expect(stored[0]!.n).toBe(0);
    expectNoneOfHerWords(await everyRow(s.workspace.id));
  });
});
