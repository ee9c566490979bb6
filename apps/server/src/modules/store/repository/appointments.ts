import type { Sql } from '../../../core/db/sql.ts';

export interface AppointmentRecord {
  id: string;
  workspaceId: string;
  locationId: string;
  serviceId: string;
  serviceName: string;
  customerId: string;
  conversationId: string;
  agentId: string;
  anyPerson: boolean;
  startsAt: Date;
  endsAt: Date;
  name: string;
  contact: string | null;
  notifyBy: 'sms' | 'email' | null;
  status: 'booked' | 'started' | 'cancelled';
}

const columns = `a.id, a.workspace_id as "workspaceId", a.location_id as "locationId", a.service_id as "serviceId",
  s.name as "serviceName", a.customer_id as "customerId", a.conversation_id as "conversationId", a.agent_id as "agentId",
  a.any_person as "anyPerson", a.starts_at as "startsAt", a.ends_at as "endsAt", a.name, a.contact,
  a.notify_by as "notifyBy", a.status`;
const joined = 'appointments a join location_services s on s.id = a.service_id';

/** The grid appointments are booked on. */
export const SLOT_MINUTES = 15;

/** The slot starts an appointment from `start` to `end` holds. */
export function slotsBetween(start: Date, end: Date): Date[] {
  const slots: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += SLOT_MINUTES * 60_000) slots.push(new Date(t));
  return slots;
}

export const appointments = {
  async insert(
    sql: Sql,
    input: Omit<AppointmentRecord, 'id' | 'serviceName' | 'status'> & { clientId: string; bookedBy: string | null },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into appointments (workspace_id, location_id, service_id, customer_id, conversation_id, agent_id, any_person,
         starts_at, ends_at, name, contact, notify_by, client_id, booked_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
      [
        input.workspaceId,
        input.locationId,
        input.serviceId,
        input.customerId,
        input.conversationId,
        input.agentId,
        input.anyPerson,
        input.startsAt,
        input.endsAt,
        input.name,
        input.contact,
        input.notifyBy,
        input.clientId,
        input.bookedBy,
      ],
    );
    return row!.id;
  },
  /**
   * Holds the person's slots for an appointment: false when any of them is taken (by a booking that committed first
   * or is committing now), and then nothing is held. A savepoint keeps the caller's transaction usable.
   */
  async holdSlots(sql: Sql, appointmentId: string, agentId: string, slots: Date[]): Promise<boolean> {
    await sql.query('savepoint hold_slots');
    try {
      await sql.query(
        `insert into appointment_slots (agent_id, slot_start, appointment_id) select $1, unnest($2::timestamptz[]), $3`,
        [agentId, slots, appointmentId],
      );
      await sql.query('release savepoint hold_slots');
      return true;
    } catch (err) {
      await sql.query('rollback to savepoint hold_slots');
      if ((err as { code?: string }).code === '23505') return false;
      throw err;
    }
  },
  async releaseSlots(sql: Sql, appointmentId: string): Promise<void> {
    await sql.query('delete from appointment_slots where appointment_id = $1', [appointmentId]);
  },
  /** Slots taken between two instants for these people. */
  async takenSlots(sql: Sql, agentIds: string[], from: Date, to: Date): Promise<Array<{ agentId: string; slotStart: Date }>> {
    return sql.query(
      `select agent_id as "agentId", slot_start as "slotStart" from appointment_slots
       where agent_id = any($1::uuid[]) and slot_start >= $2 and slot_start < $3`,
      [agentIds, from, to],
    );
  },
  async byClientId(sql: Sql, locationId: string, clientId: string): Promise<AppointmentRecord | null> {
    const [row] = await sql.query<AppointmentRecord>(
      `select ${columns} from ${joined} where a.location_id = $1 and a.client_id = $2`,
      [locationId, clientId],
    );
    return row ?? null;
  },
  async byId(sql: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<AppointmentRecord | null> {
    const [row] = await sql.query<AppointmentRecord>(
      `select ${columns} from ${joined} where a.id = $1 ${opts.forUpdate ? 'for update of a' : ''}`,
      [id],
    );
    return row ?? null;
  },
  async move(sql: Sql, id: string, patch: { startsAt: Date; endsAt: Date; agentId: string; anyPerson: boolean }): Promise<void> {
    await sql.query('update appointments set starts_at = $2, ends_at = $3, agent_id = $4, any_person = $5 where id = $1', [
      id,
      patch.startsAt,
      patch.endsAt,
      patch.agentId,
      patch.anyPerson,
    ]);
  },
  async setStatus(sql: Sql, id: string, status: AppointmentRecord['status']): Promise<void> {
    await sql.query('update appointments set status = $2 where id = $1', [id, status]);
  },
  /** A location's appointments still to be seen between two instants, in time order. */
  async upcoming(sql: Sql, locationId: string, from: Date, to: Date): Promise<AppointmentRecord[]> {
    return sql.query<AppointmentRecord>(
      `select ${columns} from ${joined} where a.location_id = $1 and a.status = 'booked' and a.ends_at > $2 and a.starts_at < $3
       order by a.starts_at, a.id`,
      [locationId, from, to],
    );
  },
  /** How many appointments each of these people has between two instants: "anyone" goes to the least booked. */
  async countsFor(sql: Sql, agentIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await sql.query<{ agentId: string; n: number }>(
      `select agent_id as "agentId", count(*)::int as n from appointments
       where agent_id = any($1::uuid[]) and status <> 'cancelled' and starts_at >= $2 and starts_at < $3 group by agent_id`,
      [agentIds, from, to],
    );
    return new Map(rows.map((r) => [r.agentId, r.n]));
  },
};
