import type { Sql } from '../../core/db/client.ts';
import { DEFAULT_CHANNEL_TARGETS, DEFAULT_TEAM_SETTINGS, type TeamRecord, teams } from './teamsRepository.ts';

/** The time-to-human target for a channel: the team's own, else the channel's default; chat uses `targetSeconds`. */
export function targetFor(team: Pick<TeamRecord, 'targetSeconds' | 'channelTargets'> | null, channel: string): number {
  if (channel === 'chat') return team?.targetSeconds ?? DEFAULT_TEAM_SETTINGS.targetSeconds;
  return team?.channelTargets[channel] ?? DEFAULT_CHANNEL_TARGETS[channel] ?? DEFAULT_TEAM_SETTINGS.targetSeconds;
}

/** The routing settings that apply to a conversation: its team's, or the defaults, with the target for its channel. */
export async function teamSettings(sql: Sql, workspaceId: string, conversation: { teamId: string | null; channel: string }) {
  const team = conversation.teamId ? await teams.byId(sql, workspaceId, conversation.teamId) : null;
  const settings = team ?? { ...DEFAULT_TEAM_SETTINGS, channelTargets: {}, id: null, name: null };
  return { ...settings, targetSeconds: targetFor(team, conversation.channel) };
}
