import { randomUUID } from 'node:crypto';
import type { Entry, PublicAgent, VerifiedUser, VisitorConversation, WaitEstimate } from '@warmline/shared';
import type { FastifyRequest } from 'fastify';
import { afterCommit, type Services, type VisitorActor } from '../../core/context.ts';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { isSignedInUserToken, issueVisitorToken, mayEmbed, visitorFromToken } from '../../modules/auth/index.ts';
import {
  type ConversationRecord,
  conversationFor,
  conversations,
  entries,
  eventEntry,
  forCustomer,
  pushConversationChanged,
  viewOf,
  visitorView,
} from '../../modules/conversations/index.ts';
import {
  type CustomerRecord,
  customers,
  isValidUserHash,
  normaliseEmail,
  normaliseExternalId,
} from '../../modules/customers/index.ts';
import { estimateFor, waitContext } from '../../modules/routing/index.ts';
import { agents, presentPublicAgent } from '../../modules/teams/index.ts';
import { type WorkspaceRecord, workspaces } from '../../modules/workspaces/index.ts';

const HISTORY_LIMIT = 500;

export interface VisitorSession {
  visitorToken: string;
  actor: VisitorActor;
  workspace: { name: string; greeting: string };
  conversation: VisitorConversation | null;
  entries: Entry[];
  wait: WaitEstimate;
  team: PublicAgent[];
}

/** Opens (or resumes) an anonymous visitor's session in the widget. No account needed. */
export async function startVisitorSession(
  services: Services,
  input: { workspaceKey: string; visitorToken?: string | undefined; user?: VerifiedUser | undefined },
  request?: FastifyRequest,
): Promise<VisitorSession> {
  const workspace = await workspaces.byKey(services.db, input.workspaceKey);
  if (!workspace) throw new NotFound('Workspace');
  if (request && !mayEmbed(services, request, workspace)) {
    throw new Forbidden(`${request.headers.origin} is not among the websites this workspace's admins allow to embed its chat.`);
  }
  let actor: VisitorActor;
  let token: string;
  if (input.user) {
    // A signed-in website user: proven by the website's HMAC, linked to their customer, never to anyone else.
    const customer = await verifiedCustomer(services, workspace, input.user);
    const current = input.visitorToken ? await visitorFromToken(services, input.visitorToken).catch(() => null) : null;
    actor = { kind: 'visitor', workspaceId: workspace.id, customerId: customer.id };
    token =
      current?.customerId === customer.id && input.visitorToken && isSignedInUserToken(services, input.visitorToken)
        ? input.visitorToken
        : issueVisitorToken(services, customer, { user: true });
  } else if (input.visitorToken && !isSignedInUserToken(services, input.visitorToken)) {
    actor = await visitorFromToken(services, input.visitorToken);
    if (actor.workspaceId !== workspace.id) throw new Unauthenticated('This visitor token belongs to another workspace.');
    token = input.visitorToken;
  } else {
    // A new visitor, or a browser whose website user signed out: their session stays theirs, this one starts empty.
    const customer = await services.db.transaction(async (tx) => {
      const created = await customers.create(tx, workspace.id);
      await customers.addIdentity(tx, workspace.id, {
        customerId: created.id,
        kind: 'visitor',
        value: randomUUID(),
        verified: false,
      });
      return created;
    });
    actor = { kind: 'visitor', workspaceId: workspace.id, customerId: customer.id };
    token = issueVisitorToken(services, customer);
  }
  const conversation = await conversations.latestForCustomer(services.db, workspace.id, actor.customerId);
  const history = conversation
    ? (
        await entries.after(services.db, workspace.id, conversation.id, {
          afterSeq: 0,
          limit: HISTORY_LIMIT,
          audience: 'visitor',
        })
      ).map(forCustomer)
    : [];
  const team = await agents.available(services.db, workspace.id, 5);
  return {
    visitorToken: token,
    actor,
    workspace: { name: workspace.name, greeting: workspace.greeting },
    conversation: conversation ? visitorView(await viewOf(services.db, conversation)) : null,
    entries: history,
    wait: await waitFor(services, workspace.id, conversation),
    team: team.map(presentPublicAgent),
  };
}

/**
 * The customer a verified website user is: found by their proven external id, or made for them.
 * The hash covers the user id only: the name and email the website passes along are what the browser
 * said, so the email is recorded unproven (the customer is then not shown as verified with it, and it
 * can suggest "possibly the same person" but never links to someone else's record).
 */
