import type { WorkspaceSettings } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden } from '../../core/errors.ts';
import { newToken } from '../../core/tokens.ts';
import { type WorkspaceRecord, workspaces } from './repository.ts';

export function newWorkspaceKey(): string {
  return `wk_${newToken(12)}`;
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
    allowedOrigins: w.allowedOrigins,
  };
}

export async function workspaceSettings(services: Services, actor: AgentActor): Promise<WorkspaceSettings> {
  return settingsOf((await workspaces.byId(services.db, actor.workspaceId))!);
}

/**
 * Admins set opening hours (callbacks must fall inside), the time zone, how presence and promises behave, and
 * which websites may embed the widget (origins as browsers send them: lowercase, no trailing slash).
 */
export async function updateWorkspaceSettings(
  services: Services,
  actor: AgentActor,
  patch: Partial<WorkspaceSettings>,
): Promise<WorkspaceSettings> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can change workspace settings.');
  const allowedOrigins = patch.allowedOrigins && [...new Set(patch.allowedOrigins.map((o) => new URL(o).origin))];
  await workspaces.updateSettings(services.db, actor.workspaceId, { ...patch, allowedOrigins });
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
