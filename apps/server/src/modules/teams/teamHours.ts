import type { Sql } from '../../core/db/client.ts';
import { type OpeningHours, type WorkspaceRecord, workspaces } from '../workspaces/index.ts';
import { teams } from './teamsRepository.ts';

/**
 * The workspace as a conversation of this team sees its hours: the team's own time zone, opening hours and holidays
 * where it keeps them (a store, an evening shift), else the workspace's. Callbacks are offered, checked and moved
 * inside these.
 */
export async function withTeamHours(sql: Sql, workspaceId: string, teamId: string | null): Promise<WorkspaceRecord> {
  const workspace = (await workspaces.byId(sql, workspaceId))!;
  const team = teamId ? await teams.byId(sql, workspaceId, teamId) : null;
  if (!team?.hours) return workspace;
  return {
    ...workspace,
    timezone: team.hours.timezone,
    openingHours: team.hours.openingHours as OpeningHours,
    holidays: team.hours.holidays,
  };
}
