import type { CustomerProfile, IdentityKind, MemberRole } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { audit } from '../workspaces/index.ts';
import { customerProfile } from './customers.ts';
import { customerMerges, type MergeMoves } from './repository/customerMerges.ts';
import { type CustomerRecord, customers } from './repository/customers.ts';

/**
 * An agent decides two customers are one person: everything of `sourceId` moves to `targetId`
 * (conversations, contact points, notes, memberships), blanks on the target are filled from the
 * source, and the source is kept, marked merged, so the merge can be undone exactly. Audited.
 *
 * Typing someone's email proves nothing, so a merge never widens an unverified side's access: the visitor
 * tokens of each side that is not verified end (their open chat sockets are closed) and they start afresh;
 * only a verified side's visitors carry on as the merged customer.
 */
export async function mergeCustomers(
  services: Services,
  actor: AgentActor,
  targetId: string,
  sourceId: string,
): Promise<{ mergeId: string; customer: CustomerProfile }> {
  if (targetId === sourceId) throw new Invalid('a customer cannot be merged into themselves', { field: 'sourceId' });
  const mergeId = await inUnit(services, async (tx, events) => {
    const [target, source] = await lockBoth(tx, actor, targetId, sourceId);
    if (!target || target.mergedInto) throw new NotFound('Customer');
    if (!source) throw new NotFound('Customer');
    if (source.mergedInto) throw new Conflict('That customer was already merged into someone else.');
    if (target.erasedAt || source.erasedAt) throw new Conflict('An erased customer cannot be merged.');
    const ws = actor.workspaceId;
    const unverified = [target, source].filter((c) => !c.verified).map((c) => c.id);
    await customers.revokeVisitorTokens(tx, ws, unverified);
    for (const customerId of unverified) events.push({ type: 'customer.access_revoked', workspaceId: ws, customerId });

    const conversationIds = await ids(
      tx,
      'update conversations set customer_id = $3 where workspace_id = $1 and customer_id = $2 returning id',
      [ws, source.id, target.id],
    );
    const dropped = await tx.query<{ kind: IdentityKind; value: string; verified: boolean; createdAt: Date }>(
      `delete from identities s using identities t
       where s.workspace_id = $1 and s.customer_id = $2 and t.customer_id = $3 and t.kind = s.kind and t.value = s.value
       returning s.kind, s.value, s.verified, s.created_at as "createdAt"`,
      [ws, source.id, target.id],
    );
    const identityIds = await ids(
      tx,
      'update identities set customer_id = $3 where workspace_id = $1 and customer_id = $2 returning id',
      [ws, source.id, target.id],
    );
    const noteIds = await ids(
      tx,
      'update customer_notes set customer_id = $3 where workspace_id = $1 and customer_id = $2 returning id',
      [ws, source.id, target.id],
    );
    const droppedMemberships = await tx.query<{ organizationId: string; role: MemberRole }>(
      `delete from organization_members s using organization_members t
       where s.workspace_id = $1 and s.customer_id = $2 and t.customer_id = $3 and t.organization_id = s.organization_id
       returning s.organization_id as "organizationId", s.role`,
      [ws, source.id, target.id],
    );
    const movedMemberships = await ids(
      tx,
      `update organization_members set customer_id = $3 where workspace_id = $1 and customer_id = $2
       returning organization_id as id`,
      [ws, source.id, target.id],
    );
    await tx.query(
      `update customers t set name = coalesce(t.name, s.name), owner_agent_id = coalesce(t.owner_agent_id, s.owner_agent_id),
         attributes = s.attributes || t.attributes, updated_at = now()
       from customers s where t.id = $2 and s.id = $3 and t.workspace_id = $1`,
      [ws, target.id, source.id],
    );
    await tx.query('update customers set merged_into = $3, updated_at = now() where workspace_id = $1 and id = $2', [
      ws,
      source.id,
      target.id,
    ]);
    await customers.refreshPrimaryContacts(tx, ws, target.id);
    await customers.refreshPrimaryContacts(tx, ws, source.id);

    const moved: MergeMoves = {
      conversationIds,
      identityIds,
      droppedIdentities: dropped.map((d) => ({ ...d, createdAt: new Date(d.createdAt).toISOString() })),
      noteIds,
      movedMemberships,
      droppedMemberships,
      targetBefore: { name: target.name, ownerAgentId: target.ownerAgentId, attributes: target.attributes },
    };
    const id = await customerMerges.record(tx, ws, { targetId: target.id, sourceId: source.id, moved, mergedBy: actor.agentId });
    await audit.record(tx, ws, {
      actorId: actor.agentId,
      action: 'customer.merged',
      subjectType: 'customer',
      subjectId: target.id,
      data: {
        mergeId: id,
        sourceId: source.id,
        conversations: conversationIds.length,
        identities: identityIds.length + dropped.length,
        visitorsSignedOut: unverified,
      },
    });
    return id;
  });
  return { mergeId, customer: await customerProfile(services, actor, targetId) };
}

