import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { manualClock } from '../../core/clock.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  type Signed,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import type { TestServer } from '../../testing/testServer.ts';
import { appendCustomerEmail, conversations } from '../conversations/index.ts';

export const TZ = 'Africa/Nairobi';
/** A moment in Nairobi (UTC+3, no daylight saving). */
export const eat = (local: string) => new Date(`${local}+03:00`);

type Api = ReturnType<typeof client>;

/**
 * Runs one step of the story as if it happened at `when`: the server's clock says `when`, and every timestamp the
 * database wrote during the step with its own clock (now()) is moved by the same amount, keeping their order and
 * the time between them (to the millisecond). Only this workspace's rows move.
 */
export async function happenAt<T>(
  t: TestServer,
  clock: ReturnType<typeof manualClock>,
  workspaceIds: string[],
  when: Date,
  step: () => Promise<T>,
): Promise<T> {
  clock.set(when);
  const [{ s }] = (await t.db.query<{ s: Date }>('select clock_timestamp() as s')) as [{ s: Date }];
  const result = await step();
  const [{ e }] = (await t.db.query<{ e: Date }>('select clock_timestamp() as e')) as [{ e: Date }];
  const columns = await t.db.query<{ table: string; column: string }>(
    `select c.table_name as table, c.column_name as column from information_schema.columns c
     where c.table_schema = current_schema() and c.data_type = 'timestamp with time zone'
       and exists (select 1 from information_schema.columns w where w.table_schema = c.table_schema
         and w.table_name = c.table_name and w.column_name = 'workspace_id')`,
  );
  for (const { table, column } of columns) {
    await t.db.query(
      `update "${table}" set "${column}" = date_trunc('milliseconds', $2::timestamptz + ("${column}" - $3::timestamptz))
       where workspace_id = any($1::uuid[]) and "${column}" between $3 and $4`,
      [workspaceIds, when, s, e],
    );
  }
  return result;
}

/** The people and teams of the story. */
export async function buildFloor(t: TestServer) {
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, ALWAYS_OPEN, TZ);
  const grace = await buildAgent(t, workspace, { role: 'admin', displayName: 'Grace Wambui' });
  const amina = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' });
  const baraka = await buildAgent(t, workspace, { displayName: 'Baraka Mwangi' });
  const chidi = await buildAgent(t, workspace, { displayName: 'Chidi Okafor' });
  const front = await buildTeam(t, workspace, { name: 'Front desk', members: [amina, chidi] });
  const privateTeam = await buildTeam(t, workspace, { name: 'Private care', members: [baraka] });
  await t.db.query('update teams set restricted = true where workspace_id = $1 and id = $2', [workspace.id, privateTeam.id]);
  const sessions = {
    grace: await signIn(t, grace),
    amina: await signIn(t, amina),
    baraka: await signIn(t, baraka),
    chidi: await signIn(t, chidi),
  } satisfies Record<string, Signed>;
  const api = {
    grace: client(t, sessions.grace),
    amina: client(t, sessions.amina),
    baraka: client(t, sessions.baraka),
    chidi: client(t, sessions.chidi),
  };
  // Where a customer buys is a custom attribute the workspace defines (docs/reports.md).
  const defined = await api.grace.post('/api/v1/attributes', { key: 'purchase_channel', label: 'Bought in', type: 'text' });
  expect(defined.status, JSON.stringify(defined.body)).toBeLessThan(300);
  for (const who of Object.values(api))
    expect((await who.put('/api/v1/agents/me/presence', { presence: 'away' })).status).toBe(200);
  return { workspace, people: { grace, amina, baraka, chidi }, teams: { front, privateTeam }, api };
}
export type Floor = Awaited<ReturnType<typeof buildFloor>>;

