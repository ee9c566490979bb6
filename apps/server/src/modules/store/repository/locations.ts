import type { Sql } from '../../../core/db/sql.ts';
import type { Holiday, OpeningHours } from '../../workspaces/index.ts';

export interface LocationRecord {
  id: string;
  workspaceId: string;
  slug: string;
  name: string;
  address: string;
  timezone: string;
  openingHours: OpeningHours;
  holidays: Holiday[];
}

export interface ServiceRecord {
  id: string;
  locationId: string;
  name: string;
  typicalMinutes: number;
}

const columns = `l.id, l.workspace_id as "workspaceId", l.slug, l.name, l.address, l.timezone,
  l.opening_hours as "openingHours", l.holidays`;

export const locations = {
  async create(sql: Sql, workspaceId: string, input: Omit<LocationRecord, 'id' | 'workspaceId'>): Promise<LocationRecord | null> {
    const [row] = await sql.query<LocationRecord>(
      `insert into locations (workspace_id, slug, name, address, timezone, opening_hours, holidays)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (slug) do nothing
       returning id, workspace_id as "workspaceId", slug, name, address, timezone, opening_hours as "openingHours", holidays`,
      [
        workspaceId,
        input.slug,
        input.name,
        input.address,
        input.timezone,
        JSON.stringify(input.openingHours),
        JSON.stringify(input.holidays),
      ],
    );
    return row ?? null;
  },
  async update(sql: Sql, workspaceId: string, id: string, input: Omit<LocationRecord, 'id' | 'workspaceId'>): Promise<boolean> {
    const rows = await sql.query(
      `update locations set slug = $3, name = $4, address = $5, timezone = $6, opening_hours = $7, holidays = $8
       where workspace_id = $1 and id = $2 and not exists (select 1 from locations o where o.slug = $3 and o.id <> $2)
       returning 1`,
      [
        workspaceId,
        id,
        input.slug,
        input.name,
        input.address,
        input.timezone,
        JSON.stringify(input.openingHours),
        JSON.stringify(input.holidays),
      ],
    );
    return rows.length === 1;
  },
  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<LocationRecord | null> {
    const [row] = await sql.query<LocationRecord>(
      `select ${columns} from locations l where l.workspace_id = $1 and l.id = $2 ${opts.forUpdate ? 'for update' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /** A location by the slug in its public URL: the kiosk and the booking page know no workspace. */
  async bySlug(sql: Sql, slug: string): Promise<LocationRecord | null> {
    const [row] = await sql.query<LocationRecord>(`select ${columns} from locations l where l.slug = $1`, [slug]);
    return row ?? null;
  },
  async list(sql: Sql, workspaceId: string): Promise<LocationRecord[]> {
    return sql.query<LocationRecord>(`select ${columns} from locations l where l.workspace_id = $1 order by l.name, l.id`, [
      workspaceId,
    ]);
  },
  /** The next ticket number of the day at a location, under the location's row lock. */
  async nextTicketNumber(sql: Sql, workspaceId: string, id: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'update locations set ticket_seq = ticket_seq % 99 + 1 where workspace_id = $1 and id = $2 returning ticket_seq as n',
      [workspaceId, id],
    );
    return row!.n;
  },

  async services(sql: Sql, locationIds: string[]): Promise<ServiceRecord[]> {
    return sql.query<ServiceRecord>(
      `select id, location_id as "locationId", name, typical_minutes as "typicalMinutes" from location_services
       where location_id = any($1::uuid[]) and retired_at is null order by position, id`,
      [locationIds],
    );
  },
  async serviceById(sql: Sql, locationId: string, id: string): Promise<ServiceRecord | null> {
    const [row] = await sql.query<ServiceRecord>(
      `select id, location_id as "locationId", name, typical_minutes as "typicalMinutes" from location_services
       where location_id = $1 and id = $2 and retired_at is null`,
      [locationId, id],
    );
    return row ?? null;
  },
  /** The services offered from now on: same names keep their id (and their history); the rest are retired. */
  async setServices(sql: Sql, locationId: string, services: Array<{ name: string; typicalMinutes: number }>): Promise<void> {
    await sql.query(
      `update location_services set retired_at = now()
       where location_id = $1 and retired_at is null and not (lower(name) = any($2::text[]))`,
      [locationId, services.map((s) => s.name.toLowerCase())],
    );
    for (const [position, service] of services.entries()) {
      const updated = await sql.query(
        `update location_services set typical_minutes = $3, position = $4, name = $2
         where location_id = $1 and lower(name) = lower($2) and retired_at is null returning 1`,
        [locationId, service.name, service.typicalMinutes, position],
      );
      if (updated.length === 0) {
        await sql.query('insert into location_services (location_id, name, typical_minutes, position) values ($1, $2, $3, $4)', [
          locationId,
          service.name,
          service.typicalMinutes,
          position,
        ]);
      }
    }
  },

  async staffIds(sql: Sql, locationIds: string[]): Promise<Array<{ locationId: string; agentId: string }>> {
    return sql.query(
      `select s.location_id as "locationId", s.agent_id as "agentId" from location_staff s join agents a on a.id = s.agent_id
       where s.location_id = any($1::uuid[]) and a.removed_at is null order by a.display_name, a.id`,
      [locationIds],
    );
  },
  async setStaff(sql: Sql, workspaceId: string, locationId: string, agentIds: string[]): Promise<number> {
    await sql.query('delete from location_staff where location_id = $1', [locationId]);
    const rows = await sql.query(
      `insert into location_staff (location_id, agent_id)
       select $2, a.id from agents a where a.workspace_id = $1 and a.id = any($3::uuid[]) and a.removed_at is null
       returning 1`,
      [workspaceId, locationId, agentIds],
    );
    return rows.length;
  },
  /** True when this agent works at this location. */
  async isStaff(sql: Sql, locationId: string, agentId: string): Promise<boolean> {
    const rows = await sql.query('select 1 from location_staff where location_id = $1 and agent_id = $2', [locationId, agentId]);
    return rows.length === 1;
  },
  /** Staff of the location on the floor now: signed in and not away. */
  async onTheFloor(sql: Sql, locationId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from location_staff s join agents a on a.id = s.agent_id
       where s.location_id = $1 and a.removed_at is null and a.presence in ('available', 'busy')`,
      [locationId],
    );
    return row!.n;
  },
};
