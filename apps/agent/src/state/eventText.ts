import type { Entry } from '@warmline/shared';

const STATUS_WORDS: Record<string, string> = {
  waiting: 'waiting for a person',
  active: 'active',
  pending_customer: 'waiting on the customer',
  snoozed: 'snoozed',
  resolved: 'resolved',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The one-line sentence for an event entry ("Amina took the conversation").
 * The server's own wording in `body` wins; otherwise it is built from the event type and data.
 */
export function describeEvent(entry: Entry): string {
  if (entry.body.trim() !== '') return entry.body;
  const data = entry.event?.data ?? {};
  const actor = entry.author.name ?? text(data.byName) ?? text(data.actorName);
  const who = actor ?? 'Someone';
  switch (entry.event?.type) {
    case 'assigned': {
      const to = text(data.agentName) ?? text(data.assigneeName) ?? text(data.toName);
      if (!to) return `${who} unassigned the conversation`;
      if (!actor || to === actor) return `${to} took the conversation`;
      return `${who} assigned the conversation to ${to}`;
    }
    case 'unassigned':
      return `${who} unassigned the conversation`;
    case 'resolved':
      return `Resolved by ${who}`;
    case 'reopened':
      return `Reopened by ${who}`;
    case 'status_changed': {
      const to = text(data.to) ?? text(data.status);
      if (to === 'resolved') return `Resolved by ${who}`;
      if (to && actor) return `${actor} marked it ${STATUS_WORDS[to] ?? to}`;
      return to ? `Now ${STATUS_WORDS[to] ?? to}` : 'Status changed';
    }
    case 'left_message':
      return 'The customer left a message for the team';
    default:
      return (entry.event?.type ?? 'event').replaceAll('_', ' ');
  }
}
