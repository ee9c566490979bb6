import type { AgentRole } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import { Conflict } from '../../core/errors.ts';
import { agents } from '../teams/index.ts';
import { newWorkspaceKey, type WorkspaceRecord, workspaces } from '../workspaces/index.ts';
import { createInvitation, hashPassword } from './auth.ts';

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
