import type { CheckInBody, Ticket } from '@warmline/shared';
import { inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { conversations, eventEntry, pushConversationChanged } from '../conversations/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { isOpenNow } from './locationHours.ts';
import { lineOf, presentTicket } from './presentTicket.ts';
import { type LocationRecord, locations } from './repository/locations.ts';
import { walkIns } from './repository/walkIns.ts';
import { storeCustomer } from './storeCustomer.ts';

/** A ticket's code: the service's initial and a number of the day, short enough to read across a shop ("R12"). */
function ticketCode(serviceName: string, n: number): string {
  const initial = serviceName.trim().charAt(0).toUpperCase();
  return `${/[A-Z]/.test(initial) ? initial : 'T'}${n}`;
}

/**
 * Someone checks in at the kiosk (or from their phone, by the QR code): a ticket in the location's line, and a visit
 * on their timeline — a conversation on the `in_person` channel that a member of staff calls to the counter. A resend
 * with the same `clientId` (the kiosk's network blipped) answers the ticket already made.
 */
export async function checkIn(services: Services, slug: string, input: CheckInBody): Promise<Ticket> {
  const found = await locations.bySlug(services.db, slug);
  if (!found) throw new NotFound('Location');
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const location = (await locations.byId(tx, found.workspaceId, found.id, { forUpdate: true }))!;
    const again = await walkIns.byClientId(tx, location.id, input.clientId);
    if (again) return ticketOf(services, tx, location, again.id, now);
    if (!isOpenNow(location, now)) {
      throw new Conflict(`${location.name} is closed now: book a time, or come back when we open.`, { closed: true });
    }
    const service = await locations.serviceById(tx, location.id, input.serviceId);
    if (!service) throw new Invalid('serviceId: that is not a service this location offers', { field: 'serviceId' });
    const workspace = (await workspaces.byId(tx, location.workspaceId))!;
    const { customer, notifyBy, contact } = await storeCustomer(tx, workspace, input.name, input.contact);
    const conversationId = await conversations.create(tx, location.workspaceId, {
      customerId: customer.id,
      channel: 'in_person',
      assigneeId: null,
    });
    const code = ticketCode(service.name, await locations.nextTicketNumber(tx, location.workspaceId, location.id));
    const walkInId = await walkIns.insert(tx, {
      workspaceId: location.workspaceId,
      locationId: location.id,
      conversationId,
      customerId: customer.id,
      serviceId: service.id,
      clientId: input.clientId,
      code,
      name: input.name,
      notifyBy,
      contact,
      via: input.via,
      checkedInAt: now,
    });
    const conversation = (await conversations.byId(tx, location.workspaceId, conversationId))!;
    const system = { kind: 'system' as const, workspaceId: location.workspaceId };
    events.push(
      await eventEntry(
        tx,
        system,
        conversation,
        'walk_in',
        `Checked in at ${location.name} for ${service.name} (ticket ${code})`,
        {
          walkInId,
          locationId: location.id,
          code,
          service: service.name,
          customerText: `You checked in at ${location.name} for ${service.name}. Your ticket is ${code}.`,
        },
      ),
    );
    await pushConversationChanged(tx, location.workspaceId, conversationId, events);
    events.push(
      { type: 'store.changed', workspaceId: location.workspaceId, locationId: location.id },
      { type: 'queue.changed', workspaceId: location.workspaceId },
    );
    return ticketOf(services, tx, location, walkInId, now);
  });
}

/** One ticket as its holder sees it now, with its place in the line. */
export async function ticketOf(
  services: Services,
  tx: Sql,
  location: LocationRecord,
  walkInId: string,
  now: Date,
): Promise<Ticket> {
  const { line, waits } = await lineOf(tx, location, now);
  const walkIn = line.find((t) => t.id === walkInId) ?? (await walkIns.byId(tx, walkInId))!;
  return presentTicket(tx, services.secretKey, location, walkIn, waits.get(walkInId));
}
