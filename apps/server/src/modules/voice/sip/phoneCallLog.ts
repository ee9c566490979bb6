import { type AgentActor, inUnit, type Services } from '../../../core/context.ts';
import { Invalid, NotFound } from '../../../core/errors.ts';
import { appendEntry, conversations, pushConversationChanged } from '../../conversations/index.ts';
import { customers } from '../../customers/index.ts';
import { agents } from '../../teams/index.ts';
import { callForCustomer, spokenDuration } from '../callEntry.ts';

/** A call on the phone line, as the agent's browser saw it end. */
export interface PhoneCallInput {
  customerId: string;
  direction: 'in' | 'out';
  /** The number as the line gave it (+254…). */
  number: string;
  answeredAt: string | null;
  endedAt: string;
}

/** A call lasts at most this long: anything longer is a clock gone wrong, not a call. */
const LONGEST_CALL_MS = 12 * 3_600_000;

/**
 * A call on the phone line goes on the customer's timeline when it ends, as calls in the browser do: their open
 * phone conversation (or a new one, with the agent who took it), who, which way, how long. The agent's browser saw
 * the call; Warmline keeps its record.
 */
export async function logPhoneCall(services: Services, actor: AgentActor, input: PhoneCallInput) {
  const now = services.now();
  const ended = new Date(input.endedAt);
  const answered = input.answeredAt ? new Date(input.answeredAt) : null;
  if (ended.getTime() > now.getTime() + 60_000) throw new Invalid('endedAt is in the future', { field: 'endedAt' });
  if (answered && (answered > ended || ended.getTime() - answered.getTime() > LONGEST_CALL_MS)) {
    throw new Invalid('answeredAt must be before endedAt, and a call lasts at most 12 hours', { field: 'answeredAt' });
  }
  return inUnit(services, async (tx, events) => {
    const customer = await customers.byId(tx, actor.workspaceId, input.customerId);
    if (!customer || customer.erasedAt) throw new NotFound('Customer');
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    const open = (await conversations.openOf(tx, actor.workspaceId, customer.id, 20)).find((c) => c.channel === 'phone');
    // The person who took (or made) the call has a new conversation, under way: it never waits in line.
    const conversationId =
      open?.id ??
      (await conversations.create(tx, actor.workspaceId, {
        customerId: customer.id,
        channel: 'phone',
        assigneeId: actor.agentId,
        status: 'active',
      }));
    await conversations.lock(tx, actor.workspaceId, conversationId);
    const seconds = answered ? Math.round((ended.getTime() - answered.getTime()) / 1000) : null;
    const who = me?.displayName ?? 'an agent';
    const body =
      input.direction === 'in'
        ? seconds !== null
          ? `Phone call from ${input.number}, answered by ${who} · ${spokenDuration(seconds)}`
          : `Missed phone call from ${input.number}`
        : seconds !== null
          ? `${who} called ${input.number} · ${spokenDuration(seconds)}`
          : `${who} called ${input.number}: no answer`;
    const entry = await appendEntry(tx, {
      workspaceId: actor.workspaceId,
      conversationId,
      kind: 'event',
      channel: 'phone',
      body,
      author: { kind: 'agent', id: actor.agentId },
      event: {
        type: 'phone_call',
        data: {
          direction: input.direction,
          number: input.number,
          answeredAt: answered?.toISOString() ?? null,
          endedAt: ended.toISOString(),
          durationSeconds: seconds,
          by: { id: actor.agentId, name: me?.displayName ?? null },
          ...(seconds !== null ? { customerText: callForCustomer(who, seconds) } : {}),
        },
      },
    });
    events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: customer.id, entry });
    await pushConversationChanged(tx, actor.workspaceId, conversationId, events);
    return { conversationId, entry: { seq: entry.seq, body } };
  });
}
