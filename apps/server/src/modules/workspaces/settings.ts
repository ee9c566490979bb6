import type { WidgetConfig, WorkspaceSettings } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { newToken } from '../../core/tokens.ts';
import { discardServedFile, type IncomingImage, letGoOfBytes, storeImage } from '../files/index.ts';
import { type WorkspacePatch, type WorkspaceRecord, workspaces } from './repository.ts';

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
    greeting: w.greeting,
    logoUrl: w.logoUrl,
    widgetColor: w.widgetColor,
    currency: w.currency,
    languages: w.languages,
    holidays: w.holidays,
  };
}

function mustBeAdmin(actor: AgentActor, what: string): void {
  if (actor.role !== 'admin') throw new Forbidden(`Only admins can ${what}.`);
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
  patch: WorkspacePatch & { logoUrl?: null | undefined },
): Promise<WorkspaceSettings> {
  mustBeAdmin(actor, 'change workspace settings');
  const { logoUrl, ...rest } = patch;
  const allowedOrigins = rest.allowedOrigins && [...new Set(rest.allowedOrigins.map((o) => new URL(o).origin))];
  const discarded = await services.db.transaction(async (tx) => {
    await workspaces.updateSettings(tx, actor.workspaceId, { ...rest, allowedOrigins });
    if (logoUrl !== null) return null;
    return discardServedFile(tx, actor.workspaceId, await workspaces.setLogo(tx, actor.workspaceId, null));
  });
  await letGoOfBytes(services, discarded);
  return workspaceSettings(services, actor);
}

/** A new logo for the widget and the agent app: checked and kept as an image of the workspace; the old one goes. */
export async function uploadLogo(services: Services, actor: AgentActor, image: IncomingImage): Promise<WorkspaceSettings> {
  mustBeAdmin(actor, 'change the logo');
  const discarded = await services.db.transaction(async (tx) => {
    const stored = await storeImage(services.storage, tx, actor.workspaceId, image);
    return discardServedFile(tx, actor.workspaceId, await workspaces.setLogo(tx, actor.workspaceId, stored.path));
  });
  // The old logo's bytes go once the new one is committed.
  await letGoOfBytes(services, discarded);
  return workspaceSettings(services, actor);
}

/** What the widget shows of a workspace before a visitor writes: the same for everyone, so it may be cached. */
export async function widgetConfig(services: Services, workspaceKey: string): Promise<WidgetConfig> {
  const w = await workspaces.byKey(services.db, workspaceKey);
  if (!w) throw new NotFound('No workspace has that key: check data-workspace on the widget script tag.');
  return { name: w.name, greeting: w.greeting, color: w.widgetColor, logoUrl: w.logoUrl };
}

/** The identity verification secret, shown to admins to configure their website's server. */
export async function identitySecret(services: Services, actor: AgentActor): Promise<string> {
  mustBeAdmin(actor, 'see the identity verification secret');
  return workspaces.identitySecret(services.db, actor.workspaceId);
}

export async function rotateIdentitySecret(services: Services, actor: AgentActor): Promise<string> {
  mustBeAdmin(actor, 'replace the identity verification secret');
  await workspaces.rotateIdentitySecret(services.db, actor.workspaceId, newToken(32));
  return workspaces.identitySecret(services.db, actor.workspaceId);
}
