import { useQuery } from '@tanstack/react-query';
import type { EndVisitBody, HandOnBody, LocationInput, StaffTicket } from '@warmline/shared/types';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { call } from '../api/routes.ts';
import { locationsChanged } from './locations.ts';

/** A location's walk-in line while the staff view shows it, read again whenever the socket says it moved. */
export function useStoreQueue(locationId: string | null) {
  return useQuery({
    queryKey: queryKeys.storeQueue(locationId ?? ''),
    queryFn: () => call('GET /locations/:id/queue', { params: { id: locationId! } }),
    enabled: locationId !== null,
    // A minute's safety net for a missed frame; the socket is what keeps it live.
    refetchInterval: 60_000,
  });
}

async function settled(locationId: string, ticket: StaffTicket): Promise<StaffTicket> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.storeQueue(locationId) });
  return ticket;
}

/** Calls the next person waiting to this member of staff; rejects with "Nobody is waiting right now." when so. */
export async function callNext(locationId: string): Promise<StaffTicket> {
  const { ticket } = await call('POST /locations/:id/call-next', { params: { id: locationId } });
  return settled(locationId, ticket);
}

/** Served (perhaps with a follow-up that keeps the visit theirs) or a no-show. */
export async function endVisit(locationId: string, ticketId: string, body: EndVisitBody): Promise<StaffTicket> {
  const { ticket } = await call('POST /walk-ins/:id/end', { params: { id: ticketId }, body });
  return settled(locationId, ticket);
}

/** Hands the person at the counter to a colleague at the same location, with a note for them. */
export async function handOn(locationId: string, ticketId: string, body: HandOnBody): Promise<StaffTicket> {
  const { ticket } = await call('POST /walk-ins/:id/hand-on', { params: { id: ticketId }, body });
  return settled(locationId, ticket);
}

/** The person with an appointment is here: their visit starts at this member of staff's counter. */
export async function startAppointment(locationId: string, appointmentId: string): Promise<StaffTicket> {
  const { ticket } = await call('POST /appointments/:id/start', { params: { id: appointmentId } });
  return settled(locationId, ticket);
}

/** Opens a location (no id) or changes one (admins). */
export async function saveLocation(id: string | null, input: LocationInput) {
  const { location } = id
    ? await call('PUT /locations/:id', { params: { id }, body: input })
    : await call('POST /locations', { body: input });
  await locationsChanged();
  return location;
}
