import type { PublicAgent, StaffTicket, Ticket } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { type LineTicket, type TicketWait, waitText, walkInWaits } from './domain/walkInWait.ts';
import { appointments } from './repository/appointments.ts';
import { type LocationRecord, locations } from './repository/locations.ts';
import { type WalkInRecord, walkIns } from './repository/walkIns.ts';
import { ticketToken } from './ticketToken.ts';

/** Visits of the last two weeks tell how long a service really takes, once there are enough of them. */
const DURATION_HISTORY_MS = 14 * 86_400_000;

/**
 * A location's live line with the wait of each ticket in it, as of `now`; with `newcomerMinutes`, also the wait of
 * someone who would join the end of it now (the kiosk's welcome).
 */
export async function lineOf(tx: Sql, location: LocationRecord, now: Date, opts: { newcomerMinutes?: number } = {}) {
  await walkIns.returnTheAway(tx, location.id, now);
  // One after another: a transaction's queries share one connection.
  const line = await walkIns.line(tx, location.id);
  const onFloor = await locations.onTheFloor(tx, location.id);
  const took = await walkIns.recentTook(tx, location.id, new Date(now.getTime() - DURATION_HISTORY_MS));
  const booked = await appointments.upcoming(tx, location.id, now, new Date(now.getTime() + 12 * 3_600_000));
  const spread = (serviceId: string, typical: number) => {
    const lately = took.get(serviceId) ?? [];
    return { minutes: lately.length >= 5 ? lately.reduce((a, b) => a + b, 0) / lately.length / 60 : typical, took: lately };
  };
  const tickets: LineTicket[] = line.map((t) => ({
    status: t.status as LineTicket['status'],
    calledAt: t.calledAt,
    ...spread(t.serviceId, t.typicalMinutes),
  }));
  if (opts.newcomerMinutes !== undefined) tickets.push({ status: 'waiting', minutes: opts.newcomerMinutes, calledAt: null });
  const waits = walkInWaits(
    tickets,
    onFloor,
    now,
    booked.map((a) => ({
      inSeconds: Math.max(0, (a.startsAt.getTime() - now.getTime()) / 1000),
      ...spread(a.serviceId, (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
    })),
  );
  return { line, waits: new Map(line.map((t, i) => [t.id, waits[i]!])), newcomer: waits[line.length] ?? null, onFloor };
}

async function servedBy(tx: Sql, walkIn: WalkInRecord): Promise<PublicAgent | null> {
  if (!walkIn.calledBy) return null;
  const agent = await agents.byId(tx, walkIn.workspaceId, walkIn.calledBy);
  return agent ? presentPublicAgent(agent) : null;
}

const ENDED_TEXT: Record<string, (by: string | null) => string> = {
  called: (by) => `It's your turn: ${by ?? 'someone'} is ready for you at the counter`,
  served: (by) => `Thank you for coming in${by ? ` — ${by} helped you today` : ''}`,
  no_show: () => 'We called you but missed you. Check in again whenever you are ready — we are glad to see you',
  cancelled: () => 'You have left the line. Come back whenever suits you',
};

/** The ticket as its holder sees it: their place, an honest wait, and who is ready for them. */
export async function presentTicket(
  tx: Sql,
  secretKey: string,
  location: LocationRecord,
  walkIn: WalkInRecord,
  wait: TicketWait | undefined,
): Promise<Ticket> {
  const by = await servedBy(tx, walkIn);
  const firstName = by?.displayName.split(' ')[0] ?? null;
  const text =
    walkIn.status === 'waiting' && wait
      ? waitText(wait)
      : walkIn.status === 'away'
        ? 'Your place is kept while you are out. Come back to the counter before your time is up'
        : (ENDED_TEXT[walkIn.status]?.(firstName) ?? '');
  return {
    token: ticketToken(secretKey, walkIn.id),
    code: walkIn.code,
    status: walkIn.status,
    name: walkIn.name,
    service: walkIn.serviceName,
    location: { slug: location.slug, name: location.name },
    position: walkIn.status === 'waiting' ? (wait?.position ?? null) : null,
    wait: walkIn.status === 'waiting' ? (wait?.range ?? null) : null,
    text,
    servedBy: by,
    checkedInAt: walkIn.checkedInAt.toISOString(),
    awayUntil: walkIn.status === 'away' ? (walkIn.awayUntil?.toISOString() ?? null) : null,
    notifyBy: walkIn.notifyBy,
  };
}

/** A ticket in the staff view: enough of the person's story to greet them by name before they reach the counter. */
export async function presentStaffTicket(
  tx: Sql,
  walkIn: WalkInRecord,
  story: { mood: string | null; lastContact: string | null },
): Promise<StaffTicket> {
  return {
    id: walkIn.id,
    code: walkIn.code,
    status: walkIn.status,
    name: walkIn.name,
    service: walkIn.serviceName,
    customerId: walkIn.customerId,
    conversationId: walkIn.conversationId,
    checkedInAt: walkIn.checkedInAt.toISOString(),
    awayUntil: walkIn.awayUntil?.toISOString() ?? null,
    servedBy: await servedBy(tx, walkIn),
    mood: story.mood,
    lastContact: story.lastContact,
  };
}
