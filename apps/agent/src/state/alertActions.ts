import type { Alert } from '@warmline/shared';
import { alertsApi } from '../api/endpoints.ts';
import { navigate, paths } from '../router.tsx';
import { ALERT_KIND_LABELS, isPersonalReminder, mergeAlerts, withAlert, withoutAlert } from './alertFeed.ts';
import { chime, notify } from './alerts.ts';
import { getState, setState } from './store.ts';

/** When (ms) each alert arrived over the socket: a read that began earlier cannot know it yet. */
const arrivedAt = new Map<string, number>();
/** Alerts taken here: a read that began before the click may still list them. */
const taken = new Set<string>();
/** Notices put away by hand: a reconnect does not bring an agent's reminder back. */
const hidden = new Set<string>();

function isSupervisor(): boolean {
  const role = getState().session?.agent.role;
  return role === 'supervisor' || role === 'admin';
}

/** Where an alert leads: its conversation, or Settings › Email for a mailbox that cannot be read. */
export function alertPath(alert: Alert): string {
  return alert.conversationId ? paths.conversation(alert.conversationId) : paths.settings('email');
}

/** An alert arrived live: into the list, a quiet notice, a chime, and a desktop notification when allowed. */
export function receiveAlert(alert: Alert): void {
  if (alert.acknowledgedAt) {
    // Someone took it (here or on another screen): it leaves every list at once.
    setState((s) => ({ alerts: withoutAlert(s.alerts, alert.id), alertNotices: s.alertNotices.filter((id) => id !== alert.id) }));
    return;
  }
  if (taken.has(alert.id)) return;
  arrivedAt.set(alert.id, Date.now());
  setState((s) => ({
    alerts: withAlert(s.alerts, alert),
    alertNotices: s.alertNotices.includes(alert.id) ? s.alertNotices : [alert.id, ...s.alertNotices],
  }));
  chime();
  notify(
    `${ALERT_KIND_LABELS[alert.kind]} · ${alert.conversationId ? (alert.customerName ?? 'A customer') : 'Email'}`,
    alert.text,
    `warmline-alert-${alert.id}`,
    () => navigate(alertPath(alert)),
  );
}

/**
 * Applies a fresh read of the open alerts that began at `startedAt`. An agent's own follow-up reminders are
 * theirs to act on, so they show as notices too; a supervisor finds older alerts on the live queue.
 */
export function applyAlertRead(server: readonly Alert[], startedAt: number): void {
  const since = (id: string) => (arrivedAt.get(id) ?? 0) >= startedAt;
  setState((s) => {
    const alerts = mergeAlerts(server, s.alerts, since, taken);
    const open = new Set(alerts.map((a) => a.id));
    const notices = isSupervisor()
      ? s.alertNotices.filter((id) => open.has(id))
      : alerts.filter((a) => isPersonalReminder(a) && !hidden.has(a.id)).map((a) => a.id);
    return { alerts, alertNotices: notices };
  });
}

/** Reads the open alerts (after each connect, so nothing raised while offline is missed). */
export async function loadAlerts(): Promise<void> {
  const startedAt = Date.now();
  try {
    const { alerts } = await alertsApi.open();
    applyAlertRead(alerts, startedAt);
  } catch {
    // The live queue reads them again every few seconds; an agent's reminder also arrives as a note.
  }
}

/** "I'm on it": the alert leaves everyone's open list. Throws an ApiError for the caller to show. */
export async function acknowledgeAlert(id: string): Promise<void> {
  await alertsApi.acknowledge(id);
  taken.add(id);
  setState((s) => ({ alerts: withoutAlert(s.alerts, id), alertNotices: s.alertNotices.filter((n) => n !== id) }));
}

/** Hides the notice; the alert stays open (on the live queue for supervisors). */
export function hideAlertNotice(id: string): void {
  hidden.add(id);
  setState((s) => ({ alertNotices: s.alertNotices.filter((n) => n !== id) }));
}

/** Forgets what this browser knew about alerts (sign-out). */
export function forgetAlerts(): void {
  arrivedAt.clear();
  taken.clear();
  hidden.clear();
}
