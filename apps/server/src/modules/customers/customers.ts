import type {
  AttributeValue,
  ConversationSummary,
  CustomerNote,
  CustomerProfile,
  CustomerSummary,
  Emotion,
  TimelineItem,
} from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { iso, isoOrNull, isUuid } from '../../core/db/rows.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { agents, conversationVisibleSql, presentPublicAgent } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { checkAttributes } from './domain/attributes.ts';
import { type ContactKind, describeInvalid, normaliseContact } from './domain/contactPoints.ts';
import { toPrefixQuery } from './domain/searchQuery.ts';
import { presentCustomerSummary, presentIdentity } from './presentCustomer.ts';
import { attributeDefinitions } from './repository/attributes.ts';
import { customerMerges } from './repository/customerMerges.ts';
import { type CustomerNoteRecord, customerNotes } from './repository/customerNotes.ts';
import { type CustomerRecord, customers } from './repository/customers.ts';
import { organizations } from './repository/organizations.ts';
import { type TimelineCursor, type TimelineRow, timelineOf } from './repository/timeline.ts';

const PROFILE_CONVERSATIONS = 50;
const PROFILE_NOTES = 50;

/**
 * The customer an agent asked for. A customer merged into someone else answers as the person they
 * became, so an old link still leads to the whole story. Other workspaces' customers do not exist.
 */
export async function customerFor(sql: Sql, actor: AgentActor, id: string, opts: { forUpdate?: boolean } = {}) {
  let customer = await customers.byId(sql, actor.workspaceId, id, opts);
  for (let hops = 0; customer?.mergedInto && hops < 10; hops++) {
    customer = await customers.byId(sql, actor.workspaceId, customer.mergedInto, opts);
  }
  if (!customer) throw new NotFound('Customer');
  return customer;
}

export async function listCustomers(
  services: Services,
  actor: AgentActor,
  input: {
    q?: string | undefined;
    organizationId?: string | undefined;
    ownerId?: string | undefined;
    verified?: 'true' | 'false' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ customers: CustomerSummary[]; nextCursor: string | null }> {
  const before = input.cursor ? decodeCursor(input.cursor, ['createdAt', 'id']) : undefined;
  const query = input.q ? toPrefixQuery(input.q) : null;
  if (input.q && !query) return { customers: [], nextCursor: null };
  const rows = await customers.list(services.db, actor.workspaceId, {
    organizationId: input.organizationId,
    ownerId: input.ownerId,
    verified: input.verified === undefined ? undefined : input.verified === 'true',
    query: query ?? undefined,
    before: before as { createdAt: string; id: string } | undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    customers: page.map(presentCustomerSummary),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.createdAtKey, id: last.id }) : null,
  };
}

/** A customer made by an agent: the contact points they enter are vouched for by the business. */
export async function createCustomer(
  services: Services,
  actor: AgentActor,
  input: {
    name?: string | undefined;
    email?: string | undefined;
    phone?: string | undefined;
    externalId?: string | undefined;
    ownerId?: string | null | undefined;
    attributes?: Record<string, AttributeValue> | undefined;
  },
): Promise<CustomerProfile> {
  const workspace = (await workspaces.byId(services.db, actor.workspaceId))!;
  const points = contactPoints(input, workspace.phoneCountry);
  if (points.length === 0 && !input.name)
    throw new Invalid('give a customer at least a name, an email, a phone or an external id');
  const id = await services.db.transaction(async (tx) => {
    const attributes = input.attributes ? await checkedAttributes(tx, actor, input.attributes) : {};
    if (input.ownerId) await ownerFor(tx, actor, input.ownerId);
    const customer = await customers.create(tx, actor.workspaceId, {
      name: input.name ?? null,
      ownerAgentId: input.ownerId ?? null,
      attributes,
    });
    for (const point of points) await addProvenIdentity(tx, actor, customer.id, point.kind, point.value);
    return customer.id;
  });
  return customerProfile(services, actor, id);
}

export async function updateCustomer(
  services: Services,
  actor: AgentActor,
  id: string,
  input: {
    name?: string | null | undefined;
    ownerId?: string | null | undefined;
    attributes?: Record<string, AttributeValue> | undefined;
  },
): Promise<CustomerProfile> {
  const customerId = await services.db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, actor, id);
    const attributes = input.attributes ? await checkedAttributes(tx, actor, input.attributes) : undefined;
    if (input.ownerId) await ownerFor(tx, actor, input.ownerId);
    await customers.update(tx, actor.workspaceId, customer.id, { name: input.name, ownerAgentId: input.ownerId, attributes });
    return customer.id;
  });
  return customerProfile(services, actor, customerId);
}