/** The moves of the story, each through the routes people and the widget use. */
export function moves(t: TestServer, floor: Floor) {
  const ok = async (res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r;
  };
  return {
    /** A customer opens the widget and writes. */
    async arrive(body: string) {
      const chat = await buildConversation(t, floor.workspace, body);
      const visitor = client(t, { visitorToken: chat.visitorToken });
      const [row] = await t.db.query<{ customerId: string }>(
        'select customer_id as "customerId" from conversations where workspace_id = $1 and id = $2',
        [floor.workspace.id, chat.conversationId],
      );
      return { id: chat.conversationId, customerId: row!.customerId, visitor };
    },
    customerSays: (c: { id: string; visitor: Api }, body: string) =>
      ok(c.visitor.post('/api/v1/widget/messages', { clientId: newClientId(), body, conversationId: c.id })),
    reply: (who: Api, c: { id: string }, body: string) =>
      ok(who.post(`/api/v1/conversations/${c.id}/messages`, { clientId: newClientId(), body })),
    resolve: (who: Api, c: { id: string }) => ok(who.post(`/api/v1/conversations/${c.id}/resolve`, {})),
    toTeam: (who: Api, c: { id: string }, teamId: string) => ok(who.patch(`/api/v1/conversations/${c.id}`, { teamId })),
    async transfer(from: Api, to: Api, c: { id: string }, toTeamId: string) {
      await ok(
        from.post(`/api/v1/conversations/${c.id}/transfer`, { toTeamId, note: 'Order 4471: refund agreed, needs approval' }),
      );
      await ok(to.post(`/api/v1/conversations/${c.id}/transfer/accept`, {}));
    },
    /** The customer writes again by email, into the same conversation (a switch of channel). */
    async emails(c: { id: string; customerId: string }, body: string) {
      const record = await conversations.byId(t.db, floor.workspace.id, c.id);
      const events: WarmlineEvent[] = [];
      await t.db.transaction((tx) =>
        appendCustomerEmail(
          tx,
          t,
          {
            workspaceId: floor.workspace.id,
            customerId: c.customerId,
            conversation: record,
            teamId: null,
            body,
            clientId: randomUUID(),
            replyEmail: 'sam@example.com',
            automatic: false,
            warnings: [],
            ownerAgentId: null,
          },
          events,
        ),
      );
    },
    flagFailure: (who: Api, c: { id: string }) =>
      ok(who.post(`/api/v1/conversations/${c.id}/service-failure`, { reason: 'The parcel went to the wrong town' })),
    async recover(who: Api, c: { id: string }) {
      for (const step of [
        { step: 'acknowledged' },
        { step: 'fixed', note: 'Sent again by courier' },
        { step: 'compensation', kind: 'credit', valueCents: 50_000, currency: 'KES' },
        { step: 'followed_up', note: 'Arrived, she is happy' },
      ]) {
        await ok(who.post(`/api/v1/conversations/${c.id}/recovery`, step));
      }
    },
    /** The customer books a callback in [start, end); the owner is whoever is free then (`owner` is set available). */
    async bookCallback(c: { id: string; visitor: Api }, owner: Api, start: Date, end: Date) {
      await ok(owner.put('/api/v1/agents/me/presence', { presence: 'available' }));
      await ok(
        c.visitor.post('/api/v1/widget/callback', {
          conversationId: c.id,
          phone: '+254 712 345678',
          windowStart: start.toISOString(),
          windowEnd: end.toISOString(),
        }),
      );
      await ok(owner.put('/api/v1/agents/me/presence', { presence: 'away' }));
    },
    async callBack(owner: Api, c: { id: string }, outcome: 'reached' | 'wrong_number') {
      await runDueJobs(t, floor.workspace);
      await ok(owner.post(`/api/v1/conversations/${c.id}/callback/ring`, {}));
      await ok(owner.post(`/api/v1/conversations/${c.id}/callback/outcome`, { outcome }));
    },
    setPurchaseChannel: (c: { customerId: string }, channel: string) =>
      ok(floor.api.grace.patch(`/api/v1/customers/${c.customerId}`, { attributes: { purchase_channel: channel } })),
    merge: (into: { customerId: string }, from: { customerId: string }) =>
      ok(floor.api.grace.post(`/api/v1/customers/${into.customerId}/merge`, { sourceId: from.customerId })),
    /** A survey answer (no route takes answers yet: stored as the survey's answer would be). */
    async answerSurvey(c: { id: string; customerId: string }, csat: number | null, ces: number | null) {
      await t.db.query(
        `insert into survey_responses (workspace_id, conversation_id, customer_id, channel, csat, ces)
         select workspace_id, id, customer_id, channel, $3, $4 from conversations where workspace_id = $1 and id = $2`,
        [floor.workspace.id, c.id, csat, ces],
      );
    },
  };
}
