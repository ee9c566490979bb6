import type { PublicLocation, Ticket } from '@warmline/shared';
import { inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversations, eventEntry } from '../conversations/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { ticketOf } from './checkIn.ts';
import { isOpenNow, nextOpening } from './locationHours.ts';
import { lineOf } from './presentTicket.ts';
import { type LocationRecord, locations } from './repository/locations.ts';
import { type WalkInRecord, walkIns } from './repository/walkIns.ts';
import { walkInOfToken } from './ticketToken.ts';

/** What the kiosk shows before anyone checks in: the services, whether the store is open, and the wait now. */
export async function publicLocation(services: Services, slug: string): Promise<PublicLocation> {
  const location = await locations.bySlug(services.db, slug);
  if (!location) throw new NotFound('Location');
  const now = services.now();
  const workspace = await workspaces.byId(services.db, location.workspaceId);
  const offered = await locations.services(services.db, [location.id]);
  const typical = offered.length ? Math.round(offered.reduce((n, s) => n + s.typicalMinutes, 0) / offered.length) : 10;
  const { line, newcomer } = await lineOf(services.db, location, now, { newcomerMinutes: typical });
  return {
    slug: location.slug,
    name: location.name,
    address: location.address,
    timezone: location.timezone,
    business: { name: workspace!.name, logoUrl: workspace!.logoUrl, color: workspace!.widgetColor },
    services: offered.map((s) => ({ id: s.id, name: s.name, typicalMinutes: s.typicalMinutes })),
    open: isOpenNow(location, now),
    opensAt: nextOpening(location, now)?.toISOString() ?? null,
    waiting: line.filter((t) => t.status === 'waiting').length,
    wait: newcomer?.range ?? null,
  };
}

/** The walk-in a ticket token opens, with its location; a token that is not ours is simply not found. */
async function walkInByToken(services: Services, tx: Sql, token: string, opts: { forUpdate?: boolean } = {}) {
  const id = walkInOfToken(services.secretKey, token);
  const walkIn = id ? await walkIns.byId(tx, id, opts) : null;
  if (!walkIn) throw new NotFound('Ticket');
  const location = (await locations.byId(tx, walkIn.workspaceId, walkIn.locationId))!;
  return { walkIn, location };
}

/** The ticket behind a "your turn" page. */
export async function getTicket(services: Services, token: string): Promise<Ticket> {
  const { walkIn, location } = await walkInByToken(services, services.db, token);
  return ticketOf(services, services.db, location, walkIn.id, services.now());
}

/** The location a ticket belongs to, for the page that follows it live. */
export async function locationOfTicket(services: Services, token: string): Promise<{ workspaceId: string; locationId: string }> {
  const { walkIn } = await walkInByToken(services, services.db, token);
  return { workspaceId: walkIn.workspaceId, locationId: walkIn.locationId };
}

type TicketChange = 'step_out' | 'come_back' | 'cancel';

/**
 * What the holder of a ticket may do from their phone: step out (their place is kept `minutes`), be back, or leave
 * the line. Once they are called, served or gone, nothing more changes (409).
 */
export async function changeTicket(
  services: Services,
  token: string,
  change: TicketChange,
  opts: { minutes?: number } = {},
): Promise<Ticket> {
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const { walkIn, location } = await walkInByToken(services, tx, token, { forUpdate: true });
    if (walkIn.status !== 'waiting' && walkIn.status !== 'away') {
      throw new Conflict(
        walkIn.status === 'called' ? 'It is your turn now: please come to the counter.' : 'This ticket is no longer in the line.',
      );
    }
    if (change === 'step_out') {
      const until = new Date(now.getTime() + (opts.minutes ?? 15) * 60_000);
      await walkIns.setStatus(tx, walkIn.id, { status: 'away', awayUntil: until });
      await onTimeline(tx, walkIn, `${walkIn.name} stepped out; their place is kept for ${opts.minutes ?? 15} minutes`, events);
    } else if (change === 'come_back') {
      await walkIns.setStatus(tx, walkIn.id, { status: 'waiting', awayUntil: null });
      await onTimeline(tx, walkIn, `${walkIn.name} is back in the line`, events);
    } else {
      await walkIns.setStatus(tx, walkIn.id, { status: 'cancelled', endedAt: now });
      await conversations.update(tx, walkIn.workspaceId, walkIn.conversationId, { status: 'resolved', resolvedAt: now });
      await onTimeline(tx, walkIn, `${walkIn.name} left the line before being called`, events);
      events.push({ type: 'queue.changed', workspaceId: walkIn.workspaceId });
    }
    events.push({ type: 'store.changed', workspaceId: walkIn.workspaceId, locationId: location.id });
    return ticketOf(services, tx, location, walkIn.id, now);
  });
}

async function onTimeline(tx: Sql, walkIn: WalkInRecord, body: string, events: WarmlineEvent[]) {
  const conversation = (await conversations.byId(tx, walkIn.workspaceId, walkIn.conversationId))!;
  events.push(
    await eventEntry(tx, { kind: 'system', workspaceId: walkIn.workspaceId }, conversation, 'walk_in_changed', body, {
      walkInId: walkIn.id,
    }),
  );
}

export type { LocationRecord };
