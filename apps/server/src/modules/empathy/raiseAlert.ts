import type { AlertKind } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { alerts } from './alertsRepository.ts';
import { presentAlert } from './presentAlert.ts';

/**
 * Raises an alert in the caller's transaction and announces it after commit: to the supervisors, and to `agentId`
 * too when it is addressed to one person (a follow-up, a callback falling due, a promised reply).
 */
export async function raiseAlert(
  tx: Sql,
  workspaceId: string,
  input: { conversationId: string; kind: AlertKind; text: string; agentId?: string | null },
  events: WarmlineEvent[],
): Promise<void> {
  const alert = await alerts.raise(tx, workspaceId, input);
  events.push({ type: 'alert.raised', workspaceId, alert: presentAlert(alert), agentId: input.agentId ?? null });
}
