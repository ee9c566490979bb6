import { randomUUID } from 'node:crypto';
import type { Appointment } from '@warmline/shared';
import { type Actor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { conversationFor, conversations, eventEntry, pushConversationChanged } from '../conversations/index.ts';
import { customers } from '../customers/index.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { holdTime, openSlots, personFor } from './appointmentBooking.ts';
import { type AppointmentRecord, appointments } from './repository/appointments.ts';
import { type LocationRecord, locations, type ServiceRecord } from './repository/locations.ts';
import { readLink, signLink } from './signedLink.ts';
import { addContact, storeCustomer } from './storeCustomer.ts';

const LINK = 'appointment';
/** The job that reminds the customer of their appointment. */
export const APPOINTMENT_REMINDER = 'appointment_reminder';
/** How long before the time the reminder goes. */
export const REMINDER_BEFORE_MS = 2 * 3_600_000;

/** The link that reschedules or cancels an appointment: it works until a day after its time. */
export function appointmentToken(secretKey: string, a: { id: string; endsAt: Date }): string {
  return signLink(secretKey, LINK, a.id, new Date(a.endsAt.getTime() + 86_400_000));
}

/** "Thursday 15 January, 15:00", in the location's time zone. */
export function whenText(start: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(start);
  return `${day}, ${time}`;
}

async function present(tx: Sql, secretKey: string, location: LocationRecord, a: AppointmentRecord): Promise<Appointment> {
  const person = (await agents.byId(tx, a.workspaceId, a.agentId))!;
  return {
    token: appointmentToken(secretKey, a),
    status: a.status,
    service: a.serviceName,
    location: { slug: location.slug, name: location.name, address: location.address, timezone: location.timezone },
    start: a.startsAt.toISOString(),
    end: a.endsAt.toISOString(),
    person: presentPublicAgent(person),
    anyPerson: a.anyPerson,
    name: a.name,
    text: `${a.serviceName} with ${person.displayName.split(' ')[0]} at ${location.name}, ${whenText(a.startsAt, location.timezone)}`,
  };
}

async function serviceAt(tx: Sql, location: LocationRecord, serviceId: string): Promise<ServiceRecord> {
  const service = await locations.serviceById(tx, location.id, serviceId);
  if (!service) throw new Invalid('serviceId: that is not a service this location offers', { field: 'serviceId' });
  return service;
}

/** The booking page's calendar: who is free when, on one day. */
export async function availability(services: Services, slug: string, input: { serviceId: string; date: string }) {
  const location = await locations.bySlug(services.db, slug);
  if (!location) throw new NotFound('Location');
  const service = await serviceAt(services.db, location, input.serviceId);
  const slots = await openSlots(services.db, location, service, input.date, services.now());
  const staff = [];
  for (const s of await locations.staffIds(services.db, [location.id])) {
    const person = await agents.byId(services.db, location.workspaceId, s.agentId);
    if (person) staff.push(presentPublicAgent(person));
  }
  return {
    date: input.date,
    timezone: location.timezone,
    staff,
    slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), people: s.agentIds })),
  };
}

/** Writes the appointment with its person's slots, its reminder and its line on the customer's timeline. */
async function writeAppointment(
  services: Services,
  tx: Sql,
  events: WarmlineEvent[],
  input: {
    location: LocationRecord;
    service: ServiceRecord;
    when: { start: Date; end: Date; agentId: string };
    anyPerson: boolean;
    customerId: string;
    conversationId: string;
    name: string;
    contact: string | null;
    notifyBy: 'sms' | 'email' | null;
    clientId: string;
    bookedBy: string | null;
  },
) {
  const { location, service, when } = input;
  const id = await appointments.insert(tx, {
    workspaceId: location.workspaceId,
    locationId: location.id,
    serviceId: service.id,
    customerId: input.customerId,
    conversationId: input.conversationId,
    agentId: when.agentId,
    anyPerson: input.anyPerson,
    startsAt: when.start,
    endsAt: when.end,
    name: input.name,
    contact: input.contact,
    notifyBy: input.notifyBy,
    clientId: input.clientId,
    bookedBy: input.bookedBy,
  });
  await holdTime(tx, id, when);
  await scheduleReminder(tx, location.workspaceId, id, when.start, services.now());
  const booked = (await appointments.byId(tx, id))!;
  const shown = await present(tx, services.secretKey, location, booked);
  const conversation = (await conversations.byId(tx, location.workspaceId, input.conversationId))!;
  const writer = input.bookedBy
    ? { kind: 'agent' as const, workspaceId: location.workspaceId, agentId: input.bookedBy, role: 'agent' as const }
    : { kind: 'system' as const, workspaceId: location.workspaceId };
  events.push(
    await eventEntry(tx, writer, conversation, 'appointment_booked', `Appointment booked: ${shown.text}`, {
      appointmentId: id,
      customerText: `You're booked: ${shown.text}. See you then!`,
    }),
  );
  events.push({ type: 'store.changed', workspaceId: location.workspaceId, locationId: location.id });
  return shown;
}

