import type { Sql } from '../../../core/db/sql.ts';

export type WalkInStatus = 'waiting' | 'away' | 'called' | 'served' | 'no_show' | 'cancelled';

export interface WalkInRecord {
  id: string;
  workspaceId: string;
  locationId: string;
  conversationId: string;
  customerId: string;
  serviceId: string;
  serviceName: string;
  typicalMinutes: number;
  code: string;
  name: string;
  notifyBy: 'sms' | 'email' | null;
  /** Where they are told it is their turn (an email or a phone number), when they left one. */
  contact: string | null;
  via: 'kiosk' | 'phone';
  status: WalkInStatus;
  checkedInAt: Date;
  awayUntil: Date | null;
  calledAt: Date | null;
  calledBy: string | null;
  endedAt: Date | null;
}

const columns = `w.id, w.workspace_id as "workspaceId", w.location_id as "locationId", w.conversation_id as "conversationId",
  w.customer_id as "customerId", w.service_id as "serviceId", s.name as "serviceName", s.typical_minutes as "typicalMinutes",
  w.code, w.name, w.notify_by as "notifyBy", w.contact, w.via, w.status, w.checked_in_at as "checkedInAt", w.away_until as "awayUntil",
  w.called_at as "calledAt", w.called_by as "calledBy", w.ended_at as "endedAt"`;
const from = 'walk_ins w join location_services s on s.id = w.service_id';

/** Still in line or at the counter. */
export const LIVE_STATUSES: readonly WalkInStatus[] = ['waiting', 'away', 'called'];

export const walkIns = {
  async insert(
    sql: Sql,
    input: Pick<
      WalkInRecord,
      | 'workspaceId'
      | 'locationId'
      | 'conversationId'
      | 'customerId'
      | 'serviceId'
      | 'code'
      | 'name'
      | 'notifyBy'
      | 'contact'
      | 'via'
      | 'checkedInAt'
    > & { clientId: string; appointmentId?: string },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into walk_ins (workspace_id, location_id, conversation_id, customer_id, service_id, client_id, code, name, notify_by, via,
         checked_in_at, appointment_id, contact)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
      [
        input.workspaceId,
        input.locationId,
        input.conversationId,
        input.customerId,
        input.serviceId,
        input.clientId,
        input.code,
        input.name,
        input.notifyBy,
        input.via,
        input.checkedInAt,
        input.appointmentId ?? null,
        input.contact,
      ],
    );
    return row!.id;
  },
  /** The walk-in a kiosk already made with this client id: a resend after a network blip. */
  async byClientId(sql: Sql, locationId: string, clientId: string): Promise<WalkInRecord | null> {
    const [row] = await sql.query<WalkInRecord>(`select ${columns} from ${from} where w.location_id = $1 and w.client_id = $2`, [
      locationId,
      clientId,
    ]);
    return row ?? null;
  },
  async byId(sql: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<WalkInRecord | null> {
    const [row] = await sql.query<WalkInRecord>(
      `select ${columns} from ${from} where w.id = $1 ${opts.forUpdate ? 'for update of w' : ''}`,
      [id],
    );
    return row ?? null;
  },
  async inWorkspace(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<WalkInRecord | null> {
    const [row] = await sql.query<WalkInRecord>(
      `select ${columns} from ${from} where w.workspace_id = $1 and w.id = $2 ${opts.forUpdate ? 'for update of w' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /** The live line of a location in order of arrival: waiting, stepped out, and at the counter. */
  async line(sql: Sql, locationId: string): Promise<WalkInRecord[]> {
    return sql.query<WalkInRecord>(
      `select ${columns} from ${from} where w.location_id = $1 and w.status = any($2::text[]) order by w.checked_in_at, w.arrival`,
      [locationId, LIVE_STATUSES],
    );
  },
  /**
   * Takes the first person waiting (not stepped out) for one caller: a ticket another staff member is calling at the
   * same moment is skipped, so two people calling next never call the same person.
   */
  async takeNext(sql: Sql, locationId: string): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `select id from walk_ins where location_id = $1 and status = 'waiting'
       order by checked_in_at, arrival limit 1 for update skip locked`,
      [locationId],
    );
    return row?.id ?? null;
  },
  async setStatus(
    sql: Sql,
    id: string,
    patch: { status: WalkInStatus; awayUntil?: Date | null; calledAt?: Date; calledBy?: string; endedAt?: Date },
  ): Promise<void> {
    await sql.query(
      `update walk_ins set status = $2,
         away_until = case when $3::boolean then $4 else away_until end,
         called_at = coalesce($5, called_at), called_by = coalesce($6, called_by), ended_at = coalesce($7, ended_at)
       where id = $1`,
      [
        id,
        patch.status,
        patch.awayUntil !== undefined,
        patch.awayUntil ?? null,
        patch.calledAt ?? null,
        patch.calledBy ?? null,
        patch.endedAt ?? null,
      ],
    );
  },
  /** Stepped-out tickets whose time is up by `now`: they are back in line where they were. */
  async returnTheAway(sql: Sql, locationId: string, now: Date): Promise<number> {
    const rows = await sql.query(
      `update walk_ins set status = 'waiting', away_until = null
       where location_id = $1 and status = 'away' and away_until <= $2 returning 1`,
      [locationId, now],
    );
    return rows.length;
  },
  /** Seconds from check-in to called for the workspace's walk-ins called since `since`, shortest first. */
  async timesToHuman(sql: Sql, workspaceId: string, since: Date): Promise<number[]> {
    const rows = await sql.query<{ s: number }>(
      `select extract(epoch from called_at - checked_in_at)::float8 as s from walk_ins
       where workspace_id = $1 and called_at >= $2 order by 1`,
      [workspaceId, since],
    );
    return rows.map((r) => Number(r.s));
  },
  /** Median walk-in time to human (check-in → called) at a location since `since`, in seconds. */
  async medianTimeToHuman(sql: Sql, locationId: string, since: Date): Promise<number | null> {
    const [row] = await sql.query<{ s: number | null }>(
      `select round(percentile_cont(0.5) within group (order by extract(epoch from called_at - checked_in_at)))::int as s
       from walk_ins where location_id = $1 and called_at is not null and checked_in_at >= $2`,
      [locationId, since],
    );
    return row?.s ?? null;
  },
  /** How long each service really took lately at a location (called → ended), in seconds, newest first, up to 60 each. */
  async recentTook(sql: Sql, locationId: string, since: Date): Promise<Map<string, number[]>> {
    const rows = await sql.query<{ serviceId: string; took: number[] }>(
      `select service_id as "serviceId",
         (array_agg(extract(epoch from ended_at - called_at)::float8 order by ended_at desc))[1:60] as took
       from walk_ins where location_id = $1 and status = 'served' and called_at >= $2 group by service_id`,
      [locationId, since],
    );
    return new Map(rows.map((r) => [r.serviceId, r.took.map(Number)]));
  },
};
