import type { Location, LocationInput } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { type LocationRecord, locations } from './repository/locations.ts';

/** A location as staff and admins see it: its hours, services and the people who work there. */
export async function presentLocation(tx: Sql, location: LocationRecord): Promise<Location> {
  const offered = await locations.services(tx, [location.id]);
  const people = [];
  for (const s of await locations.staffIds(tx, [location.id]))
    people.push(await agents.byId(tx, location.workspaceId, s.agentId));
  return {
    id: location.id,
    slug: location.slug,
    name: location.name,
    address: location.address,
    timezone: location.timezone,
    openingHours: location.openingHours,
    holidays: location.holidays,
    services: offered.map((s) => ({ id: s.id, name: s.name, typicalMinutes: s.typicalMinutes })),
    staff: people.flatMap((p) => (p ? [presentPublicAgent(p)] : [])),
  };
}

function adminOnly(actor: AgentActor) {
  if (actor.role !== 'admin') throw new Forbidden('Only an admin sets up locations.');
}

const slugTaken = (slug: string) => new Conflict(`slug: "${slug}" is taken by another location; pick another`, { field: 'slug' });

/** An admin opens a location: its address, hours, services and staff. */
export async function createLocation(services: Services, actor: AgentActor, input: LocationInput): Promise<Location> {
  adminOnly(actor);
  return inUnit(services, async (tx, events) => {
    const { services: offered, staffIds, ...fields } = input;
    const location = await locations.create(tx, actor.workspaceId, fields);
    if (!location) throw slugTaken(input.slug);
    await locations.setServices(tx, location.id, offered);
    await locations.setStaff(tx, actor.workspaceId, location.id, staffIds);
    // Its staff, already at work, find it in their sidebar without reloading.
    events.push({ type: 'store.changed', workspaceId: actor.workspaceId, locationId: location.id });
    return presentLocation(tx, location);
  });
}

/** An admin changes a location; services renamed away are retired (tickets keep theirs), staff are replaced. */
export async function updateLocation(services: Services, actor: AgentActor, id: string, input: LocationInput): Promise<Location> {
  adminOnly(actor);
  return inUnit(services, async (tx, events) => {
    const existing = await locations.byId(tx, actor.workspaceId, id, { forUpdate: true });
    if (!existing) throw new NotFound('Location');
    const { services: offered, staffIds, ...fields } = input;
    if (!(await locations.update(tx, actor.workspaceId, id, fields))) throw slugTaken(input.slug);
    await locations.setServices(tx, id, offered);
    await locations.setStaff(tx, actor.workspaceId, id, staffIds);
    events.push({ type: 'store.changed', workspaceId: actor.workspaceId, locationId: id });
    return presentLocation(tx, (await locations.byId(tx, actor.workspaceId, id))!);
  });
}

/** The workspace's locations: every one for supervisors and admins, the ones they work at for staff. */
export async function listLocations(services: Services, actor: AgentActor): Promise<Location[]> {
  const all = await locations.list(services.db, actor.workspaceId);
  const staff = await locations.staffIds(
    services.db,
    all.map((l) => l.id),
  );
  const mine = all.filter(
    (l) => actor.role !== 'agent' || staff.some((s) => s.locationId === l.id && s.agentId === actor.agentId),
  );
  const presented: Location[] = [];
  for (const l of mine) presented.push(await presentLocation(services.db, l));
  return presented;
}
