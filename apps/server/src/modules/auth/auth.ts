import { createHash } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { AgentRole } from '@warmline/shared';
import { type AgentActor, afterCommit, inUnit, type Services } from '../../core/context.ts';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '../../core/errors.ts';
import { newToken } from '../../core/tokens.ts';
import { type AgentRecord, agents } from '../teams/index.ts';
import { type WorkspaceRecord, workspaces } from '../workspaces/index.ts';
import { invitations, type SessionRecord, sessions } from './sessions.ts';

const INVITATION_TTL_DAYS = 7;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the email is unknown makes both failures take the same time.
let decoyHash: Promise<string> | null = null;

export interface SignedIn {
  token: string;
  session: SessionRecord;
  agent: AgentRecord;
  workspace: WorkspaceRecord;
}

/** Email + password → a session. Unknown email and wrong password fail identically. */
export async function signIn(services: Services, input: { email: string; password: string }): Promise<SignedIn> {
  const creds = await agents.credentialsByEmail(services.db, input.email.trim());
  decoyHash ??= hash(newToken());
  if (!creds) {
    await verify(await decoyHash, input.password);
    throw new Unauthenticated('Email or password is incorrect.');
  }
  const ok = await verify(creds.passwordHash, input.password);
  if (!ok) throw new Unauthenticated('Email or password is incorrect.');
  return openSession(services, creds.workspaceId, creds.id);
}

async function openSession(services: Services, workspaceId: string, agentId: string): Promise<SignedIn> {
  const token = newToken();
  const expiresAt = new Date(services.now().getTime() + services.config.sessionTtlHours * 3_600_000);
  await sessions.create(services.db, { workspaceId, agentId, tokenHash: hashToken(token), csrfToken: newToken(24), expiresAt });
  const current = await currentSession(services, token);
  if (!current) throw new Error('session vanished right after it was created');
  return { token, ...current };
}

/** Resolves a session cookie to the signed-in agent, or null. */
export async function currentSession(
  services: Services,
  token: string,
): Promise<{ session: SessionRecord; agent: AgentRecord; workspace: WorkspaceRecord } | null> {
  const session = await sessions.byTokenHash(services.db, hashToken(token));
  if (!session) return null;
  const [agent, workspace] = await Promise.all([
    agents.byId(services.db, session.workspaceId, session.agentId),
    workspaces.byId(services.db, session.workspaceId),
  ]);
  return agent && workspace ? { session, agent, workspace } : null;
}

/** Ends a session; the agent's sockets on every node are re-checked, and the one it opened is closed. */
export async function signOut(services: Services, session: SessionRecord): Promise<void> {
  await sessions.delete(services.db, session.workspaceId, session.id);
  await afterCommit(services, [{ type: 'agent.access_changed', workspaceId: session.workspaceId, agentId: session.agentId }]);
}

/** A 400 about one field of the request body, shaped as the edge's schema failures are. */
function invalidField(field: string, message: string): Invalid {
  return new Invalid(`${field}: ${message}`, { issues: [{ path: `body.${field}`, message }] });
}

/**
 * The agent of `session` replaces their password. The current one must verify (a wrong one changes nothing and
 * ends nothing); then every other session of theirs ends, their sockets on every node close, and this one stays.
 */
export async function changePassword(
  services: Services,
  session: SessionRecord,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { workspaceId, agentId } = session;
  const notCurrent = () => invalidField('currentPassword', 'that is not your current password.');
  const currentHash = await agents.passwordHash(services.db, workspaceId, agentId);
  if (!currentHash || !(await verify(currentHash, input.currentPassword))) throw notCurrent();
  if (input.newPassword === input.currentPassword) {
    throw invalidField('newPassword', 'choose a password different from your current one.');
  }
  const nextHash = await hashPassword(input.newPassword);
  await inUnit(services, async (tx, events) => {
    // Changed by another of their sessions since it was verified: what was typed is no longer the current one.
    if (!(await agents.replacePasswordHash(tx, workspaceId, agentId, currentHash, nextHash))) throw notCurrent();
    await sessions.deleteOthers(tx, workspaceId, agentId, session.id);
    events.push({ type: 'agent.access_changed', workspaceId, agentId });
  });
}

/**
 * What an open socket of this session may still do: the agent's role now, or null when the session ended,
 * expired or its agent was removed (the socket must close).
 */
export function sessionStanding(services: Services, workspaceId: string, sessionId: string): Promise<AgentRole | null> {
  return sessions.standingRole(services.db, workspaceId, sessionId);
}

/**
 * An admin invites a colleague; returns the one-time link to pass on. An email that already has an account is
 * invited like any other, so the answer never tells whether someone has an account (in this workspace or another);
 * that account is untouched, and accepting cannot make a second one.
 */
export async function inviteAgent(
  services: Services,
  actor: AgentActor,
  input: { email: string | null; role: AgentRole },
): Promise<{ id: string; url: string; expiresAt: Date; email: string | null; role: AgentRole }> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can invite people.');
  return createInvitation(services, actor.workspaceId, { ...input, invitedBy: actor.agentId });
}

export async function createInvitation(
  services: Services,
  workspaceId: string,
  input: { email: string | null; role: AgentRole; invitedBy: string | null },
) {
  const token = newToken();
  const expiresAt = new Date(services.now().getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const { id } = await invitations.create(services.db, {
    workspaceId,
    tokenHash: hashToken(token),
    email: input.email,
    role: input.role,
    invitedBy: input.invitedBy,
    expiresAt,
  });
  return { id, url: `${services.config.publicUrl}/app/invite/${token}`, expiresAt, email: input.email, role: input.role };
}

export async function previewInvitation(services: Services, token: string) {
  const invitation = await invitations.openByTokenHash(services.db, hashToken(token));
  if (!invitation) throw new NotFound('Invitation');
  const firstAdmin = (await agents.count(services.db)) === 0;
  return { workspaceName: invitation.workspaceName, role: invitation.role, email: invitation.email, firstAdmin };
}

/** Accepting creates the account and signs it in; an invitation works once. */
export async function acceptInvitation(
  services: Services,
  input: { token: string; displayName: string; email: string; password: string },
): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  const agent = await services.db.transaction(async (tx) => {
    const invitation = await invitations.openByTokenHash(tx, hashToken(input.token), true);
    if (!invitation) throw new NotFound('Invitation');
    if (await agents.emailTaken(tx, input.email)) throw new Conflict('Someone with that email already has an account.');
    await invitations.markAccepted(tx, invitation.workspaceId, invitation.id);
    return agents.create(tx, {
      workspaceId: invitation.workspaceId,
      email: input.email,
      displayName: input.displayName,
      role: invitation.role,
      passwordHash,
    });
  });
  return openSession(services, agent.workspaceId, agent.id);
}