async function scheduleReminder(tx: Sql, workspaceId: string, appointmentId: string, start: Date, now: Date) {
  const runAt = new Date(start.getTime() - REMINDER_BEFORE_MS);
  if (runAt > now)
    await jobs.schedule(tx, workspaceId, {
      kind: APPOINTMENT_REMINDER,
      runAt,
      payload: { appointmentId, start: start.toISOString() },
    });
}

/**
 * Someone books on `/book/:slug`, no account: a service at a time with a named person or anyone. The same clientId
 * again answers the same booking; two people booking the same person's time at once get one booking and one 409.
 */
export async function bookAppointment(
  services: Services,
  slug: string,
  input: { clientId: string; serviceId: string; start: string; agentId: string | null; name: string; contact: string },
): Promise<Appointment> {
  const found = await locations.bySlug(services.db, slug);
  if (!found) throw new NotFound('Location');
  return inUnit(services, async (tx, events) => {
    const location = found;
    const again = await appointments.byClientId(tx, location.id, input.clientId);
    if (again) return present(tx, services.secretKey, location, again);
    const service = await serviceAt(tx, location, input.serviceId);
    const when = await personFor(tx, location, service, input, services.now());
    const workspace = (await workspaces.byId(tx, location.workspaceId))!;
    const { customer, notifyBy, contact } = await storeCustomer(tx, workspace, input.name, input.contact);
    const conversationId = await conversations.create(tx, location.workspaceId, {
      customerId: customer.id,
      channel: 'in_person',
      assigneeId: when.agentId,
    });
    // Out of the live queue until the day: the person it is with has it, with its time.
    await conversations.update(tx, location.workspaceId, conversationId, { status: 'snoozed' });
    const shown = await writeAppointment(services, tx, events, {
      location,
      service,
      when,
      anyPerson: !input.agentId,
      customerId: customer.id,
      conversationId,
      name: input.name,
      contact,
      notifyBy,
      clientId: input.clientId,
      bookedBy: null,
    });
    await pushConversationChanged(tx, location.workspaceId, conversationId, events);
    return shown;
  });
}

/**
 * The customer of a chat or call is booked into a store — by the person helping them, or by themselves from the
 * widget ("see someone in the store at 3 pm"): the appointment rides on that conversation, so whoever meets them at
 * the counter reads the whole story and the customer reads the booking in the same thread. A customer who chose it
 * themselves leaves the live queue with their place kept (as a callback does), and the visit is its person's.
 */
export async function bookForConversation(
  services: Services,
  actor: Actor,
  conversationId: string,
  input: { locationId: string; serviceId: string; start: string; agentId: string | null; contact?: string | undefined },
): Promise<Appointment> {
  return inUnit(services, async (tx, events) => {
    const conversation = await conversationFor(tx, actor, conversationId);
    const location = await locations.byId(tx, actor.workspaceId, input.locationId);
    if (!location) throw new NotFound('Location');
    if (conversation.status === 'resolved') throw new Conflict('This conversation is resolved; write to us again to reopen it.');
    const service = await serviceAt(tx, location, input.serviceId);
    const when = await personFor(tx, location, service, input, services.now());
    const customer = await customers.byId(tx, actor.workspaceId, conversation.customerId);
    const given = input.contact
      ? await addContact(tx, (await workspaces.byId(tx, actor.workspaceId))!, conversation.customerId, input.contact)
      : null;
    const known = customer?.email
      ? { contact: customer.email, notifyBy: 'email' as const }
      : customer?.phone
        ? { contact: customer.phone, notifyBy: 'sms' as const }
        : { contact: null, notifyBy: null };
    const shown = await writeAppointment(services, tx, events, {
      location,
      service,
      when,
      anyPerson: !input.agentId,
      customerId: conversation.customerId,
      conversationId: conversation.id,
      name: customer?.name ?? 'Customer',
      ...(given ?? known),
      clientId: randomUUID(),
      bookedBy: actor.kind === 'agent' ? actor.agentId : null,
    });
    if (actor.kind === 'visitor') {
      await conversations.update(tx, actor.workspaceId, conversation.id, { status: 'snoozed', assigneeId: when.agentId });
      events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    }
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    return shown;
  });
}

