import type { Agent, Channel, Conversation, Team } from '@warmline/shared';

/** Who is looking: enough to tell whether a handoff is addressed to them. */
export interface Viewer {
  id: string;
  teamIds: readonly string[];
}

/** True when a pending warm transfer waits for this person (by name, or through one of their teams). */
export function isTransferForMe(c: Conversation, me: Viewer): boolean {
  const t = c.pendingTransfer;
  if (!t || c.status === 'resolved' || !me.id) return false;
  if (t.from.id === me.id) return false;
  if (t.toAgent) return t.toAgent.id === me.id;
  return t.toTeam ? me.teamIds.includes(t.toTeam.id) : false;
}

/** True when this person offered the pending transfer and is waiting for it to be accepted. */
export function isTransferFromMe(c: Conversation, meId: string): boolean {
  return Boolean(c.pendingTransfer && meId && c.pendingTransfer.from.id === meId);
}

/** A transfer to me that was not there before: worth a chime. */
export function transferArrived(before: Conversation | undefined, after: Conversation, me: Viewer): boolean {
  if (!isTransferForMe(after, me)) return false;
  return !before || !isTransferForMe(before, me) || before.pendingTransfer?.at !== after.pendingTransfer?.at;
}

/** Who the transfer waits for, as a short name: "Jonas" or "Deliveries". */
export function transferTargetName(c: Conversation): string | null {
  const t = c.pendingTransfer;
  if (!t) return null;
  if (t.toAgent) return firstName(t.toAgent.displayName);
  return t.toTeam ? t.toTeam.name : null;
}

/** The line in the header while a transfer waits: the sender sees "Waiting for Jonas to accept". */
export function transferStatusText(c: Conversation, meId: string): string | null {
  const target = transferTargetName(c);
  if (!target || c.status === 'resolved') return null;
  const who = c.pendingTransfer?.toTeam && !c.pendingTransfer.toAgent ? `someone in ${target}` : target;
  if (isTransferFromMe(c, meId)) return `Waiting for ${who} to accept`;
  return `Being handed to ${who}`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** A transfer target as the dialog's select encodes it. */
export type TransferTarget = { toAgentId: string } | { toTeamId: string };

export function targetValue(kind: 'agent' | 'team', id: string): string {
  return `${kind}:${id}`;
}

/** Reads `agent:<id>` / `team:<id>`; anything else is no target. */
export function parseTarget(value: string): TransferTarget | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!id) return null;
  if (kind === 'agent') return { toAgentId: id };
  if (kind === 'team') return { toTeamId: id };
  return null;
}

const PRESENCE_ORDER = { available: 0, busy: 1, away: 2, offline: 3 } as const;

/** Load on one channel against capacity, e.g. { open: 2, capacity: 4 } (capacity null: does not take it). */
export function loadOn(agent: Agent, channel: Channel): { open: number; capacity: number | null } {
  const capacity = channel === 'chat' || channel === 'email' || channel === 'phone' ? (agent.capacity[channel] ?? null) : null;
  return { open: agent.openConversations, capacity };
}

/** Colleagues I can hand over to: not me, available first, then the least loaded, then by name. */
export function transferCandidates(agents: readonly Agent[], meId: string): Agent[] {
  return agents
    .filter((a) => a.id !== meId)
    .sort(
      (a, b) =>
        PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] ||
        a.openConversations - b.openConversations ||
        a.displayName.localeCompare(b.displayName),
    );
}

const PRESENCE_WORD = { available: 'available', busy: 'busy', away: 'away', offline: 'offline' } as const;

/** "Jonas Mwangi — available, 2/4 chats" (the option text in the transfer select). */
export function candidateLabel(agent: Agent, channel: Channel): string {
  const { open, capacity } = loadOn(agent, channel);
  const noun = channel === 'chat' ? 'chats' : channel === 'email' ? 'emails' : channel === 'phone' ? 'calls' : 'open';
  const load = capacity === null ? `${open} open` : `${open}/${capacity} ${noun}`;
  return `${agent.displayName} — ${PRESENCE_WORD[agent.presence]}, ${load}`;
}

/** "Deliveries — 3 people, 1 available" (team option text). */
export function teamLabel(team: Team, agents: readonly Agent[]): string {
  const members = agents.filter((a) => team.memberIds.includes(a.id));
  const available = members.filter((a) => a.presence === 'available').length;
  const people = `${members.length} ${members.length === 1 ? 'person' : 'people'}`;
  return `${team.name} — ${people}, ${available} available`;
}
