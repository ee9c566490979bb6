import type { DelightMoment, DelightWall, WallShare } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { iso } from '../../core/db/rows.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { teams } from '../teams/index.ts';
import { audit, workspaces } from '../workspaces/index.ts';
import { presentMoment } from './presentMoment.ts';
import { moments } from './repository/moments.ts';
import { type ShareRecord, wallShares } from './repository/shares.ts';
import { shareLinkOf, shareOfLink } from './wallLink.ts';

const mayShare = (actor: AgentActor) => actor.role === 'supervisor' || actor.role === 'admin';

/** The team, if this agent may open its wall: a restricted team's only for its members, supervisors and admins. */
async function teamFor(services: Services, actor: AgentActor, teamId: string) {
  const team = await teams.byId(services.db, actor.workspaceId, teamId);
  if (!team || (actor.role === 'agent' && team.restricted && !team.memberIds.includes(actor.agentId))) throw new NotFound('Team');
  return team;
}

function presentShare(services: Services, share: ShareRecord): WallShare {
  return {
    url: `${services.config.publicUrl.replace(/\/$/, '')}/wall/${shareLinkOf(services.secretKey, share.id)}`,
    createdAt: iso(share.createdAt),
    createdBy: share.createdByName,
  };
}

/** The walls this agent may open, each with its kept moments and the suggestions waiting for them. */
export async function listWalls(services: Services, actor: AgentActor) {
  const rows = await moments.walls(services.db, actor.workspaceId, actor);
  return rows.map((r) => ({ team: { id: r.id, name: r.name }, kept: r.kept, suggested: r.suggested }));
}

/** A team's wall: its kept moments newest first, the suggestions this agent may decide, and its share link for supervisors. */
export async function getWall(services: Services, actor: AgentActor, teamId: string): Promise<DelightWall> {
  const team = await teamFor(services, actor, teamId);
  const [kept, suggested, share] = await Promise.all([
    moments.keptOnWall(services.db, actor.workspaceId, team.id, actor),
    moments.suggestedOnWall(services.db, actor.workspaceId, team.id, actor),
    mayShare(actor) ? wallShares.openOf(services.db, actor.workspaceId, team.id) : null,
  ]);
  return {
    team: { id: team.id, name: team.name, restricted: team.restricted },
    moments: kept.map(presentMoment),
    suggested: suggested.map(presentMoment),
    canShare: mayShare(actor),
    share: share ? presentShare(services, share) : null,
  };
}

/** Opens a public, read-only link to a team's wall (supervisors, admins); the open one if it has one. */
export async function shareWall(services: Services, actor: AgentActor, teamId: string): Promise<WallShare> {
  const team = await teamFor(services, actor, teamId);
  if (!mayShare(actor)) throw new Forbidden('Only supervisors and admins can share a wall.');
  const share = await services.db.transaction(async (tx) => {
    const open = await wallShares.open(tx, actor.workspaceId, team.id, { agentId: actor.agentId, at: services.now() });
    await audit.record(tx, actor.workspaceId, {
      actorId: actor.agentId,
      action: 'delight_wall.shared',
      subjectType: 'team',
      subjectId: team.id,
      data: { shareId: open.id },
    });
    return open;
  });
  return presentShare(services, share);
}

/** Ends a team's share link: whoever holds it sees nothing from now on. Revoking when none is open changes nothing. */
export async function revokeWallShare(services: Services, actor: AgentActor, teamId: string): Promise<void> {
  const team = await teamFor(services, actor, teamId);
  if (!mayShare(actor)) throw new Forbidden('Only supervisors and admins can stop sharing a wall.');
  await services.db.transaction(async (tx) => {
    if (!(await wallShares.revoke(tx, actor.workspaceId, team.id, { agentId: actor.agentId, at: services.now() }))) return;
    await audit.record(tx, actor.workspaceId, {
      actorId: actor.agentId,
      action: 'delight_wall.share_revoked',
      subjectType: 'team',
      subjectId: team.id,
    });
  });
}

/** What a public wall shows: the business's and team's names and the kept moments. Not a link we know: not found. */
export async function publicWall(
  services: Services,
  token: string,
): Promise<{ business: string; team: string; moments: DelightMoment[] }> {
  const id = shareOfLink(services.secretKey, token);
  const share = id ? await wallShares.openById(services.db, id) : null;
  if (!share) throw new NotFound('Wall');
  const [workspace, team, kept] = await Promise.all([
    workspaces.byId(services.db, share.workspaceId),
    teams.byId(services.db, share.workspaceId, share.teamId),
    moments.keptOnWall(services.db, share.workspaceId, share.teamId, null),
  ]);
  if (!workspace || !team) throw new NotFound('Wall');
  return { business: workspace.name, team: team.name, moments: kept.map(presentMoment) };
}
