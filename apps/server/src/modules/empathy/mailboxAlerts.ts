import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { alerts } from './alertsRepository.ts';
import { presentAlert } from './presentAlert.ts';

/**
 * Mailboxes read by IMAP that stop working are an alert for the workspace's supervisors and admins, beside their
 * customers' alerts: raised once when it starts failing, closed by itself when the mailbox reads again. Both run in
 * the caller's transaction, with the mailbox's recorded state, and are announced after its commit.
 */
export const mailboxAlerts = {
  async failing(tx: Sql, workspaceId: string, mailbox: string, problem: string, events: WarmlineEvent[]): Promise<void> {
    const alert = await alerts.raiseForMailbox(tx, workspaceId, {
      mailbox,
      text: `The mailbox ${mailbox} cannot be read: ${problem.replace(/\.$/, '')}. Email sent to it waits there until this is fixed (Settings › Email).`,
    });
    if (alert) events.push({ type: 'alert.raised', workspaceId, alert: presentAlert(alert), agentId: null });
  },
  async reading(tx: Sql, workspaceId: string, mailbox: string, events: WarmlineEvent[]): Promise<void> {
    // Every supervisor's open list loses it at once.
    for (const alert of await alerts.clearForMailbox(tx, workspaceId, mailbox)) {
      events.push({ type: 'alert.raised', workspaceId, alert: presentAlert(alert), agentId: null });
    }
  },
};
