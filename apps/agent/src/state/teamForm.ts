import type { Agent, Capacity, Team } from '@warmline/shared';
import type { TeamInput, UpdateAgentInput } from '../api/endpoints.ts';

/** Minutes as typed (may be empty or decimal) to whole seconds; null when empty or not a number. */
export function minutesToSeconds(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const minutes = Number(trimmed);
  if (!Number.isFinite(minutes) || minutes < 0) return null;
  return Math.round(minutes * 60);
}

/** Seconds as a minutes field shows them: 90 → "1.5", 600 → "10". */
export function secondsToMinutes(seconds: number): string {
  return String(Math.round((seconds / 60) * 100) / 100);
}

export interface TeamFields {
  name: string;
  targetMinutes: string;
  offerMinutes: string;
  graceMinutes: string;
}

export function teamFields(team?: Team): TeamFields {
  if (!team) return { name: '', targetMinutes: '2', offerMinutes: '5', graceMinutes: '10' };
  return {
    name: team.name,
    targetMinutes: secondsToMinutes(team.targetSeconds),
    offerMinutes: secondsToMinutes(team.offerChoicesAfterSeconds),
    graceMinutes: secondsToMinutes(team.continuityGraceSeconds),
  };
}

/** The team body from the form; empty number fields are left for the server's defaults. */
export function teamInput(fields: TeamFields): TeamInput {
  const input: TeamInput = { name: fields.name.trim() };
  const target = minutesToSeconds(fields.targetMinutes);
  const offer = minutesToSeconds(fields.offerMinutes);
  const grace = minutesToSeconds(fields.graceMinutes);
  if (target !== null) input.targetSeconds = target;
  if (offer !== null) input.offerChoicesAfterSeconds = offer;
  if (grace !== null) input.continuityGraceSeconds = grace;
  return input;
}

/** "billing, Returns ,  " → ["billing", "Returns"] (deduplicated, order kept). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const value = part.trim();
    if (value && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}

export interface RoutingFields {
  chat: string;
  email: string;
  phone: string;
  skills: string;
  languages: string;
}

export function routingFields(agent: Agent): RoutingFields {
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  return {
    chat: n(agent.capacity.chat),
    email: n(agent.capacity.email),
    phone: n(agent.capacity.phone),
    skills: agent.skills.join(', '),
    languages: agent.languages.join(', '),
  };
}

/**
 * The PATCH body for an agent's routing. An empty capacity field means the person does not take that channel
 * (it is left out of `capacity`); the whole capacity object is sent, so clearing a channel takes effect.
 */
export function routingInput(fields: RoutingFields): UpdateAgentInput {
  const capacity: Capacity = {};
  for (const channel of ['chat', 'email', 'phone'] as const) {
    const text = fields[channel].trim();
    if (text !== '') capacity[channel] = Number(text);
  }
  return {
    capacity,
    skills: splitList(fields.skills),
    languages: splitList(fields.languages).map((l) => l.toLowerCase()),
  };
}

/** "Chat 4 · Email 10" — or "Takes no channels". */
export function capacitySummary(capacity: Capacity): string {
  const parts: string[] = [];
  if (capacity.chat !== undefined) parts.push(`Chat ${capacity.chat}`);
  if (capacity.email !== undefined) parts.push(`Email ${capacity.email}`);
  if (capacity.phone !== undefined) parts.push(`Phone ${capacity.phone}`);
  return parts.length ? parts.join(' · ') : 'Takes no channels';
}

/** What removing a colleague does, as the confirmation says it: "Amina can no longer sign in; …". */
export function removalWarning(agent: Pick<Agent, 'displayName' | 'openConversations'>): string {
  const name = agent.displayName.trim().split(/\s+/)[0] || agent.displayName;
  const open = agent.openConversations;
  const conversations =
    open === 0
      ? 'they hold no open conversations'
      : open === 1
        ? 'their open conversation goes back to the queue'
        : `their ${open} open conversations go back to the queue`;
  return `${name} can no longer sign in; ${conversations}. What they wrote stays, with their name.`;
}
