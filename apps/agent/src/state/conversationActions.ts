import {
  completeUpTo,
  lastSeqOf,
  leavesGap,
  mergeEntries,
  newClientId,
  ResumeMarks,
  type SendError,
  settle,
} from '@warmline/realtime-client';
import type { Attachment, Delivery, Entry } from '@warmline/shared/types';
import { conversationsApi, type TransferInput, type UpdateConversationInput } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { sendFrame } from './connection.ts';
import { withEntry } from './inbox.ts';
import { upsertConversation } from './inboxActions.ts';
import { createOutbox, type PendingMessage } from './outbox.ts';
import { getState, setState } from './store.ts';

const PAGE = 200;

/**
 * Reads every entry after `after` (paging through long conversations) and merges them into the timeline.
 * `after` must be no higher than the timeline's complete-up-to: each page then proves nothing is missing up to its end.
 */
async function fetchEntries(conversationId: string, after: number): Promise<void> {
  let cursor = after;
  for (;;) {
    const { entries } = await conversationsApi.entries(conversationId, cursor, PAGE);
    mergeIntoTimeline(conversationId, entries, entries.at(-1)?.seq ?? cursor);
    if (entries.length < PAGE) return;
    cursor = entries[entries.length - 1]!.seq;
  }
}

/** Merges entries; `readUpTo` is how far a database read proved the timeline complete (0 for live entries). */
function mergeIntoTimeline(conversationId: string, entries: readonly Entry[], readUpTo = 0): void {
  setState((s) => {
    const held = s.timelines[conversationId] ?? [];
    const merged = mergeEntries(held, entries);
    let outbox = s.outbox;
    for (const entry of entries) if (entry.clientId) outbox = settle(outbox, entry.clientId);
    const was = s.complete[conversationId] ?? 0;
    const upTo = completeUpTo(merged, Math.max(was, readUpTo));
    if (merged === held && outbox === s.outbox && upTo === was) return {};
    return {
      timelines: { ...s.timelines, [conversationId]: merged },
      outbox,
      complete: { ...s.complete, [conversationId]: upTo },
    };
  });
}

/** An email reply's delivery moved on: the held copy of that entry shows it (entries are otherwise never rewritten). */
export function applyDelivery(conversationId: string, seq: number, delivery: Delivery): void {
  setState((s) => {
    const held = s.timelines[conversationId];
    const at = held?.findIndex((e) => e.seq === seq) ?? -1;
    if (!held || at < 0) return {};
    const timeline = held.slice();
    timeline[at] = { ...held[at]!, delivery };
    return { timelines: { ...s.timelines, [conversationId]: timeline } };
  });
}

/**
 * Email replies held as not sent yet may have moved on while the socket was away (their `delivery` frames missed):
 * read them again from the first of them.
 */
async function refreshDeliveries(conversationId: string): Promise<void> {
  const held = getState().timelines[conversationId] ?? [];
  const first = held.find((e) => e.delivery?.status === 'pending');
  if (!first) return;
  const { entries } = await conversationsApi.entries(conversationId, first.seq - 1, PAGE);
  for (const entry of entries) if (entry.delivery) applyDelivery(conversationId, entry.seq, entry.delivery);
}

/** Shows a conversation: its header and whole timeline, read over REST, then kept live by the socket. */
export async function openConversation(id: string): Promise<void> {
  setState({ openConversationId: id });
  clearUnread(id);
  if (getState().timelineState[id] === 'ready') {
    conversationsApi.get(id).then(
      ({ conversation }) => upsertConversation(conversation),
      () => {},
    );
    refreshDeliveries(id).catch(() => {});
    return;
  }
  setState((s) => ({ timelineState: { ...s.timelineState, [id]: 'loading' } }));
  try {
    const [{ conversation }] = await Promise.all([conversationsApi.get(id), fetchEntries(id, 0)]);
    upsertConversation(conversation);
    setState((s) => ({ timelineState: { ...s.timelineState, [id]: 'ready' } }));
  } catch {
    setState((s) => ({ timelineState: { ...s.timelineState, [id]: 'error' } }));
  }
}

