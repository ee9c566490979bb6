import type { Channel, Emotion, SurveyLanguage, SurveySettings } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  conversationId: string;
  customerId: string;
  channel: Channel;
  language: SurveyLanguage;
  askedAt: Date;
  expiresAt: Date;
  /** Set once the customer answered. */
  answeredAt: Date | null;
}

export interface ResponseRecord {
  id: string;
  csat: number | null;
  ces: number | null;
  feeling: Emotion | null;
  comment: string | null;
  answeredAt: Date;
}

const invitationColumns = `i.id, i.workspace_id as "workspaceId", i.conversation_id as "conversationId", i.customer_id as "customerId",
  i.channel, i.language, i.asked_at as "askedAt", i.expires_at as "expiresAt",
  (select r.answered_at from survey_responses r where r.workspace_id = i.workspace_id and r.conversation_id = i.conversation_id) as "answeredAt"`;

/** Who was asked, where and until when: one invitation per conversation. */
export const surveyInvitations = {
  /** The new invitation, or null when this conversation was asked already. */
  async create(
    sql: Sql,
    workspaceId: string,
    input: {
      conversationId: string;
      customerId: string;
      channel: Channel;
      language: SurveyLanguage;
      askedAt: Date;
      expiresAt: Date;
    },
  ): Promise<InvitationRecord | null> {
    const [row] = await sql.query<{ id: string }>(
      `insert into survey_invitations (workspace_id, conversation_id, customer_id, channel, language, asked_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (conversation_id) do nothing returning id`,
      [workspaceId, input.conversationId, input.customerId, input.channel, input.language, input.askedAt, input.expiresAt],
    );
    return row ? surveyInvitations.byId(sql, workspaceId, row.id) : null;
  },

  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvitationRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<InvitationRecord>(
      `select ${invitationColumns} from survey_invitations i where i.workspace_id = $1 and i.id = $2${opts.forUpdate ? ' for update of i' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },

  /**
   * The invitation a signed link names, in whichever workspace holds it: the link is the credential, and its
   * workspace is read from the row (every later query names it).
   */
  async workspaceOf(sql: Sql, id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<{ workspaceId: string }>(
      `select workspace_id as "workspaceId" from survey_invitations where id = $1`,
      [id],
    );
    return row?.workspaceId ?? null;
  },

  async ofConversation(sql: Sql, workspaceId: string, conversationId: string): Promise<InvitationRecord | null> {
    if (!isUuid(conversationId)) return null;
    const [row] = await sql.query<InvitationRecord>(
      `select ${invitationColumns} from survey_invitations i where i.workspace_id = $1 and i.conversation_id = $2`,
      [workspaceId, conversationId],
    );
    return row ?? null;
  },

  /** Holds this customer's invitations until the transaction ends: one resolution at a time decides whether to ask. */
  async lockCustomer(sql: Sql, workspaceId: string, customerId: string): Promise<void> {
    await sql.query(`select pg_advisory_xact_lock(hashtext('survey:' || $1 || ':' || $2))`, [workspaceId, customerId]);
  },

  /** When this customer was last asked, in any conversation. */
  async lastAskedAt(sql: Sql, workspaceId: string, customerId: string): Promise<Date | null> {
    const [row] = await sql.query<{ at: Date }>(
      `select max(asked_at) as at from survey_invitations where workspace_id = $1 and customer_id = $2`,
      [workspaceId, customerId],
    );
    return row?.at ?? null;
  },
};

/** The one answer of a conversation's survey, with the team and person who owned it copied for reports. */
export const surveyResponses = {
  /** The stored answer, or null when the conversation was answered already (nothing is stored twice). */
  async create(
    sql: Sql,
    workspaceId: string,
    input: {
      conversationId: string;
      customerId: string;
      teamId: string | null;
      agentId: string | null;
      channel: Channel;
      csat: number | null;
      ces: number | null;
      feeling: Emotion | null;
      comment: string | null;
      answeredAt: Date;
    },
  ): Promise<ResponseRecord | null> {
    const [row] = await sql.query<ResponseRecord>(
      `insert into survey_responses (workspace_id, conversation_id, customer_id, team_id, agent_id, channel, csat, ces, feeling, comment, answered_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (conversation_id) do nothing
       returning id, csat, ces, feeling, comment, answered_at as "answeredAt"`,
      [
        workspaceId,
        input.conversationId,
        input.customerId,
        input.teamId,
        input.agentId,
        input.channel,
        input.csat,
        input.ces,
        input.feeling,
        input.comment,
        input.answeredAt,
      ],
    );
    return row ?? null;
  },
};

/** A workspace's survey settings (columns of `workspaces`, migration 030). */
export const surveySettings = {
  async get(sql: Sql, workspaceId: string): Promise<SurveySettings & { company: string; logoUrl: string | null; color: string }> {
    const [row] = await sql.query<SurveySettings & { company: string; logoUrl: string | null; color: string }>(
      `select surveys_enabled as enabled, survey_quiet_days as "quietDays", name as company, logo_url as "logoUrl", widget_color as color
       from workspaces where id = $1`,
      [workspaceId],
    );
    return row!;
  },
  async update(sql: Sql, workspaceId: string, patch: Partial<SurveySettings>): Promise<void> {
    await sql.query(
      `update workspaces set surveys_enabled = coalesce($2, surveys_enabled), survey_quiet_days = coalesce($3, survey_quiet_days)
       where id = $1`,
      [workspaceId, patch.enabled ?? null, patch.quietDays ?? null],
    );
  },
};
