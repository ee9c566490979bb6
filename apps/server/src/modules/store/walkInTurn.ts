import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { conversations, eventEntry } from '../conversations/index.ts';
import { agents } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { locations } from './repository/locations.ts';
import { type WalkInRecord, walkIns } from './repository/walkIns.ts';

/** The durable job that tells a walk-in, by text or email, that someone is ready for them. */
export const WALK_IN_TURN = 'walk_in_turn';

/** What a "your turn" notice says and where it goes, for the channel that sends it. */
export interface WalkInTurn {
  walkInId: string;
  workspaceName: string;
  notifyBy: 'sms' | 'email';
  /** The email or phone number they left; null for a visit from before it was kept. */
  to: string | null;
  /** "It's your turn at Westlands: Amina is ready for you at the counter (R12)." */
  text: string;
}

/** Written in the transaction that calls them, to run at once: the notice survives a crash after commit. */
export async function scheduleTurnNotice(tx: Sql, walkIn: WalkInRecord, now: Date): Promise<void> {
  if (!walkIn.notifyBy) return;
  await jobs.schedule(tx, walkIn.workspaceId, { kind: WALK_IN_TURN, runAt: now, payload: { walkInId: walkIn.id } });
}

/** The notice a `walk_in_turn` job stands for, or null when it no longer should go (the visit ended or was undone). */
export async function turnDue(tx: Sql, payload: { walkInId: string }): Promise<WalkInTurn | null> {
  const walkIn = await walkIns.byId(tx, payload.walkInId, { forUpdate: true });
  if (walkIn?.status !== 'called' || !walkIn.notifyBy) return null;
  const location = (await locations.byId(tx, walkIn.workspaceId, walkIn.locationId))!;
  const person = walkIn.calledBy ? await agents.byId(tx, walkIn.workspaceId, walkIn.calledBy) : null;
  const workspace = (await workspaces.byId(tx, walkIn.workspaceId))!;
  const who = person?.displayName.split(' ')[0] ?? 'Someone';
  return {
    walkInId: walkIn.id,
    workspaceName: workspace.name,
    notifyBy: walkIn.notifyBy,
    to: walkIn.contact,
    text: `It's your turn at ${location.name}: ${who} is ready for you at the counter (${walkIn.code}).`,
  };
}

/** The notice on the visit's timeline: told (by text or email, at what time there), or why not, so staff call out instead. */
export async function noteTurn(
  tx: Sql,
  turn: WalkInTurn,
  outcome: { sent: true; at: Date } | { sent: false; why: string },
  events: WarmlineEvent[],
): Promise<void> {
  const walkIn = (await walkIns.byId(tx, turn.walkInId))!;
  const location = (await locations.byId(tx, walkIn.workspaceId, walkIn.locationId))!;
  const conversation = (await conversations.byId(tx, walkIn.workspaceId, walkIn.conversationId))!;
  const by = turn.notifyBy === 'sms' ? 'text' : 'email';
  const body = outcome.sent
    ? `Told by ${by} at ${clockTime(outcome.at, location.timezone)} that it is their turn`
    : `Could not ${by} them: ${outcome.why}`;
  events.push(
    await eventEntry(tx, { kind: 'system', workspaceId: walkIn.workspaceId }, conversation, 'walk_in_turn', body, {
      walkInId: walkIn.id,
      by: turn.notifyBy,
      sent: outcome.sent,
    }),
  );
}

function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}
