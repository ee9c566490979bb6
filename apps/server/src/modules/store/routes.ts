import {
  AppointmentResponse,
  EndVisitBody,
  HandOnBody,
  Location,
  LocationInput,
  StaffBookBody,
  StaffTicketResponse,
  StoreQueueResponse,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { bookForConversation } from './appointments.ts';
import { callNext, endVisit, handOn, startAppointment, storeQueue } from './counter.ts';
import { createLocation, listLocations, updateLocation } from './locations.ts';

const IdParams = z.object({ id: z.uuid({ message: 'id must be an id' }) });
const LocationResponse = z.object({ location: Location });

/** Locations for admins, and the counter for the staff who work there (docs/store.md). */
export function storeRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/locations',
    tag: 'store',
    summary: 'Locations: all of them for supervisors and admins, the ones they work at for staff',
    auth: 'agent',
    responses: { 200: z.object({ locations: z.array(Location) }) },
    handler: async ({ actor }) => ({ locations: await listLocations(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/locations',
    tag: 'store',
    summary: 'Open a location (admins): address, hours, services and staff',
    auth: 'agent',
    body: LocationInput,
    responses: { 201: LocationResponse },
    handler: async ({ actor, body, reply }) => {
      reply.code(201);
      return { location: await createLocation(services, actor, body) };
    },
  });

  route(app, services, {
    method: 'PUT',
    url: '/api/v1/locations/:id',
    tag: 'store',
    summary: 'Change a location (admins)',
    auth: 'agent',
    params: IdParams,
    body: LocationInput,
    responses: { 200: LocationResponse },
    handler: async ({ actor, params, body }) => ({ location: await updateLocation(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/locations/:id/queue',
    tag: 'store',
    summary: "A location's walk-in line for its staff, with walk-in time to human over the last day",
    auth: 'agent',
    params: IdParams,
    responses: { 200: StoreQueueResponse },
    handler: async ({ actor, params }) => storeQueue(services, actor, params.id),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/locations/:id/call-next',
    tag: 'store',
    summary: 'Call the next person waiting to this member of staff (exactly one caller gets each person; 409 when nobody waits)',
    auth: 'agent',
    params: IdParams,
    responses: { 200: StaffTicketResponse },
    handler: async ({ actor, params }) => ({ ticket: await callNext(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/walk-ins/:id/end',
    tag: 'store',
    summary: 'End a visit at the counter: served (with a note, or a follow-up that stays theirs) or a no-show',
    auth: 'agent',
    params: IdParams,
    body: EndVisitBody,
    responses: { 200: StaffTicketResponse },
    handler: async ({ actor, params, body }) => ({ ticket: await endVisit(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/walk-ins/:id/hand-on',
    tag: 'store',
    summary: 'Hand someone at the counter to a colleague at the same location, with a note',
    auth: 'agent',
    params: IdParams,
    body: HandOnBody,
    responses: { 200: StaffTicketResponse },
    handler: async ({ actor, params, body }) => ({ ticket: await handOn(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/appointments/:id/start',
    tag: 'store',
    summary: 'The person with an appointment is here: their visit starts at the counter with whoever starts it',
    auth: 'agent',
    params: IdParams,
    responses: { 200: StaffTicketResponse },
    handler: async ({ actor, params }) => ({ ticket: await startAppointment(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/appointments',
    tag: 'store',
    summary: "Book the customer of a chat or call into a store; the visit keeps that conversation's story",
    auth: 'agent',
    params: IdParams,
    body: StaffBookBody,
    responses: { 201: AppointmentResponse },
    handler: async ({ actor, params, body, reply }) => {
      reply.code(201);
      return { appointment: await bookForConversation(services, actor, params.id, body) };
    },
  });
}
