import type { Agent, SupervisorOverview } from '@warmline/shared';

/** A time in a human format: "45 s", "3 min 20 s", "1 h 5 min", "—" when there is no figure yet. */
export function humanSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const minutes = Math.floor(s / 60);
    const rest = s % 60;
    return minutes < 10 && rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** A live waiting clock: "0:45", "12:03", "1:02:03". */
export function waitingClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The server's waiting seconds, moved on by the time since it was read. */
export function liveWaitingSeconds(waitingSeconds: number, readAt: number, now: number): number {
  return waitingSeconds + Math.max(0, Math.floor((now - readAt) / 1000));
}

export const LOAD_CHANNELS = ['chat', 'email', 'phone'] as const;
export type LoadChannel = (typeof LOAD_CHANNELS)[number];

export interface ChannelLoad {
  channel: LoadChannel;
  open: number;
  /** null: the person does not take this channel. */
  capacity: number | null;
  /** 0..1 (can exceed 1 when over capacity); 0 without capacity. */
  ratio: number;
  level: 'free' | 'busy' | 'full';
}

/** Load per channel against capacity, for the channels that matter (taken or carrying conversations). */
export function channelLoads(agent: Pick<Agent, 'capacity'>, load: Readonly<Record<string, number>>): ChannelLoad[] {
  const rows: ChannelLoad[] = [];
  for (const channel of LOAD_CHANNELS) {
    const open = load[channel] ?? 0;
    const capacity = agent.capacity[channel] ?? null;
    if (capacity === null && open === 0) continue;
    const ratio = capacity ? open / capacity : 0;
    const level = capacity === null || open >= capacity ? (open > 0 ? 'full' : 'free') : ratio >= 0.5 ? 'busy' : 'free';
    rows.push({ channel, open, capacity, ratio, level });
  }
  return rows;
}

/** "2 of 4" / "1 (does not take chat)". */
export function loadText(l: ChannelLoad): string {
  return l.capacity === null ? `${l.open} (not taken)` : `${l.open} of ${l.capacity}`;
}

/** The queue's people: available first, then busy, away, offline; by name within each. */
export function sortAgentsForOverview(agents: SupervisorOverview['agents']): SupervisorOverview['agents'] {
  const order = { available: 0, busy: 1, away: 2, offline: 3 } as const;
  return [...agents].sort(
    (a, b) => order[a.agent.presence] - order[b.agent.presence] || a.agent.displayName.localeCompare(b.agent.displayName),
  );
}

/** "3 people reached a human today" style caption. */
export function tthCaption(count: number): string {
  if (count === 0) return 'Nobody has waited for a person yet today';
  return `${count} ${count === 1 ? 'customer' : 'customers'} reached a person today`;
}

type ByChannel = NonNullable<SupervisorOverview['timeToHuman']['today']['byChannel']>;
const WAYS_IN: ReadonlyArray<readonly [keyof ByChannel, string]> = [
  ['chat', 'Chat'],
  ['phone', 'Calls'],
  ['walkIn', 'Walk-ins'],
];

/** "Chat 45 s · Calls 1 min · Walk-ins 4 min": the median of each way in that reached a person today, or null. */
export function tthByWayIn(byChannel: ByChannel | undefined): string | null {
  if (!byChannel) return null;
  const parts = WAYS_IN.filter(([way]) => byChannel[way].count > 0).map(
    ([way, label]) => `${label} ${humanSeconds(byChannel[way].medianSeconds)}`,
  );
  return parts.length > 0 ? parts.join(' · ') : null;
}
