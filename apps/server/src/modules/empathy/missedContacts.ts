import type { AlertKind } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';
import { jobs } from '../../core/jobs/jobs.ts';

/** The job that emails the person an alert is for about a customer they missed (channels/email/missedContactJob.ts). */
export const MISSED_CONTACT_EMAIL_JOB = 'missed_contact_email';

/** Alerts about a customer left waiting by a person: the ones that person is also told about by email. */
export const MISSED_CONTACT_KINDS: readonly AlertKind[] = ['waited_too_long', 'callback_due'];

/** Writes the email job beside the alert, in the same transaction: it survives a crash and runs once. */
export async function scheduleMissedContactEmail(tx: Sql, workspaceId: string, alertId: string, at: Date): Promise<void> {
  await jobs.schedule(tx, workspaceId, { kind: MISSED_CONTACT_EMAIL_JOB, runAt: at, payload: { alertId } });
}

export interface MissedContactNotice {
  alertId: string;
  conversationId: string;
  kind: AlertKind;
  text: string;
  customerName: string | null;
  agentName: string;
  agentEmail: string;
  /** The person turned these emails off in their profile. */
  optedOut: boolean;
  emailedAt: Date | null;
  acknowledgedAt: Date | null;
  workspaceName: string;
}

export const missedContacts = {
  /** The alert and the person it is for, locked until the caller's transaction ends: two runs email once. */
  async lockNotice(sql: Sql, workspaceId: string, alertId: string): Promise<MissedContactNotice | null> {
    if (!isUuid(alertId)) return null;
    const [row] = await sql.query<MissedContactNotice>(
      `select al.id as "alertId", al.conversation_id as "conversationId", al.kind, al.text, cu.name as "customerName",
         ag.display_name as "agentName", ag.email as "agentEmail", not ag.missed_contact_emails as "optedOut",
         al.emailed_at as "emailedAt", al.acknowledged_at as "acknowledgedAt", w.name as "workspaceName"
       from alerts al join agents ag on ag.id = al.agent_id and ag.workspace_id = al.workspace_id
         join conversations c on c.id = al.conversation_id join customers cu on cu.id = c.customer_id
         join workspaces w on w.id = al.workspace_id
       where al.workspace_id = $1 and al.id = $2 and ag.removed_at is null
       for update of al`,
      [workspaceId, alertId],
    );
    return row ?? null;
  },
  async markEmailed(sql: Sql, workspaceId: string, alertId: string, at: Date): Promise<void> {
    await sql.query('update alerts set emailed_at = $3 where workspace_id = $1 and id = $2', [workspaceId, alertId, at]);
  },
};