/** An agent adds a contact point; it counts as proven (the business vouches for it). */
export async function addCustomerIdentity(
  services: Services,
  actor: AgentActor,
  id: string,
  input: { kind: ContactKind; value: string },
): Promise<CustomerProfile> {
  const workspace = (await workspaces.byId(services.db, actor.workspaceId))!;
  const value = normaliseContact(input.kind, input.value, workspace.phoneCountry);
  if (!value) throw new Invalid(`"${input.value.slice(0, 80)}" ${describeInvalid(input.kind)}`, { field: 'value' });
  const customerId = await services.db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, actor, id);
    await addProvenIdentity(tx, actor, customer.id, input.kind, value);
    return customer.id;
  });
  return customerProfile(services, actor, customerId);
}

export async function removeCustomerIdentity(
  services: Services,
  actor: AgentActor,
  id: string,
  identityId: string,
): Promise<CustomerProfile> {
  const customerId = await services.db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, actor, id);
    if (!(await customers.removeIdentity(tx, actor.workspaceId, customer.id, identityId))) throw new NotFound('Identity');
    return customer.id;
  });
  return customerProfile(services, actor, customerId);
}

export async function addCustomerNote(services: Services, actor: AgentActor, id: string, body: string): Promise<CustomerNote> {
  return services.db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, actor, id);
    return presentNote(
      await customerNotes.add(tx, actor.workspaceId, { customerId: customer.id, authorId: actor.agentId, body }),
    );
  });
}

/** Everything the profile panel shows beside a conversation. */
export async function customerProfile(services: Services, actor: AgentActor, id: string): Promise<CustomerProfile> {
  const sql = services.db;
  const customer = await customerFor(sql, actor, id);
  const [identities, memberships, owner, conversations, notes, lookalikes, merges, since] = await Promise.all([
    customers.identities(sql, actor.workspaceId, customer.id),
    organizations.membershipsOf(sql, actor.workspaceId, customer.id),
    customer.ownerAgentId ? agents.byId(sql, actor.workspaceId, customer.ownerAgentId) : null,
    conversationSummaries(sql, actor, customer.id),
    customerNotes.forCustomer(sql, actor.workspaceId, customer.id, PROFILE_NOTES),
    customers.lookalikes(sql, actor.workspaceId, customer.id),
    customerMerges.undoableInto(sql, actor.workspaceId, customer.id),
    customers.customerSince(sql, actor.workspaceId, customer.id),
  ]);
  const sources = await customers.byIds(
    sql,
    actor.workspaceId,
    merges.map((m) => m.sourceId),
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return {
    ...presentCustomerSummary(customer),
    identities: identities.map(presentIdentity),
    memberships: memberships.map((m) => ({
      organization: { id: m.organizationId, name: m.organizationName, kind: m.organizationKind },
      role: m.role,
    })),
    owner: owner ? presentPublicAgent(owner) : null,
    customerSince: iso(since),
    attributes: customer.attributes,
    conversations,
    notes: notes.map(presentNote),
    suggestions: lookalikes.map((l) => ({ customer: presentCustomerSummary(l.customer), reasons: l.shared })),
    merges: merges.flatMap((m) => {
      const source = sourceById.get(m.sourceId);
      if (!source) return [];
      return [
        {
          id: m.id,
          source: presentCustomerSummary(source),
          mergedAt: iso(m.mergedAt),
          by: m.mergedBy ? { id: m.mergedBy, displayName: m.mergedByName ?? 'Someone', avatarUrl: m.mergedByAvatarUrl } : null,
        },
      ];
    }),
  };
}

/** The customer's whole story, newest first, a page at a time. */
export async function customerTimeline(
  services: Services,
  actor: AgentActor,
  id: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const customer = await customerFor(services.db, actor, id);
  return timelinePage(services.db, actor, [customer.id], page);
}

export async function timelinePage(
  sql: Sql,
  actor: AgentActor,
  customerIds: string[],
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const before = page.cursor ? (decodeCursor(page.cursor, ['at', 'sortKey']) as unknown as TimelineCursor) : undefined;
  if (customerIds.length === 0) return { items: [], nextCursor: null };
  const rows = await timelineOf(sql, actor.workspaceId, { agentId: actor.agentId, role: actor.role }, customerIds, {
    before,
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentTimelineRow),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.atKey, sortKey: last.sortKey }) : null,
  };
}

// ── helpers ───────────────────────────────────────────────────────────

/** A customer that can still be changed: not merged away (that follows to the survivor) and not erased. */
async function liveCustomer(tx: Sql, actor: AgentActor, id: string): Promise<CustomerRecord> {
  const customer = await customerFor(tx, actor, id, { forUpdate: true });
  if (customer.erasedAt) throw new Conflict('This customer was erased; their record can no longer change.');
  return customer;
}

async function addProvenIdentity(tx: Sql, actor: AgentActor, customerId: string, kind: ContactKind, value: string) {
  const result = await customers.addIdentity(tx, actor.workspaceId, { customerId, kind, value, verified: true });
  if (result.outcome === 'taken') {
    throw new Conflict(`${kind} ${value} already belongs to another customer; merge the two instead.`, {
      field: kind,
      customerId: result.ownerId,
    });
  }
}

