import { ALL_TEAMS_WALL, type DelightMoment, type DelightWall, type WallShare } from '@warmline/shared';
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

/** The wall an id names: a team's, or `all` (ALL_TEAMS_WALL) for every team's moments and those of no team. */
interface WallScope {
  teamId: string | null;
  name: string;
  restricted: boolean;
}

/** The wall, if this agent may open it: a restricted team's only for its members, supervisors and admins. */
async function wallFor(services: Services, actor: AgentActor, id: string): Promise<WallScope> {
  if (id === ALL_TEAMS_WALL) return { teamId: null, name: 'All teams', restricted: false };
  const team = await teams.byId(services.db, actor.workspaceId, id);
  if (!team || (actor.role === 'agent' && team.restricted && !team.memberIds.includes(actor.agentId))) throw new NotFound('Team');
  return { teamId: team.id, name: team.name, restricted: team.restricted };
}

const wallIdOf = (scope: WallScope) => scope.teamId ?? ALL_TEAMS_WALL;

function presentShare(services: Services, share: ShareRecord): WallShare {
  return {
    url: `${services.config.publicUrl.replace(/\/$/, '')}/wall/${shareLinkOf(services.secretKey, share.id)}`,
    createdAt: iso(share.createdAt),
    createdBy: share.createdByName,
  };
}

/** The walls this agent may open, each with its kept moments and the suggestions waiting for them: all teams' first. */
export async function listWalls(services: Services, actor: AgentActor) {
  const [all, rows] = await Promise.all([
    moments.allTeamsCounts(services.db, actor.workspaceId, actor),
    moments.walls(services.db, actor.workspaceId, actor),
  ]);
  return [
    { team: { id: ALL_TEAMS_WALL, name: 'All teams' }, ...all },
    ...rows.map((r) => ({ team: { id: r.id, name: r.name }, kept: r.kept, suggested: r.suggested })),
  ];
}

/** A wall: its kept moments newest first, the suggestions this agent may decide, and its share link for supervisors. */
export async function getWall(services: Services, actor: AgentActor, id: string): Promise<DelightWall> {
  const wall = await wallFor(services, actor, id);
  const [kept, suggested, share] = await Promise.all([
    moments.keptOnWall(services.db, actor.workspaceId, wall.teamId, actor),
    moments.suggestedOnWall(services.db, actor.workspaceId, wall.teamId, actor),
    mayShare(actor) ? wallShares.openOf(services.db, actor.workspaceId, wall.teamId) : null,
  ]);
  return {
    team: { id: wallIdOf(wall), name: wall.name, restricted: wall.restricted },
    moments: kept.map(presentMoment),
    suggested: suggested.map(presentMoment),
    canShare: mayShare(actor),
    share: share ? presentShare(services, share) : null,
  };
}

/** Opens a public, read-only link to a wall (supervisors, admins); the open one if it has one. */
export async function shareWall(services: Services, actor: AgentActor, id: string): Promise<WallShare> {
  const wall = await wallFor(services, actor, id);
  if (!mayShare(actor)) throw new Forbidden('Only supervisors and admins can share a wall.');
  const share = await services.db.transaction(async (tx) => {
    const open = await wallShares.open(tx, actor.workspaceId, wall.teamId, { agentId: actor.agentId, at: services.now() });
    await audit.record(tx, actor.workspaceId, {
      actorId: actor.agentId,
      action: 'delight_wall.shared',
      subjectType: wall.teamId ? 'team' : 'workspace',
      subjectId: wall.teamId ?? actor.workspaceId,
      data: { shareId: open.id },
    });
    return open;
  });
  return presentShare(services, share);
}

/** Ends a wall's share link: whoever holds it sees nothing from now on. Revoking when none is open changes nothing. */
export async function revokeWallShare(services: Services, actor: AgentActor, id: string): Promise<void> {
  const wall = await wallFor(services, actor, id);
  if (!mayShare(actor)) throw new Forbidden('Only supervisors and admins can stop sharing a wall.');
  await services.db.transaction(async (tx) => {
    if (!(await wallShares.revoke(tx, actor.workspaceId, wall.teamId, { agentId: actor.agentId, at: services.now() }))) return;
    await audit.record(tx, actor.workspaceId, {
      actorId: actor.agentId,
      action: 'delight_wall.share_revoked',
      subjectType: wall.teamId ? 'team' : 'workspace',
      subjectId: wall.teamId ?? actor.workspaceId,
    });
  });
}

/**
 * What a public wall shows: the business's name, the team's (null for all teams), and the kept moments (a restricted
 * team's never, on the wall of all teams). Not a link we know: not found.
 */
export async function publicWall(
  services: Services,
  token: string,
): Promise<{ business: string; team: string | null; moments: DelightMoment[] }> {
  const id = shareOfLink(services.secretKey, token);
  const share = id ? await wallShares.openById(services.db, id) : null;
  if (!share) throw new NotFound('Wall');
  const [workspace, team, kept] = await Promise.all([
    workspaces.byId(services.db, share.workspaceId),
    share.teamId ? teams.byId(services.db, share.workspaceId, share.teamId) : null,
    moments.keptOnWall(services.db, share.workspaceId, share.teamId, null),
  ]);
  if (!workspace || (share.teamId && !team)) throw new NotFound('Wall');
  return { business: workspace.name, team: team?.name ?? null, moments: kept.map(presentMoment) };
}
