import type { AgentRole, WorkspaceSettings } from '@warmline/shared';
import { Conflict, Forbidden } from '../../core/errors.ts';
import { agents } from '../teams/agentsRepository.ts';
import { type WorkspaceRecord, workspaces } from './repository.ts';
import { createInvitation, hashPassword, newToken } from '../auth/auth.ts';
import type { AgentActor, Services } from '../../core/context.ts';

export function newWorkspaceKey(): string {
  return `wk_${newToken(12)}`;
}

/**
 * On a fresh instance: makes the first workspace and a one-time sign-in link for its first admin.
 * Returns the link while no one has an account yet, null afterwards.
 */
export async function firstAdminLink(services: Services): Promise<string | null> {
  if ((await agents.count(services.db)) > 0) return null;
  const workspace =
    (await workspaces.first(services.db)) ??
    (await workspaces.create(services.db, { name: 'My workspace', key: newWorkspaceKey() }));
  const invitation = await createInvitation(services, workspace.id, { email: null, role: 'admin', invitedBy: null });
  return invitation.url;
}

/** `warmline admin create`: an account without an invitation, in the first workspace (made if missing). */
export async function createAdmin(
  services: Services,
  input: { email: string; displayName: string; password: string; role?: AgentRole; workspace?: WorkspaceRecord },
) {
  if (await agents.emailTaken(services.db, input.email)) throw new Conflict(`An account for ${input.email} already exists.`);
  const workspace =
    input.workspace ??
    (await workspaces.first(services.db)) ??
    (await workspaces.create(services.db, { name: 'My workspace', key: newWorkspaceKey() }));
  return agents.create(services.db, {
    workspaceId: workspace.id,
    email: input.email,
    displayName: input.displayName,
    role: input.role ?? 'admin',
    passwordHash: await hashPassword(input.password),
  });
}

function settingsOf(w: WorkspaceRecord): WorkspaceSettings {
  return {
    name: w.name,
    timezone: w.timezone,
    openingHours: w.openingHours,
    idleAwayMinutes: w.idleAwayMinutes,
    presenceGraceSeconds: w.presenceGraceSeconds,
    replyPromiseMinutes: w.replyPromiseMinutes,
    phoneCountry: w.phoneCountry,
  };
}

export async function workspaceSettings(services: Services, actor: AgentActor): Promise<WorkspaceSettings> {
  return settingsOf((await workspaces.byId(services.db, actor.workspaceId))!);
}

/** Admins set opening hours (callbacks must fall inside), the time zone, and how presence and promises behave. */
export async function updateWorkspaceSettings(
  services: Services,
  actor: AgentActor,
  patch: Partial<WorkspaceSettings>,
): Promise<WorkspaceSettings> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can change workspace settings.');
  await workspaces.updateSettings(services.db, actor.workspaceId, patch);
  return workspaceSettings(services, actor);
}

/** The identity verification secret, shown to admins to configure their website's server. */
export async function identitySecret(services: Services, actor: AgentActor): Promise<string> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can see the identity verification secret.');
  return workspaces.identitySecret(services.db, actor.workspaceId);
}

export async function rotateIdentitySecret(services: Services, actor: AgentActor): Promise<string> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can replace the identity verification secret.');
  await workspaces.rotateIdentitySecret(services.db, actor.workspaceId, newToken(32));
  return workspaces.identitySecret(services.db, actor.workspaceId);
}
