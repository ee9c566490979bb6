import type { Callback, VisitorConversation } from '@warmline/shared';
import { type Actor, afterCommit, type Services, type VisitorActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import {
  type CallbackRecord,
  callbacks,
  conversationFor,
  conversations,
  eventEntry,
  presentCallback,
  pushConversationChanged,
  visitorView,
} from '../conversations/index.ts';
import { customers } from '../customers/index.ts';
import { agents, withTeamHours } from '../teams/index.ts';
import { callbackWindows, isWithinOpeningHours, normalisePhone } from '../workspaces/index.ts';

const MAX_WINDOW_MINUTES = 120;

/** The windows a visitor may book: inside the hours of the team their open conversation is with (or the workspace's). */
export async function windowsFor(services: Services, actor: VisitorActor) {
  const [latest] = await conversations.openOf(services.db, actor.workspaceId, actor.customerId, 1);
  const workspace = await withTeamHours(services.db, actor.workspaceId, latest?.teamId ?? null);
  return {
    timezone: workspace.timezone,
    windows: callbackWindows(
      services.now(),
      workspace.openingHours,
      workspace.timezone,
      12,
      services.config.callbackMinLeadMinutes,
      workspace.holidays,
    ).map((w) => ({
      start: w.start.toISOString(),
      end: w.end.toISOString(),
    })),
  };
}

/**
 * Rather than wait, the customer books a call back in a window they choose. The conversation leaves the live
 * queue but keeps its place in line; when the window opens it returns as a task owned by a named person.
 */
export async function bookCallback(
  services: Services,
  actor: VisitorActor,
  input: { conversationId: string; phone: string; windowStart: string; windowEnd: string; inBrowser?: boolean | undefined },
): Promise<{ callback: Callback; conversation: VisitorConversation; text: string }> {
  const phone = normalisePhone(input.phone);
  if (!phone)
    throw new Invalid('phone: that is not a phone number we can call — for example +254 712 345 678', { field: 'phone' });
  const start = new Date(input.windowStart);
  const end = new Date(input.windowEnd);
  const now = services.now();
  const windowField = { field: 'window' };
  if (end <= start) throw new Invalid('windowEnd must be after windowStart', windowField);
  if (end <= now) throw new Invalid('that window is in the past: pick a time that is still to come', windowField);
  if (end.getTime() - start.getTime() > MAX_WINDOW_MINUTES * 60_000)
    throw new Invalid(`a callback window can be at most ${MAX_WINDOW_MINUTES} minutes`, windowField);
  const events: WarmlineEvent[] = [];
  const result = await services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, conversation.id);
    // The hours of the team the conversation is with, where it keeps its own.
    const workspace = await withTeamHours(tx, actor.workspaceId, conversation.teamId);
    if (!isWithinOpeningHours(start, end, workspace.openingHours, workspace.timezone, workspace.holidays)) {
      throw new Invalid('that window is outside our opening hours: pick one of the windows offered', windowField);
    }
    if (conversation.status === 'resolved') throw new Conflict('This conversation is resolved; write to us again to reopen it.');
    if (await bookedCallbackOf(tx, actor.workspaceId, conversation.id))
      throw new Conflict('A callback is already booked for this conversation.');
    const { callback, text } = await promiseCallback(
      tx,
      actor,
      conversation,
      { phone, start, end, inBrowser: input.inBrowser ?? false, now, timezone: workspace.timezone },
      events,
    );
    const view = (await pushConversationChanged(tx, actor.workspaceId, conversation.id, events))!;
    return { callback: presentCallback(callback), conversation: visitorView(view), text };
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  return result;
}

/** The callback still to be made on a conversation (booked, or due now), if there is one. */
export async function bookedCallbackOf(tx: Sql, workspaceId: string, conversationId: string): Promise<CallbackRecord | null> {
  const latest = (await callbacks.latestFor(tx, [{ workspaceId, id: conversationId }])).get(conversationId);
  return latest && (latest.status === 'scheduled' || latest.status === 'due') ? latest : null;
}

/**
 * Books a callback on a conversation, in a window already checked against the opening hours: a named person owns the
 * promise (whoever has the conversation, else the least busy colleague), the conversation leaves the live queue until
 * the window opens (its place in line kept), and the timeline says who will call and when. `text` is what the
 * customer reads.
 */
export async function promiseCallback(
  tx: Sql,
  writer: Actor | { kind: 'system'; workspaceId: string },
  conversation: { id: string; customerId: string; assigneeId: string | null },
  input: { phone: string; start: Date; end: Date; inBrowser: boolean; now: Date; timezone: string },
  events: WarmlineEvent[],
): Promise<{ callback: CallbackRecord; text: string }> {
  const { workspaceId } = writer;
  const { phone, start, end, timezone } = input;
  const owner = conversation.assigneeId
    ? await agents.byId(tx, workspaceId, conversation.assigneeId)
    : await agents.leastBusy(tx, workspaceId, { availableOnly: false });
  const callback = await callbacks.create(tx, workspaceId, {
    conversationId: conversation.id,
    phone,
    windowStart: start,
    windowEnd: end,
    ownerId: owner?.id ?? null,
    inBrowser: input.inBrowser,
  });
  await customers.addIdentity(tx, workspaceId, {
    customerId: conversation.customerId,
    kind: 'phone',
    value: phone,
    verified: false,
  });
  // Out of the live queue until the window opens; queue_since is untouched, so the place in line is kept. The
  // person named in the promise has the conversation from now on: it is in their Mine, with its window.
  await conversations.update(tx, workspaceId, conversation.id, { status: 'snoozed', assigneeId: owner?.id ?? null });
  await scheduleCallbackDue(
    tx,
    workspaceId,
    { conversationId: conversation.id, callbackId: callback.id },
    start > input.now ? start : input.now,
  );
  const time = (d: Date) => clockTime(d, timezone);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    start,
  );
  const zone =
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, timeZoneName: 'short' })
      .formatToParts(start)
      .find((p) => p.type === 'timeZoneName')?.value ?? timezone;
  const who = owner?.displayName ?? 'Someone from our team';
  const how = input.inBrowser ? `here in your browser (or on ${phone} if this page is closed)` : `on ${phone}`;
  const text = `${who} will call you ${how} on ${day}, between ${time(start)} and ${time(end)} (${zone}). You keep your place in line.`;
  events.push(
    await eventEntry(
      tx,
      writer,
      conversation,
      'callback_booked',
      `Callback booked: ${input.inBrowser ? `in the browser, else ${phone}` : phone}, ${time(start)}–${time(end)}, owner ${who}`,
      { callbackId: callback.id, ownerId: owner?.id ?? null, customerText: text },
    ),
  );
  return { callback, text };
}

/** The durable job that makes a callback due when its window opens (`callbackDue` in jobHandlers.ts). */
export function scheduleCallbackDue(
  tx: Sql,
  workspaceId: string,
  payload: { conversationId: string; callbackId: string },
  runAt: Date,
): Promise<void> {
  return jobs.schedule(tx, workspaceId, { kind: 'callback_due', runAt, payload });
}

/** A clock time in the workspace's zone, as the customer reads it ("10:05"). */
export function clockTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
}

/** Clock times for a conversation's callbacks: in the time zone of its team's hours (or the workspace's). */
export async function callbackClock(tx: Sql, workspaceId: string, teamId: string | null): Promise<(instant: Date) => string> {
  const hours = await withTeamHours(tx, workspaceId, teamId);
  return (instant) => clockTime(instant, hours.timezone);
}