/** Puts back everything a merge moved: the two customers are as they were, plus whatever happened since. */
export async function undoMerge(services: Services, actor: AgentActor, mergeId: string): Promise<CustomerProfile> {
  const targetId = await services.db.transaction(async (tx) => {
    const merge = await customerMerges.byId(tx, actor.workspaceId, mergeId, { forUpdate: true });
    if (!merge) throw new NotFound('Merge');
    if (merge.undoneAt) throw new Conflict('This merge was already undone.');
    const [target, source] = await lockBoth(tx, actor, merge.targetId, merge.sourceId);
    if (!target || !source) throw new NotFound('Merge');
    if (target.mergedInto) throw new Conflict('The merged customer was since merged into someone else: undo that merge first.');
    const ws = actor.workspaceId;
    const moved = merge.moved;

    await tx.query(
      'update conversations set customer_id = $3 where workspace_id = $1 and customer_id = $2 and id = any($4::uuid[])',
      [ws, target.id, source.id, moved.conversationIds],
    );
    await tx.query(
      'update identities set customer_id = $3 where workspace_id = $1 and customer_id = $2 and id = any($4::uuid[])',
      [ws, target.id, source.id, moved.identityIds],
    );
    for (const d of moved.droppedIdentities) {
      // Re-created unproven if the target holds it proven: one proven owner per contact point.
      await tx.query(
        `insert into identities (workspace_id, customer_id, kind, value, verified, created_at)
         values ($1, $2, $3, $4, $5 and not exists (select 1 from identities v where v.workspace_id = $1 and v.kind = $3
           and v.value = $4 and v.verified), $6)
         on conflict do nothing`,
        [ws, source.id, d.kind, d.value, d.verified, d.createdAt],
      );
    }
    await tx.query(
      'update customer_notes set customer_id = $3 where workspace_id = $1 and customer_id = $2 and id = any($4::uuid[])',
      [ws, target.id, source.id, moved.noteIds],
    );
    await tx.query(
      `update organization_members set customer_id = $3 where workspace_id = $1 and customer_id = $2
       and organization_id = any($4::uuid[])
       and not exists (select 1 from organization_members o where o.organization_id = organization_members.organization_id and o.customer_id = $3)`,
      [ws, target.id, source.id, moved.movedMemberships],
    );
    for (const m of moved.droppedMemberships) {
      await tx.query(
        `insert into organization_members (workspace_id, organization_id, customer_id, role)
         select $1, $2, $3, $4 where exists (select 1 from organizations where id = $2) on conflict do nothing`,
        [ws, m.organizationId, source.id, m.role],
      );
    }
    // Take back only what the merge filled in and nobody has changed since.
    const before = moved.targetBefore;
    const attributes = { ...target.attributes };
    for (const [key, value] of Object.entries(source.attributes)) {
      if (!(key in before.attributes) && attributes[key] === value) delete attributes[key];
    }
    await tx.query(
      'update customers set name = $3, owner_agent_id = $4, attributes = $5, updated_at = now() where workspace_id = $1 and id = $2',
      [
        ws,
        target.id,
        before.name === null && target.name === source.name ? null : target.name,
        before.ownerAgentId === null && target.ownerAgentId === source.ownerAgentId ? null : target.ownerAgentId,
        JSON.stringify(attributes),
      ],
    );
    await tx.query('update customers set merged_into = null, updated_at = now() where workspace_id = $1 and id = $2', [
      ws,
      source.id,
    ]);
    await customers.refreshPrimaryContacts(tx, ws, target.id);
    await customers.refreshPrimaryContacts(tx, ws, source.id);
    await customerMerges.markUndone(tx, ws, merge.id, actor.agentId);
    await audit.record(tx, ws, {
      actorId: actor.agentId,
      action: 'customer.unmerged',
      subjectType: 'customer',
      subjectId: target.id,
      data: { mergeId: merge.id, sourceId: source.id },
    });
    return target.id;
  });
  return customerProfile(services, actor, targetId);
}

/** Locks both customers in id order, so two merges of the same pair cannot deadlock. */
async function lockBoth(
  tx: Sql,
  actor: AgentActor,
  aId: string,
  bId: string,
): Promise<[CustomerRecord | null, CustomerRecord | null]> {
  const [first, second] = aId < bId ? [aId, bId] : [bId, aId];
  const x = await customers.byId(tx, actor.workspaceId, first, { forUpdate: true });
  const y = await customers.byId(tx, actor.workspaceId, second, { forUpdate: true });
  return aId < bId ? [x, y] : [y, x];
}

async function ids(tx: Sql, text: string, params: unknown[]): Promise<string[]> {
  return (await tx.query<{ id: string }>(text, params)).map((r) => r.id);
}
