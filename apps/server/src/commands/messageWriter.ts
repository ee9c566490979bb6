import type { EmotionReading, Entry } from '@warmline/shared';
import type { WarmlineEvent } from '../bus/events.ts';
import { agents } from '../repositories/agents.ts';
import { type ConversationState, conversationBatches } from '../repositories/conversations.ts';
import { type BatchEntry, entryBatches } from '../repositories/entries.ts';
import type { AppendMessageInput, AppendMessageResult } from './appendMessage.ts';
import type { Actor, Services } from './context.ts';
import { publishAll } from './context.ts';
import { viewsOf } from './conversationViews.ts';
import { readEmotion } from './readEmotion.ts';

const MAX_BATCH = 512;

interface Pending {
  actor: Actor;
  input: AppendMessageInput;
  resolve(result: AppendMessageResult): void;
  reject(err: unknown): void;
}

export interface MessageWriter {
  append(actor: Actor, input: AppendMessageInput): Promise<AppendMessageResult>;
  /** Resolves once everything queued so far is written. */
  drain(): Promise<void>;
}

/** The one-message transaction: creating, reopening or taking a conversation goes this way. */
export type AppendOne = (actor: Actor, input: AppendMessageInput) => Promise<AppendMessageResult>;

/**
 * Group commit for the message path (DESIGN §4): appends that arrive while a write is in flight are stored
 * together in one transaction of a few multi-row statements, and each is acknowledged only after that
 * commit. Appends that change a conversation's state (a first message, a reopen, a first human reply)
 * take the one-message path, whose rules live in appendMessage.ts.
 */
