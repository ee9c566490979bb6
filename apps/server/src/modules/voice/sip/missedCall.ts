import { timingSafeEqual } from 'node:crypto';
import { inUnit, type Services } from '../../../core/context.ts';
import { NotFound, Unauthenticated } from '../../../core/errors.ts';
import { conversations, eventEntry, pushConversationChanged, queueForRouting } from '../../conversations/index.ts';
import { bookedCallbackOf, promiseCallback } from '../../routing/index.ts';
import { withTeamHours } from '../../teams/index.ts';
import { callbackWindows, workspaces } from '../../workspaces/index.ts';
import { callerIn } from './inboundCaller.ts';
import { callerOf } from './phoneNumbers.ts';
import { missedPhoneCalls } from './repository.ts';

export type MissedCallReason = 'nobody_on_line' | 'not_answered' | 'caller_hung_up';

export interface MissedCallInput {
  /** The caller's SIP address as the line saw it (`sip:+254712345678@trunk`, or anonymous). */
  from: string;
  /** The SIP Call-ID: the same call reported twice is recorded once. */
  sipCallId: string;
  reason: MissedCallReason;
}

export interface MissedCallOutcome {
  /** False when this Call-ID was already recorded: nothing new was written. */
  recorded: boolean;
  conversationId: string | null;
  /** When the promised call back will be made, or null (a withheld number, or one already promised). */
  callback: { id: string; windowStart: string; windowEnd: string; ownerId: string | null } | null;
}

const WHY: Record<MissedCallReason, string> = {
  nobody_on_line: 'nobody was on the line',
  not_answered: 'nobody answered in time',
  caller_hung_up: 'they hung up while it rang',
};

/**
 * The SIP proxy's word that a call on the phone line reached no person. There is no voice menu to offer a call back,
 * so Warmline books one: the missed call goes on the caller's timeline (a new customer for a new number), and a named
 * person promises to call back in the next window of the opening hours, as if the caller had booked it in the widget.
 * A caller who already has a call back coming keeps it; a withheld number can only be recorded.
 */
export async function recordMissedCall(
  services: Services,
  workspaceKey: string | undefined,
  input: MissedCallInput,
): Promise<MissedCallOutcome> {
  const workspace = workspaceKey ? await workspaces.byKey(services.db, workspaceKey) : await workspaces.first(services.db);
  if (!workspace) throw new NotFound('Workspace');
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const fresh = await missedPhoneCalls.claim(tx, workspace.id, {
      sipCallId: input.sipCallId,
      reason: input.reason,
      missedAt: now,
    });
    if (!fresh) return { recorded: false, conversationId: null, callback: null };
    // Nobody can call a withheld number back, and a customer without a way to reach them would only be noise.
    if (callerOf(input.from, workspace.phoneCountry)?.kind === 'withheld')
      return { recorded: true, conversationId: null, callback: null };
    const caller = await callerIn(tx, workspace, input.from);
    if (!caller.number) return { recorded: true, conversationId: null, callback: null };
    const open = (await conversations.openOf(tx, workspace.id, caller.customer.id, 20)).find((c) => c.channel === 'phone');
    const conversationId =
      open?.id ??
      (await conversations.create(tx, workspace.id, { customerId: caller.customer.id, channel: 'phone', assigneeId: null }));
    await conversations.lock(tx, workspace.id, conversationId);
    const conversation = (await conversations.byId(tx, workspace.id, conversationId))!;
    const system = { kind: 'system' as const, workspaceId: workspace.id };
    const hours = await withTeamHours(tx, workspace.id, conversation.teamId);
    events.push(
      await eventEntry(
        tx,
        system,
        conversation,
        'missed_phone_call',
        `Missed phone call from ${caller.number}: ${WHY[input.reason]}`,
        {
          number: caller.number,
          reason: input.reason,
        },
      ),
    );
    const booked = await bookedCallbackOf(tx, workspace.id, conversationId);
    const [window] = booked
      ? []
      : callbackWindows(now, hours.openingHours, hours.timezone, 1, services.config.callbackMinLeadMinutes, hours.holidays);
    let callback: MissedCallOutcome['callback'] = null;
    if (window) {
      const promised = await promiseCallback(
        tx,
        system,
        conversation,
        { phone: caller.number, start: window.start, end: window.end, inBrowser: false, now, timezone: hours.timezone },
        events,
      );
      callback = {
        id: promised.callback.id,
        windowStart: window.start.toISOString(),
        windowEnd: window.end.toISOString(),
        ownerId: promised.callback.ownerId,
      };
    } else if (!booked && !open) {
      // No opening hours to promise a window in: the first free person calls back.
      await queueForRouting(tx, workspace.id, conversationId, now, events);
    }
    await missedPhoneCalls.settle(tx, workspace.id, input.sipCallId, {
      number: caller.number,
      conversationId,
      callbackId: callback?.id ?? null,
    });
    await pushConversationChanged(tx, workspace.id, conversationId, events);
    events.push({ type: 'queue.changed', workspaceId: workspace.id });
    return { recorded: true, conversationId, callback };
  });
}

/** The SIP proxy proves itself with the line's secret (`Authorization: Bearer …`), compared in constant time. */
export function checkLineSecret(services: Services, authorization: string | undefined): void {
  const line = services.config.phoneLine;
  if (!line) throw new NotFound('Phone line');
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(line.lineSecret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Unauthenticated('Send the phone line secret (SIP_LINE_SECRET) as "Authorization: Bearer <secret>".');
  }
}
