import type { AlertKind } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { alerts } from './alertsRepository.ts';
import { MISSED_CONTACT_KINDS, scheduleMissedContactEmail } from './missedContacts.ts';
import { presentAlert } from './presentAlert.ts';

/**
 * Raises an alert in the caller's transaction and announces it after commit: to the supervisors, and to `agentId`
 * too when it is addressed to one person (a follow-up, a callback falling due, a promised reply). A customer that
 * person missed (waited too long, a callback due) is also emailed to them from `now`, when email is set up.
 */
export async function raiseAlert(
  tx: Sql,
  workspaceId: string,
  input: { conversationId: string; kind: AlertKind; text: string; agentId?: string | null; now?: Date },
  events: WarmlineEvent[],
): Promise<void> {
  const { now, ...fields } = input;
  const alert = await alerts.raise(tx, workspaceId, fields);
  if (now && fields.agentId && MISSED_CONTACT_KINDS.includes(fields.kind)) {
    await scheduleMissedContactEmail(tx, workspaceId, alert.id, now);
  }
  events.push({ type: 'alert.raised', workspaceId, alert: presentAlert(alert), agentId: input.agentId ?? null });
}