export function createMessageWriter(services: Pick<Services, 'db' | 'bus' | 'log'>, appendOne: AppendOne): MessageWriter {
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  const run = async () => {
    // Yield to the event loop before each batch: the embedded database runs queries synchronously, so without
    // this pause no other socket's frame could join the batch.
    for (;;) {
      await nextTurn();
      if (!queue.length) break;
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      await writeBatch(batch).catch((err) => {
        for (const p of batch) p.reject(err);
      });
    }
    running = null;
  };

  async function writeBatch(batch: Pending[]) {
    const states = await lookUp(batch);
    const fast: Array<{ pending: Pending; conversation: ConversationState }> = [];
    const slow: Pending[] = [];
    for (const pending of batch) {
      const conversation = states.get(pending);
      if (conversation && staysAsItIs(pending, conversation)) fast.push({ pending, conversation });
      else slow.push(pending);
    }
    for (const pending of slow) await appendOne(pending.actor, pending.input).then(pending.resolve, pending.reject);
    if (!fast.length) return;
    try {
      const { results, events } = await services.db.transaction((tx) => writeTogether(tx, fast));
      for (const [i, { pending }] of fast.entries()) pending.resolve(results[i]!);
      await publishAll(services as Services, events);
    } catch (err) {
      // A batch that fails as a whole is retried one message at a time, so one bad message cannot sink the others.
      services.log.warn({ err }, 'group commit failed; writing one by one');
      for (const { pending } of fast) await appendOne(pending.actor, pending.input).then(pending.resolve, pending.reject);
    }
  }

  /** Which conversation each append would land on, read without locks (re-checked under lock when writing). */
  async function lookUp(batch: Pending[]): Promise<Map<Pending, ConversationState>> {
    const byId = batch.filter((p) => p.actor.kind === 'agent' && p.input.conversationId);
    const byCustomer = batch.filter((p) => p.actor.kind === 'visitor');
    const [idStates, customerStates] = await Promise.all([
      conversationBatches.states(
        services.db,
        byId.map((p) => ({ workspaceId: p.actor.workspaceId, id: p.input.conversationId! })),
      ),
      conversationBatches.latestStates(
        services.db,
        byCustomer.map((p) => ({ workspaceId: p.actor.workspaceId, customerId: (p.actor as { customerId: string }).customerId })),
      ),
    ]);
    const ids = new Map(idStates.map((s) => [s.id, s]));
    const customers = new Map(customerStates.map((s) => [s.customerId, s]));
    const found = new Map<Pending, ConversationState>();
    for (const p of batch) {
      const state = p.actor.kind === 'agent' ? ids.get(p.input.conversationId ?? '') : customers.get(p.actor.customerId);
      if (state && state.workspaceId === p.actor.workspaceId) found.set(p, state);
    }
    return found;
  }

  async function writeTogether(
    tx: import('../db/client.ts').Sql,
    items: Array<{ pending: Pending; conversation: ConversationState }>,
  ): Promise<{ results: AppendMessageResult[]; events: WarmlineEvent[] }> {
    const keys = [...new Map(items.map(({ conversation: c }) => [c.id, { workspaceId: c.workspaceId, id: c.id }])).values()];
    const locked = new Map((await conversationBatches.states(tx, keys, { lock: true })).map((s) => [s.id, s]));
    for (const { pending, conversation } of items) {
      const now = locked.get(conversation.id);
      if (!now || !staysAsItIs(pending, now)) throw new Error('conversation changed while the batch was forming');
    }
    const existing = await entryBatches.byClientIds(
      tx,
      items.map(({ pending, conversation: c }) => ({
        workspaceId: c.workspaceId,
        conversationId: c.id,
        clientId: pending.input.clientId,
      })),
    );
    const known = new Map<string, Entry>(existing.map((e) => [`${e.conversationId}:${e.clientId}`, e]));

    const fresh: Array<{ index: number; conversation: ConversationState }> = [];
    const claimed = new Set<string>();
    items.forEach(({ pending, conversation }, index) => {
      const key = `${conversation.id}:${pending.input.clientId}`;
      if (known.has(key) || claimed.has(key)) return;
      claimed.add(key);
      fresh.push({ index, conversation });
    });

    const perConversation = new Map<
      string,
      {
        workspaceId: string;
        id: string;
        n: number;
        lastBody: string | null;
        lastDirection: 'in' | 'out' | null;
        upset: boolean | null;
      }
    >();
    const emotions = new Map<number, EmotionReading>();
    for (const { index, conversation } of fresh) {
      const { actor, input } = items[index]!.pending;
      const emotion = actor.kind === 'visitor' && !input.note ? readEmotion(input.body) : null;
      if (emotion) emotions.set(index, emotion);
      const row = perConversation.get(conversation.id) ?? {
        workspaceId: conversation.workspaceId,
        id: conversation.id,
        n: 0,
        lastBody: null,
        lastDirection: null,
        upset: null,
      };
      row.n++;
      if (!input.note) {
        row.lastBody = input.body;
        row.lastDirection = actor.kind === 'visitor' ? 'in' : 'out';
      }
      // The customer's latest message sets the conversation's mood, and so its priority in the queue.
      if (emotion) row.upset = emotion.upset;
      perConversation.set(conversation.id, row);
    }
    const lastSeqs = await conversationBatches.reserveSeqs(tx, [...perConversation.values()]);
    const faces = await agents.faces(
      tx,
      fresh.flatMap(({ index }) => {
        const { actor } = items[index]!.pending;
        return actor.kind === 'agent' ? [{ workspaceId: actor.workspaceId, id: actor.agentId }] : [];
      }),
    );
    const nextSeq = new Map([...perConversation.values()].map((r) => [r.id, lastSeqs.get(r.id)! - r.n + 1]));
    const rows: BatchEntry[] = fresh.map(({ index, conversation }) => {
      const { actor, input } = items[index]!.pending;
      const seq = nextSeq.get(conversation.id)!;
      nextSeq.set(conversation.id, seq + 1);
      const face = actor.kind === 'agent' ? faces.get(actor.agentId) : undefined;
      return {
        emotion: emotions.get(index) ?? null,
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        seq,
        kind: input.note ? 'note' : 'message',
        direction: input.note ? null : actor.kind === 'visitor' ? 'in' : 'out',
        channel: input.note ? null : conversation.channel,
        body: input.body,
        clientId: input.clientId,
        author:
          actor.kind === 'agent'
            ? { kind: 'agent', id: actor.agentId, name: face?.displayName ?? null, avatarUrl: face?.avatarUrl ?? null }
            : { kind: 'customer', id: actor.customerId, name: null, avatarUrl: null },
      };
    });
    const stored = await entryBatches.insert(tx, rows);
    for (const entry of stored) known.set(`${entry.conversationId}:${entry.clientId}`, entry);

    const createdKeys = new Set(stored.map((e) => `${e.conversationId}:${e.clientId}`));
    const reported = new Set<string>();
    const results = items.map(({ pending, conversation }) => {
      const key = `${conversation.id}:${pending.input.clientId}`;
      const created = createdKeys.has(key) && !reported.has(key);
      reported.add(key);
      return { entry: known.get(key)!, created };
    });

    const events: WarmlineEvent[] = stored.map((entry) => ({
      type: 'entry.appended',
      workspaceId: locked.get(entry.conversationId)!.workspaceId,
      customerId: locked.get(entry.conversationId)!.customerId,
      entry,
    }));
    // One change per conversation per batch: previews and seqs move, state does not.
    const touched = [...perConversation.values()].filter((r) => r.lastBody !== null);
    const records = await conversationBatches.records(tx, touched);
    const views = await viewsOf(tx, records);
    for (const [i, record] of records.entries()) {
      events.push({
        type: 'conversation.changed',
        workspaceId: record.workspaceId,
        customerId: record.customerId,
        conversation: views[i]!,
      });
    }
    return { results, events };
  }

  return {
    append(actor, input) {
      return new Promise((resolve, reject) => {
        queue.push({ actor, input, resolve, reject });
        running ??= run();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** True when storing this message changes nothing about the conversation but its timeline and preview. */
function staysAsItIs(p: Pending, c: ConversationState): boolean {
  if (p.input.note) return p.actor.kind === 'agent';
  if (p.actor.kind === 'visitor') {
    if (p.input.conversationId && p.input.conversationId !== c.id) return false;
    return c.customerId === p.actor.customerId && (c.status === 'waiting' || c.status === 'active');
  }
  return c.status === 'active' && c.assigneeId !== null && c.humanConnectedAt !== null;
}