/** The locations a widget visitor may choose from, with their services. */
export async function locationsForVisitors(services: Services, workspaceId: string) {
  const all = await locations.list(services.db, workspaceId);
  const offered = await locations.services(
    services.db,
    all.map((l) => l.id),
  );
  return all.map((l) => ({
    id: l.id,
    slug: l.slug,
    name: l.name,
    address: l.address,
    timezone: l.timezone,
    services: offered
      .filter((s) => s.locationId === l.id)
      .map((s) => ({ id: s.id, name: s.name, typicalMinutes: s.typicalMinutes })),
  }));
}

/** The appointment behind a reschedule or cancel link; a changed link is not found, an old one has expired. */
async function byLink(services: Services, tx: Sql, token: string, opts: { forUpdate?: boolean } = {}) {
  const read = readLink(services.secretKey, LINK, token, services.now());
  if (read === 'expired') {
    throw new Conflict('This link has expired: the appointment is over. Book a new one any time.', { expired: true });
  }
  const found = read ? await appointments.byId(tx, read.id, opts) : null;
  if (!found) throw new NotFound('Appointment');
  const location = (await locations.byId(tx, found.workspaceId, found.locationId))!;
  return { appointment: found, location };
}

export async function getAppointment(services: Services, token: string): Promise<Appointment> {
  const { appointment, location } = await byLink(services, services.db, token);
  return present(services.db, services.secretKey, location, appointment);
}

/** From the customer's link: a new time (and person, or anyone), or no appointment at all. */
export async function changeAppointment(
  services: Services,
  token: string,
  change: { kind: 'reschedule'; start: string; agentId: string | null } | { kind: 'cancel' },
): Promise<Appointment> {
  return inUnit(services, async (tx, events) => {
    const { appointment, location } = await byLink(services, tx, token, { forUpdate: true });
    if (appointment.status !== 'booked') {
      throw new Conflict(
        appointment.status === 'cancelled' ? 'This appointment was cancelled.' : 'This appointment has started.',
      );
    }
    const conversation = (await conversations.byId(tx, appointment.workspaceId, appointment.conversationId))!;
    const system = { kind: 'system' as const, workspaceId: appointment.workspaceId };
    await appointments.releaseSlots(tx, appointment.id);
    if (change.kind === 'cancel') {
      await appointments.setStatus(tx, appointment.id, 'cancelled');
      events.push(
        await eventEntry(tx, system, conversation, 'appointment_cancelled', `Appointment cancelled by ${appointment.name}`, {}),
      );
    } else {
      const service = (await locations.serviceById(tx, location.id, appointment.serviceId)) ?? null;
      if (!service) throw new Conflict('That service is no longer offered here: book another.');
      const when = await personFor(tx, location, service, change, services.now());
      await appointments.move(tx, appointment.id, {
        startsAt: when.start,
        endsAt: when.end,
        agentId: when.agentId,
        anyPerson: !change.agentId,
      });
      await holdTime(tx, appointment.id, when);
      await scheduleReminder(tx, appointment.workspaceId, appointment.id, when.start, services.now());
      const moved = await present(tx, services.secretKey, location, (await appointments.byId(tx, appointment.id))!);
      events.push(
        await eventEntry(tx, system, conversation, 'appointment_moved', `Appointment moved: ${moved.text}`, {
          customerText: `Your appointment is now: ${moved.text}.`,
        }),
      );
    }
    events.push({ type: 'store.changed', workspaceId: location.workspaceId, locationId: location.id });
    await pushConversationChanged(tx, appointment.workspaceId, conversation.id, events);
    return present(tx, services.secretKey, location, (await appointments.byId(tx, appointment.id))!);
  });
}