async function verifiedCustomer(services: Services, workspace: WorkspaceRecord, user: VerifiedUser): Promise<CustomerRecord> {
  const secret = await workspaces.identitySecret(services.db, workspace.id);
  if (!isValidUserHash(secret, user.userId, user.userHash)) {
    throw new Unauthenticated(
      'The signed-in user could not be verified: userHash must be HMAC-SHA256 of userId under the workspace identity secret.',
    );
  }
  const userId = normaliseExternalId(user.userId);
  if (!userId) throw new Invalid('userId must be 1–200 characters without control characters', { field: 'user.userId' });
  const email = user.email ? normaliseEmail(user.email) : null;
  return services.db.transaction(async (tx) => {
    // Serialises two first visits of the same user: one customer, never two.
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${workspace.id}:external:${userId}`]);
    let customer = await customers.byVerifiedIdentity(tx, workspace.id, 'external', userId);
    if (!customer) {
      customer = await customers.create(tx, workspace.id, { name: user.name || null });
      await customers.addIdentity(tx, workspace.id, { customerId: customer.id, kind: 'external', value: userId, verified: true });
    } else if (!customer.name && user.name) {
      await customers.update(tx, workspace.id, customer.id, { name: user.name });
    }
    if (email)
      await customers.addIdentity(tx, workspace.id, { customerId: customer.id, kind: 'email', value: email, verified: false });
    return customer;
  });
}

/** The honest wait for this visitor's conversation (or for a new one). */
export async function waitFor(
  services: Services,
  workspaceId: string,
  conversation: ConversationRecord | null,
): Promise<WaitEstimate> {
  return estimateFor(services.db, await waitContext(services.db, workspaceId, services.now()), conversation);
}

export async function visitorWait(services: Services, actor: VisitorActor): Promise<WaitEstimate> {
  return waitFor(
    services,
    actor.workspaceId,
    await conversations.latestForCustomer(services.db, actor.workspaceId, actor.customerId),
  );
}

export async function visitorEntries(
  services: Services,
  actor: VisitorActor,
  input: { conversationId: string; after: number; limit: number },
) {
  const conversation = await conversationFor(services.db, actor, input.conversationId);
  const page = await entries.after(services.db, actor.workspaceId, conversation.id, {
    afterSeq: input.after,
    limit: input.limit,
    audience: 'visitor',
  });
  return page.map(forCustomer);
}

/**
 * Nobody is free: the visitor leaves an email, and a named person promises a reply by a time.
 * The conversation stays in the queue, owned by that person.
 */
export async function leaveMessage(
  services: Services,
  actor: VisitorActor,
  input: { conversationId: string; email: string; name?: string | undefined },
): Promise<{ conversation: VisitorConversation; promise: { owner: PublicAgent | null; by: string; text: string } }> {
  const events: WarmlineEvent[] = [];
  const workspace = (await workspaces.byId(services.db, actor.workspaceId))!;
  const by = new Date(services.now().getTime() + workspace.replyPromiseMinutes * 60_000);
  const result = await services.db.transaction(async (tx) => {
    const current = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, current.id);
    await customers.updateContact(tx, actor.workspaceId, actor.customerId, { email: input.email, name: input.name || null });
    await customers.addIdentity(tx, actor.workspaceId, {
      customerId: actor.customerId,
      kind: 'email',
      value: input.email.toLowerCase(),
      verified: false,
    });
    const owner = current.assigneeId
      ? await agents.byId(tx, actor.workspaceId, current.assigneeId)
      : await agents.leastBusy(tx, actor.workspaceId, { availableOnly: false });
    // Replies go by email to this address until the customer writes in the chat again (conversations/replyPromise.ts).
    await conversations.update(tx, actor.workspaceId, current.id, {
      assigneeId: owner?.id ?? null,
      promisedReplyBy: by,
      promiseKeptAt: null,
      promiseMissedAt: null,
      replyEmail: input.email,
    });
    await jobs.schedule(tx, actor.workspaceId, {
      kind: 'reply_promise',
      runAt: by,
      payload: { conversationId: current.id, by: by.toISOString() },
    });
    const who = owner?.displayName ?? 'Our team';
    const text = `${who} will reply to ${input.email} within ${describeMinutes(workspace.replyPromiseMinutes)}.`;
    events.push(
      await eventEntry(tx, actor, current, 'left_message', `Left a message for a reply by email to ${input.email}. ${text}`, {
        email: input.email,
        ownerId: owner?.id ?? null,
        promisedReplyBy: by.toISOString(),
      }),
    );
    await pushConversationChanged(tx, actor.workspaceId, current.id, events);
    const updated = (await conversations.byId(tx, actor.workspaceId, current.id))!;
    return {
      conversation: visitorView(await viewOf(tx, updated)),
      promise: { owner: owner ? presentPublicAgent(owner) : null, by: by.toISOString(), text },
    };
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  return result;
}

function describeMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'an hour' : `${hours} hours`;
}