function contactPoints(
  input: { email?: string | undefined; phone?: string | undefined; externalId?: string | undefined },
  phoneCountry: string | null,
): Array<{ kind: ContactKind; value: string }> {
  const points: Array<{ kind: ContactKind; value: string }> = [];
  const fields: Array<[ContactKind, string | undefined, string]> = [
    ['email', input.email, 'email'],
    ['phone', input.phone, 'phone'],
    ['external', input.externalId, 'externalId'],
  ];
  for (const [kind, raw, field] of fields) {
    if (raw === undefined || raw === '') continue;
    const value = normaliseContact(kind, raw, phoneCountry);
    if (!value) throw new Invalid(`${field}: "${raw.slice(0, 80)}" ${describeInvalid(kind)}`, { field });
    points.push({ kind, value });
  }
  return points;
}

async function checkedAttributes(tx: Sql, actor: AgentActor, input: Record<string, AttributeValue>) {
  const result = checkAttributes(await attributeDefinitions.list(tx, actor.workspaceId), input);
  if (!result.ok) throw new Invalid(`custom attributes: ${result.problems.join('; ')}`, { problems: result.problems });
  return result.values;
}

/** The agent named as a relationship or account owner, or 400. */
export async function ownerFor(tx: Sql, actor: AgentActor, ownerId: string) {
  const owner = await agents.byId(tx, actor.workspaceId, ownerId);
  if (!owner) throw new Invalid('ownerId is not a person in this workspace', { field: 'ownerId' });
  return owner;
}

async function conversationSummaries(sql: Sql, actor: AgentActor, customerId: string): Promise<ConversationSummary[]> {
  const rows = await sql.query<{
    id: string;
    channel: ConversationSummary['channel'];
    status: ConversationSummary['status'];
    upset: boolean;
    assigneeId: string | null;
    assigneeName: string | null;
    assigneeAvatarUrl: string | null;
    lastMessage: string | null;
    startedAt: Date;
    resolvedAt: Date | null;
    mood: Emotion | null;
  }>(
    `select c.id, c.channel, c.status, c.upset, c.assignee_id as "assigneeId", a.display_name as "assigneeName",
       a.avatar_url as "assigneeAvatarUrl", c.last_message_body as "lastMessage", c.started_at as "startedAt",
       c.resolved_at as "resolvedAt",
       (select e.emotion from entries e where e.conversation_id = c.id and e.emotion is not null order by e.seq desc limit 1) as mood
     from conversations c left join agents a on a.id = c.assignee_id
     where c.workspace_id = $1 and c.customer_id = $2 and ${conversationVisibleSql('c', '$3::uuid', '$4')}
     order by c.started_at desc, c.id desc
     limit ${PROFILE_CONVERSATIONS}`,
    [actor.workspaceId, customerId, actor.agentId, actor.role],
  );
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: r.status,
    outcome: r.status === 'resolved' ? 'resolved' : 'open',
    mood: r.mood,
    upset: r.upset,
    assignee: r.assigneeId
      ? { id: r.assigneeId, displayName: r.assigneeName ?? 'Someone', avatarUrl: r.assigneeAvatarUrl }
      : null,
    lastMessage: r.lastMessage,
    startedAt: iso(r.startedAt),
    resolvedAt: isoOrNull(r.resolvedAt),
  }));
}

function presentNote(n: CustomerNoteRecord): CustomerNote {
  return {
    id: n.id,
    body: n.body,
    author: n.authorId ? { id: n.authorId, displayName: n.authorName ?? 'Someone', avatarUrl: n.authorAvatarUrl } : null,
    createdAt: iso(n.createdAt),
  };
}

function presentTimelineRow(r: TimelineRow): TimelineItem {
  const isCallback = r.kind === 'event' && r.type?.startsWith('callback');
  return {
    kind: isCallback ? 'callback' : r.kind,
    at: iso(r.at),
    customerId: r.customerId,
    conversationId: r.conversationId,
    channel: r.channel,
    direction: r.direction,
    type: r.type,
    text: r.text,
    author: r.authorKind ? { kind: r.authorKind, name: r.authorKind === 'customer' ? null : r.authorName } : null,
    mood: r.mood,
  };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** Cursors are opaque to clients: base64url JSON of the last item's sort position. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, keys: string[]): Record<string, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid = keys.every((k) => typeof value[k] === 'string' && (value[k] as string).length < 200);
    const dated = ['createdAt', 'at'].filter((k) => keys.includes(k)).every((k) => TIMESTAMP.test(value[k] as string));
    if (valid && dated && (!keys.includes('id') || isUuid(value.id as string))) return value as Record<string, string>;
  } catch {
    // fall through
  }
  throw new Invalid('cursor is not one this API gave out', { field: 'cursor' });
}