/** The agent is looking at this conversation: it is no longer unread. */
export function clearUnread(id: string): void {
  setState((s) => {
    if (!s.unread[id]) return {};
    const unread = { ...s.unread };
    delete unread[id];
    return { unread };
  });
}

export function closeConversation(): void {
  setState({ openConversationId: null });
}

/** Takes an entry from the socket (or a REST answer) into its timeline, fetching anything skipped. */
export function receiveEntry(entry: Entry): void {
  const s = getState();
  const held = s.timelines[entry.conversationId];
  const known = s.conversations[entry.conversationId];
  if (known) {
    setState((now) => {
      const c = now.conversations[entry.conversationId];
      const next = c ? withEntry(c, entry) : c;
      return next && next !== c ? { conversations: { ...now.conversations, [next.id]: next } } : {};
    });
  } else {
    fetchUnknownConversation(entry.conversationId);
  }
  if (held) {
    const complete = s.complete[entry.conversationId] ?? 0;
    if (leavesGap(complete, entry)) fetchEntries(entry.conversationId, complete).catch(() => {});
    mergeIntoTimeline(entry.conversationId, [entry]);
  } else if (entry.clientId) {
    outbox.settle(entry.clientId);
  }
  if (entry.kind === 'message' && entry.direction === 'in') {
    setState((now) => {
      const customerTyping = { ...now.customerTyping };
      delete customerTyping[entry.conversationId];
      return { customerTyping };
    });
  }
}

const fetching = new Set<string>();

/** An entry for a conversation we have never seen (a brand-new chat): read it so it shows in the inbox. */
function fetchUnknownConversation(id: string): void {
  if (fetching.has(id)) return;
  fetching.add(id);
  conversationsApi
    .get(id)
    .then(({ conversation }) => upsertConversation(conversation))
    .catch(() => {})
    .finally(() => fetching.delete(id));
}

/** Highest seq held per timeline when `resume` was sent: all of it is complete once `resumed` arrives. */
const resuming = new ResumeMarks();

/** After a reconnect: where `resume` starts per held timeline (complete-up-to, not the highest seq held). */
export function resumePositions(): Record<string, number> {
  const s = getState();
  const positions: Record<string, number> = {};
  const highest: Record<string, number> = {};
  for (const [id, entries] of Object.entries(s.timelines)) {
    positions[id] = s.complete[id] ?? 0;
    highest[id] = lastSeqOf(entries);
  }
  resuming.begin(highest);
  return positions;
}

/** `resumed`: the catch-up re-read everything after each cursor from the database, so all held at `resume` is complete. */
export function resumeFinished(): void {
  for (const [id, seq] of Object.entries(resuming.finish())) if (getState().timelines[id]) mergeIntoTimeline(id, [], seq);
}

// ── composing ─────────────────────────────────────────────────────────

/** Sends a reply or internal note: shown as pending at once, kept until the server acknowledges it. */
export function sendMessage(conversationId: string, body: string, note: boolean, attachments: Attachment[] = []): void {
  const message: PendingMessage = {
    clientId: newClientId(),
    conversationId,
    body,
    note,
    ...(attachments.length ? { attachments } : {}),
    status: 'sending',
    error: null,
    createdAt: new Date().toISOString(),
  };
  outbox.add(message);
}

function transmit(message: PendingMessage): void {
  const sent = sendFrame({
    type: 'send',
    clientId: message.clientId,
    conversationId: message.conversationId,
    body: message.body,
    ...(message.note ? { note: true } : {}),
    ...(message.attachments?.length ? { attachmentIds: message.attachments.map((a) => a.id) } : {}),
  });
  if (!sent) postOverRest(message);
}

/** Without a live socket the message goes over REST; a network failure leaves it for the socket to resend. */
function postOverRest(message: PendingMessage): void {
  conversationsApi
    .postMessage(
      message.conversationId,
      message.clientId,
      message.body,
      message.note,
      message.attachments?.map((a) => a.id),
    )
    .then(({ entry }) => {
      receiveEntry(entry);
      acknowledge(message.clientId, entry);
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        failMessage(message.clientId, error.message);
      }
    });
}

