import {
  AppointmentResponse,
  AvailabilityQuery,
  AvailabilityResponse,
  BookAppointmentBody,
  CheckInBody,
  LocationSlug,
  PublicLocation,
  RescheduleBody,
  StepOutBody,
  TicketResponse,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import { NotFound } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import {
  availability,
  bookAppointment,
  changeAppointment,
  changeTicket,
  checkIn,
  getAppointment,
  getTicket,
  locationOfTicket,
  publicLocation,
} from '../../modules/store/index.ts';

const SlugParams = z.object({ slug: LocationSlug });
const TokenParams = z.object({ token: z.string().min(1).max(200, { message: 'token is not a ticket' }) });

/** How often a "your turn" page's stream says it is still there, so proxies keep it open. */
const KEEPALIVE_MS = 25_000;

/**
 * The store counter's public side: the kiosk at `/kiosk/:slug` (and a customer's own phone, by the QR code) checks
 * people in, and the "your turn" page at `/ticket/:token` follows one ticket live. No account: the ticket's token is
 * the key to it.
 */
export function storeChannelRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/store/locations/:slug',
    tag: 'store',
    summary: 'What the kiosk shows: the services, whether the store is open (and when it opens), and the wait now',
    auth: 'none',
    params: SlugParams,
    responses: { 200: z.object({ location: PublicLocation }) },
    handler: async ({ params }) => ({ location: await publicLocation(services, params.slug) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/store/locations/:slug/check-ins',
    tag: 'store',
    summary:
      'Check in at the kiosk or by the QR code: a ticket with its code, place and honest wait (the same clientId again answers the same ticket; 409 when closed)',
    auth: 'none',
    params: SlugParams,
    body: CheckInBody,
    responses: { 201: TicketResponse },
    handler: async ({ params, body, request, reply }) => {
      // A shop's kiosk is one address checking in many people; a flood from anywhere is still cut.
      await limiter.hit(`check-in:${request.ip}`, 120, 10 * 60);
      reply.code(201);
      return { ticket: await checkIn(services, params.slug, body) };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/store/tickets/:token',
    tag: 'store',
    summary: 'A ticket, for its "your turn" page: place, wait, and who is ready for them',
    auth: 'none',
    params: TokenParams,
    responses: { 200: TicketResponse },
    handler: async ({ params, reply }) => {
      reply.header('cache-control', 'no-store');
      return { ticket: await getTicket(services, params.token) };
    },
  });

  const change = (url: string, summary: string, run: (token: string, body: unknown) => ReturnType<typeof changeTicket>) =>
    route(app, services, {
      method: 'POST',
      url,
      tag: 'store',
      summary,
      auth: 'none',
      params: TokenParams,
      ...(url.endsWith('step-out') ? { body: StepOutBody } : {}),
      responses: { 200: TicketResponse },
      handler: async ({ params, body }) => ({ ticket: await run(params.token, body) }),
    });
  change('/api/v1/store/tickets/:token/step-out', '"I\'m stepping out": the place is kept for `minutes`', (token, body) =>
    changeTicket(services, token, 'step_out', { minutes: (body as { minutes: number }).minutes }),
  );
  change('/api/v1/store/tickets/:token/come-back', 'Back in the line after stepping out', (token) =>
    changeTicket(services, token, 'come_back'),
  );
  change('/api/v1/store/tickets/:token/cancel', 'Leave the line', (token) => changeTicket(services, token, 'cancel'));

  route(app, services, {
    method: 'GET',
    url: '/api/v1/store/locations/:slug/availability',
    tag: 'store',
    summary: 'The times a service can be booked on a day, and who is free for each',
    auth: 'none',
    params: SlugParams,
    query: AvailabilityQuery,
    responses: { 200: AvailabilityResponse },
    handler: async ({ params, query }) => availability(services, params.slug, query),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/store/locations/:slug/appointments',
    tag: 'store',
    summary:
      'Book a service at a time with a named person or anyone, no account (409 when the time was just taken; the same clientId again answers the same booking)',
    auth: 'none',
    params: SlugParams,
    body: BookAppointmentBody,
    responses: { 201: AppointmentResponse },
    handler: async ({ params, body, request, reply }) => {
      await limiter.hit(`book:${request.ip}`, 30, 10 * 60);
      reply.code(201);
      return { appointment: await bookAppointment(services, params.slug, body) };
    },
  });

  const AppointmentParams = z.object({ token: z.string().min(1).max(200, { message: 'token is not an appointment link' }) });
  route(app, services, {
    method: 'GET',
    url: '/api/v1/store/appointments/:token',
    tag: 'store',
    summary: "An appointment through its customer's link (409 once the link has expired)",
    auth: 'none',
    params: AppointmentParams,
    responses: { 200: AppointmentResponse },
    handler: async ({ params, reply }) => {
      reply.header('cache-control', 'no-store');
      return { appointment: await getAppointment(services, params.token) };
    },
  });
  route(app, services, {
    method: 'POST',
    url: '/api/v1/store/appointments/:token/reschedule',
    tag: 'store',
    summary: 'Move an appointment to another time (and person, or anyone) through its link',
    auth: 'none',
    params: AppointmentParams,
    body: RescheduleBody,
    responses: { 200: AppointmentResponse },
    handler: async ({ params, body }) => ({
      appointment: await changeAppointment(services, params.token, {
        kind: 'reschedule',
        start: body.start,
        agentId: body.agentId,
      }),
    }),
  });
  route(app, services, {
    method: 'POST',
    url: '/api/v1/store/appointments/:token/cancel',
    tag: 'store',
    summary: 'Cancel an appointment through its link',
    auth: 'none',
    params: AppointmentParams,
    responses: { 200: AppointmentResponse },
    handler: async ({ params }) => ({ appointment: await changeAppointment(services, params.token, { kind: 'cancel' }) }),
  });

  // The ticket, again whenever its location's line moves, as server-sent events: the page needs no socket library.
  app.get('/api/v1/store/tickets/:token/live', async (request, reply) => {
    const parsed = TokenParams.safeParse(request.params);
    if (!parsed.success) throw new NotFound('Ticket');
    const { token } = parsed.data;
    const { locationId } = await locationOfTicket(services, token);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    let last = '';
    let sending = Promise.resolve();
    const send = () => {
      sending = sending.then(async () => {
        const ticket = JSON.stringify(await getTicket(services, token).catch(() => null));
        if (ticket !== last && ticket !== 'null') {
          last = ticket;
          out.write(`data: ${ticket}\n\n`);
        }
      });
    };
    const unsubscribe = services.bus.subscribe((event) => {
      if (event.type === 'store.changed' && event.locationId === locationId) send();
    });
    const unsubscribeGap = services.bus.onGap(send);
    const keepalive = setInterval(() => out.write(': still here\n\n'), KEEPALIVE_MS);
    request.raw.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
      unsubscribeGap();
    });
    send();
  });
}
