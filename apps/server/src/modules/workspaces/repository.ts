import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';
import type { Holiday, OpeningHours } from './openingHours.ts';

export interface WorkspaceRecord {
  id: string;
  name: string;
  key: string;
  greeting: string;
  allowedOrigins: string[];
  replyPromiseMinutes: number;
  timezone: string;
  openingHours: OpeningHours;
  idleAwayMinutes: number;
  presenceGraceSeconds: number;
  /** ISO country for phone numbers written without +country; null: only international numbers. */
  phoneCountry: string | null;
  logoUrl: string | null;
  widgetColor: string;
  currency: string;
  languages: string[];
  holidays: Holiday[];
}

/** What admins change on the settings screens; an absent field stays as it is. */
export interface WorkspacePatch {
  name?: string;
  timezone?: string;
  openingHours?: OpeningHours;
  idleAwayMinutes?: number;
  presenceGraceSeconds?: number;
  replyPromiseMinutes?: number;
  phoneCountry?: string | null;
  allowedOrigins?: string[] | undefined;
  greeting?: string;
  widgetColor?: string;
  currency?: string;
  languages?: string[];
  holidays?: Holiday[];
}

const columns = `id, name, key, greeting, allowed_origins as "allowedOrigins", reply_promise_minutes as "replyPromiseMinutes",
  timezone, opening_hours as "openingHours", idle_away_minutes as "idleAwayMinutes", presence_grace_seconds as "presenceGraceSeconds", phone_country as "phoneCountry",
  logo_url as "logoUrl", widget_color as "widgetColor", currency, languages, holidays`;

export const workspaces = {
  async create(sql: Sql, input: { name: string; key: string }): Promise<WorkspaceRecord> {
    const [row] = await sql.query<WorkspaceRecord>(`insert into workspaces (name, key) values ($1, $2) returning ${columns}`, [
      input.name,
      input.key,
    ]);
    return row!;
  },
  async byId(sql: Sql, id: string): Promise<WorkspaceRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces where id = $1`, [id]);
    return row ?? null;
  },
  async byKey(sql: Sql, key: string): Promise<WorkspaceRecord | null> {
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces where key = $1`, [key]);
    return row ?? null;
  },
  async first(sql: Sql): Promise<WorkspaceRecord | null> {
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces order by created_at limit 1`);
    return row ?? null;
  },
  async setHours(sql: Sql, id: string, input: { timezone: string; openingHours: OpeningHours }): Promise<void> {
    await sql.query('update workspaces set timezone = $2, opening_hours = $3 where id = $1', [
      id,
      input.timezone,
      JSON.stringify(input.openingHours),
    ]);
  },
  async setPresenceTimes(
    sql: Sql,
    id: string,
    input: { idleAwayMinutes?: number; presenceGraceSeconds?: number },
  ): Promise<void> {
    await sql.query(
      'update workspaces set idle_away_minutes = coalesce($2, idle_away_minutes), presence_grace_seconds = coalesce($3, presence_grace_seconds) where id = $1',
      [id, input.idleAwayMinutes ?? null, input.presenceGraceSeconds ?? null],
    );
  },
  async updateSettings(sql: Sql, id: string, patch: WorkspacePatch): Promise<void> {
    await sql.query(
      `update workspaces set name = coalesce($2, name), timezone = coalesce($3, timezone), opening_hours = coalesce($4::jsonb, opening_hours),
         idle_away_minutes = coalesce($5, idle_away_minutes), presence_grace_seconds = coalesce($6, presence_grace_seconds),
         reply_promise_minutes = coalesce($7, reply_promise_minutes),
         phone_country = case when $8 then $9 else phone_country end,
         allowed_origins = coalesce($10::text[], allowed_origins),
         greeting = coalesce($11, greeting), widget_color = coalesce($12, widget_color), currency = coalesce($13, currency),
         languages = coalesce($14::text[], languages), holidays = coalesce($15::jsonb, holidays)
       where id = $1`,
      [
        id,
        patch.name ?? null,
        patch.timezone ?? null,
        patch.openingHours ? JSON.stringify(patch.openingHours) : null,
        patch.idleAwayMinutes ?? null,
        patch.presenceGraceSeconds ?? null,
        patch.replyPromiseMinutes ?? null,
        patch.phoneCountry !== undefined,
        patch.phoneCountry ?? null,
        patch.allowedOrigins ?? null,
        patch.greeting ?? null,
        patch.widgetColor ?? null,
        patch.currency ?? null,
        patch.languages ?? null,
        patch.holidays ? JSON.stringify(patch.holidays) : null,
      ],
    );
  },
  /** Sets (or, with null, removes) the logo; returns the one it replaces, for the caller to let go. */
  async setLogo(sql: Sql, id: string, logoUrl: string | null): Promise<string | null> {
    const [row] = await sql.query<{ before: string | null }>(
      `update workspaces w set logo_url = $2 from (select logo_url as before from workspaces where id = $1 for update) old
       where w.id = $1 returning old.before`,
      [id, logoUrl],
    );
    return row?.before ?? null;
  },
  /** The secret a website signs its signed-in users with (identity verification). Never sent to browsers. */
  async identitySecret(sql: Sql, id: string): Promise<string> {
    const [row] = await sql.query<{ secret: string }>('select identity_secret as secret from workspaces where id = $1', [id]);
    return row!.secret;
  },
  async rotateIdentitySecret(sql: Sql, id: string, secret: string): Promise<void> {
    await sql.query('update workspaces set identity_secret = $2 where id = $1', [id, secret]);
  },
  async setAllowedOrigins(sql: Sql, id: string, origins: string[]): Promise<void> {
    await sql.query('update workspaces set allowed_origins = $2 where id = $1', [id, origins]);
  },
};

export const instance = {
  /** The instance-wide secret that signs visitor tokens, made once on first start. */
  async secretKey(sql: Sql, generate: () => string): Promise<string> {
    await sql.query('insert into instance (id, secret_key) values (1, $1) on conflict (id) do nothing', [generate()]);
    const [row] = await sql.query<{ secret_key: string }>('select secret_key from instance where id = 1');
    return row!.secret_key;
  },
};