/** The server stored a message: drop it from the outbox and show the stored entry. */
export function acknowledge(clientId: string, entry: Entry): void {
  outbox.settle(clientId);
  if (getState().timelines[entry.conversationId]) mergeIntoTimeline(entry.conversationId, [entry]);
}

/** Messages written here and not yet stored; every send of one carries its original clientId. */
export const outbox = createOutbox(transmit);

function failMessage(clientId: string, error: string): void {
  outbox.refused(clientId, { code: 'invalid', message: error });
}

/**
 * The server answered a send with an error. `unavailable` (it could not store it, e.g. the database is
 * unreachable) is not a refusal: the message stays pending and goes again with the same clientId after
 * `retryAfterSeconds` (2 s when absent, jittered), or at reconnect if that comes first. Anything else fails it.
 */
export function messageRefused(clientId: string, error: SendError, random: () => number = Math.random): void {
  outbox.refused(clientId, error, random);
}

/** After `ready`: every message still unacknowledged goes again, with its original clientId. */
export function resendOutbox(): void {
  outbox.flush();
}

export function retryMessage(clientId: string): void {
  outbox.retry(clientId);
}

export function discardMessage(clientId: string): void {
  outbox.discard(clientId);
}

// ── ownership ─────────────────────────────────────────────────────────

export async function takeConversation(id: string): Promise<void> {
  const me = getState().session?.agent.id ?? null;
  const { conversation } = await conversationsApi.assign(id, me);
  upsertConversation(conversation);
}

export async function resolveConversation(id: string): Promise<void> {
  const { conversation } = await conversationsApi.resolve(id);
  upsertConversation(conversation);
}

export async function reopenConversation(id: string): Promise<void> {
  const { conversation } = await conversationsApi.reopen(id);
  upsertConversation(conversation);
}

/** Sets the explicit priority inputs (Upset, Service failure …). */
export async function updateConversation(id: string, input: UpdateConversationInput): Promise<void> {
  const { conversation } = await conversationsApi.update(id, input);
  upsertConversation(conversation);
}

// ── warm transfer ─────────────────────────────────────────────────────

/** Offers the conversation to a colleague or team with a handoff note; it stays mine until they accept. */
export async function transferConversation(id: string, input: TransferInput): Promise<void> {
  const { conversation } = await conversationsApi.transfer(id, input);
  upsertConversation(conversation);
}

export async function acceptTransfer(id: string): Promise<void> {
  const { conversation } = await conversationsApi.acceptTransfer(id);
  upsertConversation(conversation);
}

export async function declineTransfer(id: string): Promise<void> {
  const { conversation } = await conversationsApi.declineTransfer(id);
  upsertConversation(conversation);
}

// ── typing and read state ─────────────────────────────────────────────

const CUSTOMER_TYPING_MS = 6000;

export function customerTyping(conversationId: string, typing: boolean): void {
  setState((s) => {
    const customerTypingUntil = { ...s.customerTyping };
    if (typing) customerTypingUntil[conversationId] = Date.now() + CUSTOMER_TYPING_MS;
    else delete customerTypingUntil[conversationId];
    return { customerTyping: customerTypingUntil };
  });
}

export function customerRead(conversationId: string, seq: number): void {
  setState((s) =>
    seq > (s.customerRead[conversationId] ?? 0) ? { customerRead: { ...s.customerRead, [conversationId]: seq } } : {},
  );
}

const readSent = new Map<string, number>();

/** Tells the server (and so the customer) how far the agent has read; sends each position once. */
export function markRead(conversationId: string): void {
  const seq = lastSeqOf(getState().timelines[conversationId] ?? []);
  if (seq === 0 || (readSent.get(conversationId) ?? 0) >= seq) return;
  if (sendFrame({ type: 'read', conversationId, seq })) readSent.set(conversationId, seq);
}

/** Forget read positions after reconnecting: the new connection has not been told. */
export function forgetReadPositions(): void {
  readSent.clear();
}
