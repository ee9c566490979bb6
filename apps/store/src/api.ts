import type { PublicLocation, Ticket } from '@warmline/shared';
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
