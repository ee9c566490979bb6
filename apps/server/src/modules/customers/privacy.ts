import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import { iso } from '../../core/db/rows.ts';
import { Conflict, Forbidden } from '../../core/errors.ts';
import { forgetAttachmentsOf, letGoOfBytes } from '../files/index.ts';
import { audit } from '../workspaces/index.ts';
import { customerFor, customerProfile } from './customers.ts';
import { customerMerges } from './repository/customerMerges.ts';
import { erasure } from './repository/erasure.ts';

/** What an erased person's words become: the conversation's shape and clocks stay for the figures. */
export const ERASED_TEXT = '[erased]';

/**
 * Everything Warmline holds about one person, as one JSON document (a data subject access
 * request). Supervisors and admins only; audited.
 */
export async function exportPerson(services: Services, actor: AgentActor, id: string): Promise<Record<string, unknown>> {
  if (actor.role === 'agent') throw new Forbidden('Only supervisors and admins can export a person’s data.');
  const customer = await customerFor(services.db, actor, id);
  const profile = await customerProfile(services, actor, customer.id);
  const sql = services.db;
  const conversations = await sql.query<Record<string, unknown>>(
    `select c.id, c.channel, c.status, c.started_at as "startedAt", c.human_connected_at as "humanConnectedAt",
       c.first_response_at as "firstResponseAt", c.resolved_at as "resolvedAt",
       coalesce((select json_agg(json_build_object('seq', e.seq, 'kind', e.kind, 'direction', e.direction, 'channel', e.channel,
         'body', e.body, 'author', e.author_kind, 'event', e.event_type, 'emotion', e.emotion, 'attachments', e.attachments,
         'at', e.created_at) order by e.seq)
         from entries e where e.conversation_id = c.id and e.kind <> 'note'), '[]') as entries
     from conversations c where c.workspace_id = $1 and c.customer_id = $2 order by c.started_at`,
    [actor.workspaceId, customer.id],
  );
  const callbacks = await sql.query<Record<string, unknown>>(
    `select b.phone, b.window_start as "windowStart", b.window_end as "windowEnd", b.status, b.created_at as "createdAt"
     from callbacks b join conversations c on c.id = b.conversation_id
     where c.workspace_id = $1 and c.customer_id = $2 order by b.created_at`,
    [actor.workspaceId, customer.id],
  );
  await audit.record(services.db, actor.workspaceId, {
    actorId: actor.agentId,
    action: 'customer.exported',
    subjectType: 'customer',
    subjectId: customer.id,
  });
  return {
    exportedAt: iso(services.now()),
    customer: {
      id: profile.id,
      name: profile.name,
      email: profile.email,
      phone: profile.phone,
      createdAt: profile.createdAt,
      attributes: profile.attributes,
      identities: profile.identities.map(({ kind, value, verified, createdAt }) => ({ kind, value, verified, createdAt })),
      organizations: profile.memberships.map((m) => ({ name: m.organization.name, role: m.role })),
    },
    conversations,
    callbacks,
  };
}

/**
 * Erases a person: their name, contact points, attributes, memberships and notes go; every word written in or
 * about their conversations (both sides: replies often repeat an address; handoff notes, service recovery and
 * alerts name them) becomes "[erased]". What stays is what the figures need: conversations with channel, clocks
 * and the mood read. Admins only; audited with counts and nothing personal. Their visitor tokens stop working and
 * their open chat sockets are closed.
 */
export async function erasePerson(
  services: Services,
  actor: AgentActor,
  id: string,
): Promise<{ erased: true; customerId: string }> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can erase a person.');
  const { erased, files } = await inUnit(services, async (tx, events) => {
    const customer = await customerFor(tx, actor, id, { forUpdate: true });
    if (customer.erasedAt) throw new Conflict('This customer was already erased.');
    const ws = actor.workspaceId;
    // Customers merged into this one are the same person: erased with them.
    const people = await erasure.samePerson(tx, ws, customer.id);
    await erasure.lockConversations(tx, ws, people);
    const entriesErased = await erasure.eraseWords(tx, ws, people, ERASED_TEXT);
    const files = await forgetAttachmentsOf(tx, ws, people);
    const identities = await erasure.forgetPeople(tx, ws, people);
    for (const person of people) await customerMerges.forgetFor(tx, ws, person);
    await audit.record(tx, ws, {
      actorId: actor.agentId,
      action: 'customer.erased',
      subjectType: 'customer',
      subjectId: customer.id,
      data: { entries: entriesErased, identities, people: people.length, files: files.length },
    });
    for (const person of people) events.push({ type: 'customer.access_revoked', workspaceId: ws, customerId: person });
    return { erased: { erased: true as const, customerId: customer.id }, files };
  });
  // Their photos and documents too: the bytes go once nothing refers to them any more.
  await Promise.all(files.map((key) => letGoOfBytes(services, key)));
  return erased;
}
