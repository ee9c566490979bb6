import type { CallOutcome } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { appendEntry } from '../conversations/index.ts';
import { durationOf } from './presentCall.ts';
import type { CallRecord } from './repository/calls.ts';

/** "4 min 05 s", "42 s". */
export function spokenDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

/** A call as its customer reads it on their conversation: "Call with Amina, 3 min 05 s." */
export function callForCustomer(who: string, seconds: number): string {
  return `Call with ${who}, ${spokenDuration(seconds)}.`;
}

const ENDINGS: Record<Exclude<CallOutcome, 'completed'>, { agents: string; customer: string }> = {
  missed: {
    agents: 'Missed call: nobody answered in time',
    customer: 'Nobody could answer your call in time. We can call you back.',
  },
  declined: { agents: 'Missed call: everyone rung was busy', customer: 'Nobody could answer your call. We can call you back.' },
  cancelled: { agents: 'The customer hung up before anyone answered', customer: 'You hung up before we answered.' },
  failed: { agents: 'The call was cut off', customer: 'Your call was cut off.' },
};

/**
 * An ended call on the conversation's timeline (through the one storage path): placed, answered by whom, how
 * long, and how it ended. Wrap-up notes follow as an internal note.
 */
export async function appendCallEntry(
  tx: Sql,
  call: CallRecord,
  answeredByName: string | null,
  events: WarmlineEvent[],
): Promise<void> {
  const duration = durationOf(call);
  const outcome = call.outcome ?? 'failed';
  const answered = outcome === 'completed' || (call.answeredBy !== null && outcome === 'failed');
  const who = answeredByName ?? 'an agent';
  const body =
    answered && duration !== null
      ? `Call with ${who} · ${spokenDuration(duration)}${outcome === 'failed' ? ' · cut off' : ''}`
      : ENDINGS[outcome === 'completed' ? 'failed' : outcome].agents;
  const customerText =
    answered && duration !== null
      ? callForCustomer(who, duration)
      : ENDINGS[outcome === 'completed' ? 'failed' : outcome].customer;
  const entry = await appendEntry(tx, {
    workspaceId: call.workspaceId,
    conversationId: call.conversationId,
    kind: 'event',
    channel: 'phone',
    body,
    author: call.answeredBy ? { kind: 'agent', id: call.answeredBy } : { kind: 'system', id: null },
    event: {
      type: 'call',
      data: {
        callId: call.id,
        outcome,
        placedAt: new Date(call.placedAt).toISOString(),
        answeredAt: call.answeredAt ? new Date(call.answeredAt).toISOString() : null,
        endedAt: call.endedAt ? new Date(call.endedAt).toISOString() : null,
        durationSeconds: duration,
        answeredBy: call.answeredBy ? { id: call.answeredBy, name: answeredByName } : null,
        customerText,
      },
    },
  });
  events.push({ type: 'entry.appended', workspaceId: call.workspaceId, customerId: call.customerId, entry });
}

/** The wrap-up notes of a call, as an internal note on its conversation. */
export async function appendWrapUp(tx: Sql, call: CallRecord, agentId: string, notes: string, events: WarmlineEvent[]) {
  const entry = await appendEntry(tx, {
    workspaceId: call.workspaceId,
    conversationId: call.conversationId,
    kind: 'note',
    body: `Call wrap-up: ${notes}`,
    author: { kind: 'agent', id: agentId },
  });
  events.push({ type: 'entry.appended', workspaceId: call.workspaceId, customerId: call.customerId, entry });
}
