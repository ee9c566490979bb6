import type { Appointment, PublicLocation, Ticket } from '@warmline/shared';
import type { AvailabilityResponse } from '@warmline/shared/types';
import type { PendingCheckIn } from './pendingCheckIn.ts';

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** The location as the kiosk shows it; throws when it cannot be had now. */
export async function fetchLocation(slug: string): Promise<PublicLocation> {
  const { status, body } = await call('GET', `/api/v1/store/locations/${encodeURIComponent(slug)}`);
  if (status !== 200) throw new Error(`location: ${status}`);
  return (body as { location: PublicLocation }).location;
}

/** One try at a check-in: its contact is left out when empty. */
export const sendCheckIn = (p: PendingCheckIn) =>
  call('POST', `/api/v1/store/locations/${encodeURIComponent(p.slug)}/check-ins`, {
    clientId: p.clientId,
    name: p.name,
    ...(p.contact.trim() ? { contact: p.contact.trim() } : {}),
    serviceId: p.serviceId,
    via: p.via,
  });

export type TicketAction = 'step-out' | 'come-back' | 'cancel';

/** Steps out, comes back or leaves the line; the ticket as it is afterwards, or the server's refusal. */
export async function changeTicket(token: string, action: TicketAction, body: unknown = {}): Promise<Ticket> {
  const res = await call('POST', `/api/v1/store/tickets/${encodeURIComponent(token)}/${action}`, body);
  const ticket = (res.body as { ticket?: Ticket } | null)?.ticket;
  if (!ticket) throw new Error((res.body as { error?: { message?: string } } | null)?.error?.message ?? `ticket: ${res.status}`);
  return ticket;
}

export const ticketUrl = (token: string, lang: string) =>
  `${location.origin}/ticket/${encodeURIComponent(token)}${lang === 'en' ? '' : `?lang=${lang}`}`;

/** The server's answer to a booking call: the appointment, or why not (the field it names, a time just taken). */
export type BookingAnswer =
  | { ok: true; appointment: Appointment }
  | { ok: false; status: number; field: string | null; full: boolean; expired: boolean };

async function appointmentCall(method: string, path: string, body?: unknown): Promise<BookingAnswer> {
  const res = await call(method, path, body).catch(() => ({ status: 0, body: null }));
  const { appointment, error } = (res.body ?? {}) as {
    appointment?: Appointment;
    error?: { details?: { field?: string; full?: boolean; expired?: boolean; issues?: { path: string }[] } };
  };
  if (appointment) return { ok: true, appointment };
  const details = error?.details ?? {};
  const field = details.field ?? details.issues?.[0]?.path.split('.').at(-1) ?? null;
  return { ok: false, status: res.status, field, full: details.full === true, expired: details.expired === true };
}

const slugPath = (slug: string) => `/api/v1/store/locations/${encodeURIComponent(slug)}`;
const linkPath = (token: string) => `/api/v1/store/appointments/${encodeURIComponent(token)}`;

/** The free times of a service on one of the store's days; throws when it cannot be had now. */
export async function fetchAvailability(slug: string, serviceId: string, date: string): Promise<AvailabilityResponse> {
  const query = new URLSearchParams({ serviceId, date });
  const { status, body } = await call('GET', `${slugPath(slug)}/availability?${query}`);
  if (status !== 200) throw new Error(`availability: ${status}`);
  return body as AvailabilityResponse;
}

export const bookAppointment = (slug: string, body: object) => appointmentCall('POST', `${slugPath(slug)}/appointments`, body);
export const readAppointment = (token: string) => appointmentCall('GET', linkPath(token));
export const rescheduleAppointment = (token: string, start: string, agentId: string | null) =>
  appointmentCall('POST', `${linkPath(token)}/reschedule`, { start, agentId });
export const cancelAppointment = (token: string) => appointmentCall('POST', `${linkPath(token)}/cancel`, {});

/** The customer's own link to their booking: `/book/<slug>?appointment=<token>`, in their language. */
export const appointmentUrl = (slug: string, token: string, lang: string) =>
  `${location.origin}/book/${encodeURIComponent(slug)}?appointment=${encodeURIComponent(token)}${lang === 'en' ? '' : `&lang=${lang}`}`;

/** The store's booking page, in the customer's language. */
export const bookUrl = (slug: string, lang: string) => `/book/${encodeURIComponent(slug)}${lang === 'en' ? '' : `?lang=${lang}`}`;
