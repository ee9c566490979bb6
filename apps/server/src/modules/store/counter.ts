import type { StaffTicket } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import { conversations, eventEntry, humanConnected, noteEntry, pushConversationChanged } from '../conversations/index.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { presentLocation } from './locations.ts';
import { lineOf, presentStaffTicket } from './presentTicket.ts';
import { appointments } from './repository/appointments.ts';
import { type LocationRecord, locations } from './repository/locations.ts';
import { type WalkInRecord, walkIns } from './repository/walkIns.ts';
import { scheduleTurnNotice } from './walkInTurn.ts';

/** Staff of a location, and supervisors and admins, work its counter; to anyone else it does not exist. */
async function counterOf(tx: Sql, actor: AgentActor, locationId: string, opts: { forUpdate?: boolean } = {}) {
  const location = await locations.byId(tx, actor.workspaceId, locationId, opts);
  if (!location) throw new NotFound('Location');
  if (actor.role === 'agent' && !(await locations.isStaff(tx, location.id, actor.agentId))) throw new NotFound('Location');
  return location;
}

/** What staff read about a person in line before they reach the counter: how they seem, and what came before. */
async function storyOf(tx: Sql, walkIn: WalkInRecord) {
  const before = await conversations.latestBefore(tx, walkIn.workspaceId, walkIn.customerId, walkIn.conversationId);
  const lastContact =
    before?.lastMessageBody && before.lastMessageAt
      ? `${before.channel === 'in_person' ? 'In the store' : before.channel.charAt(0).toUpperCase() + before.channel.slice(1)}: “${before.lastMessageBody.slice(0, 140)}”`
      : null;
  return { mood: before?.mood ?? null, lastContact };
}

/** The walk-in line of a location for its staff, in order, with walk-in time to human today. */
export async function storeQueue(services: Services, actor: AgentActor, locationId: string) {
  const now = services.now();
  const location = await counterOf(services.db, actor, locationId);
  const { line } = await lineOf(services.db, location, now);
  const tickets: StaffTicket[] = [];
  for (const walkIn of line) tickets.push(await presentStaffTicket(services.db, walkIn, await storyOf(services.db, walkIn)));
  const dayStart = new Date(now.getTime() - 24 * 3_600_000);
  const booked = [];
  for (const a of await appointments.upcoming(
    services.db,
    location.id,
    new Date(now.getTime() - 3_600_000),
    new Date(now.getTime() + 12 * 3_600_000),
  )) {
    const person = await agents.byId(services.db, actor.workspaceId, a.agentId);
    booked.push({
      id: a.id,
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      service: a.serviceName,
      name: a.name,
      customerId: a.customerId,
      conversationId: a.conversationId,
      person: person ? presentPublicAgent(person) : null,
    });
  }
  return {
    location: await presentLocation(services.db, location),
    tickets,
    appointments: booked,
    timeToHumanSeconds: await walkIns.medianTimeToHuman(services.db, location.id, dayStart),
  };
}

/**
 * "Call next": the first person waiting comes to this member of staff. Two people pressing it at the same moment
 * call two different people (or one is told the line is empty); the visit becomes theirs and time to human stops.
 */
export async function callNext(services: Services, actor: AgentActor, locationId: string): Promise<StaffTicket> {
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const location = await counterOf(tx, actor, locationId);
    await walkIns.returnTheAway(tx, location.id, now);
    const id = await walkIns.takeNext(tx, location.id);
    if (!id) throw new Conflict('Nobody is waiting right now.');
    const walkIn = (await walkIns.byId(tx, id))!;
    await scheduleTurnNotice(tx, walkIn, now);
    return callTo(tx, actor, location, walkIn, now, events);
  });
}

async function callTo(
  tx: Sql,
  actor: AgentActor,
  location: LocationRecord,
  walkIn: WalkInRecord,
  now: Date,
  events: Parameters<typeof humanConnected>[4],
) {
  await walkIns.setStatus(tx, walkIn.id, { status: 'called', calledAt: now, calledBy: actor.agentId, awayUntil: null });
  await conversations.lock(tx, actor.workspaceId, walkIn.conversationId);
  const conversation = (await conversations.byId(tx, actor.workspaceId, walkIn.conversationId))!;
  await humanConnected(tx, actor, conversation, `called ${walkIn.name} (${walkIn.code}) to the counter`, events);
  await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
  events.push(
    { type: 'store.changed', workspaceId: actor.workspaceId, locationId: location.id },
    { type: 'queue.changed', workspaceId: actor.workspaceId },
  );
  return presentStaffTicket(tx, (await walkIns.byId(tx, walkIn.id))!, await storyOf(tx, walkIn));
}

/**
 * The person with an appointment is here: their visit starts at the counter with whoever starts it (usually the
 * person it was booked with), as a walk-in called to them, so it ends the same way (served, follow-up, no-show).
 */
