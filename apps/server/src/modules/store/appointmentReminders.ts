import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversations, eventEntry } from '../conversations/index.ts';
import { agents } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { appointmentToken, whenText } from './appointments.ts';
import { appointments } from './repository/appointments.ts';
import { locations } from './repository/locations.ts';

/** What a reminder says and where it goes, for the channel that sends it. */
export interface AppointmentReminder {
  appointmentId: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  to: string | null;
  notifyBy: 'sms' | 'email' | null;
  /** "Returns with Amina at Westlands, Thursday 15 January, 15:00". */
  text: string;
  /** The time it reminds of (ISO): one reminder per appointment and time. */
  start: string;
  address: string;
  /** Where they reschedule or cancel, no account needed. */
  manageUrl: string;
}

/**
 * The reminder an `appointment_reminder` job stands for, or null when it no longer should go: the appointment was
 * cancelled, has started, or moved to another time (its own reminder is scheduled for that).
 */
export async function reminderDue(
  tx: Sql,
  secretKey: string,
  publicUrl: string,
  payload: { appointmentId: string; start: string },
): Promise<AppointmentReminder | null> {
  const a = await appointments.byId(tx, payload.appointmentId, { forUpdate: true });
  if (a?.status !== 'booked' || a.startsAt.toISOString() !== payload.start) return null;
  const location = (await locations.byId(tx, a.workspaceId, a.locationId))!;
  const person = await agents.byId(tx, a.workspaceId, a.agentId);
  const workspace = (await workspaces.byId(tx, a.workspaceId))!;
  const token = appointmentToken(secretKey, a);
  return {
    appointmentId: a.id,
    workspaceId: a.workspaceId,
    workspaceName: workspace.name,
    name: a.name,
    to: a.contact,
    notifyBy: a.notifyBy,
    text: `${a.serviceName} with ${person?.displayName.split(' ')[0] ?? 'us'} at ${location.name}, ${whenText(a.startsAt, location.timezone)}`,
    start: a.startsAt.toISOString(),
    address: location.address,
    manageUrl: `${publicUrl}/book/${encodeURIComponent(location.slug)}?appointment=${encodeURIComponent(token)}`,
  };
}

/** The reminder on the customer's timeline: sent, or why not (so staff know to call). */
export async function noteReminder(
  tx: Sql,
  reminder: AppointmentReminder,
  outcome: { sent: true } | { sent: false; why: string },
  events: WarmlineEvent[],
): Promise<void> {
  const a = (await appointments.byId(tx, reminder.appointmentId))!;
  const conversation = (await conversations.byId(tx, a.workspaceId, a.conversationId))!;
  const body = outcome.sent
    ? `Reminder sent to ${reminder.to}: ${reminder.text}`
    : `Reminder not sent (${outcome.why}): ${reminder.text}`;
  events.push(
    await eventEntry(tx, { kind: 'system', workspaceId: a.workspaceId }, conversation, 'appointment_reminder', body, {
      appointmentId: a.id,
      sent: outcome.sent,
    }),
  );
}