export async function startAppointment(services: Services, actor: AgentActor, appointmentId: string): Promise<StaffTicket> {
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const appointment = await appointments.byId(tx, appointmentId, { forUpdate: true });
    if (!appointment || appointment.workspaceId !== actor.workspaceId) throw new NotFound('Appointment');
    const location = await counterOf(tx, actor, appointment.locationId);
    if (appointment.status !== 'booked') {
      throw new Conflict(appointment.status === 'started' ? 'This appointment has started.' : 'This appointment was cancelled.');
    }
    await appointments.setStatus(tx, appointment.id, 'started');
    await appointments.releaseSlots(tx, appointment.id);
    const n = await locations.nextTicketNumber(tx, actor.workspaceId, location.id);
    const walkInId = await walkIns.insert(tx, {
      workspaceId: actor.workspaceId,
      locationId: location.id,
      conversationId: appointment.conversationId,
      customerId: appointment.customerId,
      serviceId: appointment.serviceId,
      clientId: appointment.id,
      appointmentId: appointment.id,
      code: `A${n}`,
      name: appointment.name,
      notifyBy: appointment.notifyBy,
      contact: appointment.contact,
      via: 'kiosk',
      checkedInAt: now,
    });
    return callTo(tx, actor, location, (await walkIns.byId(tx, walkInId))!, now, events);
  });
}

/** A ticket at this location that this member of staff may act on. */
async function ticketAtCounter(tx: Sql, actor: AgentActor, walkInId: string) {
  const walkIn = await walkIns.inWorkspace(tx, actor.workspaceId, walkInId, { forUpdate: true });
  if (!walkIn) throw new NotFound('Ticket');
  const location = await counterOf(tx, actor, walkIn.locationId);
  return { walkIn, location };
}

/**
 * The visit ends: served, or a no-show (called, and nobody came). A note goes on the timeline; "needs a follow-up"
 * keeps the visit open and owned by whoever served them, with what is still to do, in their Mine.
 */
export async function endVisit(
  services: Services,
  actor: AgentActor,
  walkInId: string,
  input: { outcome: 'served' | 'no_show'; note?: string | undefined; followUp?: string | undefined },
): Promise<StaffTicket> {
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const { walkIn, location } = await ticketAtCounter(tx, actor, walkInId);
    if (walkIn.status !== 'called') {
      throw new Conflict(
        walkIn.status === 'waiting' || walkIn.status === 'away' ? 'Call them to the counter first.' : 'This visit has ended.',
      );
    }
    await walkIns.setStatus(tx, walkIn.id, { status: input.outcome, endedAt: now });
    const conversation = (await conversations.byId(tx, actor.workspaceId, walkIn.conversationId))!;
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    const who = me?.displayName ?? 'Staff';
    const body =
      input.outcome === 'served'
        ? `${who} served ${walkIn.name} at ${location.name}`
        : `${walkIn.name} did not come when called (no-show)`;
    events.push(
      await eventEntry(tx, actor, conversation, 'walk_in_ended', body, { walkInId: walkIn.id, outcome: input.outcome }),
    );
    if (input.note) events.push(await noteEntry(tx, actor, conversation, input.note));
    if (input.followUp && input.outcome === 'served') {
      events.push(await noteEntry(tx, actor, conversation, `Needs a follow-up: ${input.followUp}`));
      await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: actor.agentId, status: 'active' });
    } else {
      await conversations.update(tx, actor.workspaceId, conversation.id, { status: 'resolved', resolvedAt: now });
    }
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    events.push({ type: 'store.changed', workspaceId: actor.workspaceId, locationId: location.id });
    return presentStaffTicket(tx, (await walkIns.byId(tx, walkIn.id))!, await storyOf(tx, walkIn));
  });
}

/**
 * Hands someone at the counter to a colleague at the same location with a note the colleague reads first: the
 * ticket and the visit become theirs, and the customer's page names who is ready for them.
 */
export async function handOn(
  services: Services,
  actor: AgentActor,
  walkInId: string,
  input: { toAgentId: string; note: string },
): Promise<StaffTicket> {
  return inUnit(services, async (tx, events) => {
    const { walkIn, location } = await ticketAtCounter(tx, actor, walkInId);
    if (walkIn.status !== 'called') throw new Conflict('Only someone at the counter can be handed on.');
    if (input.toAgentId === walkIn.calledBy) throw new Conflict('They are already with that person.');
    const colleague = await agents.byId(tx, actor.workspaceId, input.toAgentId);
    if (!colleague || !(await locations.isStaff(tx, location.id, colleague.id))) throw new NotFound('Colleague at this location');
    await walkIns.setStatus(tx, walkIn.id, { status: 'called', calledBy: colleague.id });
    const conversation = (await conversations.byId(tx, actor.workspaceId, walkIn.conversationId))!;
    await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: colleague.id });
    events.push(await noteEntry(tx, actor, conversation, `Handoff to ${colleague.displayName}: ${input.note}`));
    events.push(
      await eventEntry(tx, actor, conversation, 'transferred', `Handed on to ${colleague.displayName} at the counter`, {
        agentId: colleague.id,
        agentName: colleague.displayName,
        customerText: `${colleague.displayName.split(' ')[0]} will look after you now.`,
      }),
    );
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    events.push({ type: 'store.changed', workspaceId: actor.workspaceId, locationId: location.id });
    return presentStaffTicket(tx, (await walkIns.byId(tx, walkIn.id))!, await storyOf(tx, walkIn));
  });
}
