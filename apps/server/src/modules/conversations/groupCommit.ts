import type { Emotion, EmotionReading, Entry } from '@warmline/shared';
import type { Actor, Services } from '../../core/context.ts';
import { afterCommit } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { readEmotion } from '../emotion/index.ts';
import { agents } from '../teams/index.ts';
import { appendOne } from './appendOne.ts';
import type { AppendMessageInput, AppendMessageResult } from './messageInput.ts';
import { type ConversationState, conversationBatches } from './repository/conversationBatches.ts';
import { type BatchEntry, entryBatches } from './repository/entries.ts';
import { viewsOf } from './views.ts';

const MAX_BATCH = 512;
/** Acknowledgements per slice: each may set its socket's next frame going (parsing it, reading its emotion). */
const ANSWER_SLICE = 16;
const PUBLISH_SLICE = 32;

interface Pending {
  actor: Actor;
  input: AppendMessageInput;
  /** How a customer's message reads, classified as it arrives (while the database stores earlier ones). */
  emotion: EmotionReading | null;
  resolve(result: AppendMessageResult): void;
  reject(err: unknown): void;
}

/** A batch written: its senders are answered and its events published once the next batch is under way. */
interface Written {
  answers: Array<() => void>;
  events: WarmlineEvent[];
}

export interface MessageWriter {
  append(actor: Actor, input: AppendMessageInput): Promise<AppendMessageResult>;
  /** Resolves once everything queued so far is written. */
  drain(): Promise<void>;
}

const writers = new WeakMap<Services, MessageWriter>();

/** The group-commit writer of a running node (one per set of services). */
export function writerFor(services: Services): MessageWriter {
  let writer = writers.get(services);
  if (!writer) {
    writer = createMessageWriter(services);
    writers.set(services, writer);
  }
  return writer;
}

/** Resolves once every message queued so far on this node is stored (a graceful shutdown waits for it). */
export async function drainAppends(services: Services): Promise<void> {
  await writers.get(services)?.drain();
}

/**
 * Group commit for the message path (DESIGN §4): appends that arrive while a write is in flight are stored
 * together in one transaction of a few multi-row statements, and each is acknowledged only after that
 * commit. Appends that change a conversation's state (a first message, a reopen, a first human reply)
 * take the one-message path, whose rules live in appendMessage.ts.
 */
function createMessageWriter(services: Services): MessageWriter {
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  const take = () => {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    return batch;
  };

  // A pipeline: while one batch's transaction runs (on the database's own thread, or its own process), this
  // thread reads the next messages as they arrive, and answers and fans out the batch before.
  const run = async () => {
    let published: Promise<void> = Promise.resolve();
    const afterPublished = () => published;
    let next: Promise<Written> | null = null;
    for (;;) {
      if (!next) {
        // Idle: yield to the event loop so that every frame already received joins the batch.
        await nextTurn();
        if (!queue.length) break;
        next = writeBatch(take(), afterPublished);
      }
      const written = await next;
      next = queue.length ? writeBatch(take(), afterPublished) : null;
      published = published.then(() => answerAndPublish(written));
      // A database that answers within microtasks would otherwise keep this loop from ever reading a socket.
      await nextTurn();
    }
    await published;
    running = null;
    // Appends that arrived while the last batch's listeners ran found this loop still running: start again for them.
    if (queue.length) running = run();
  };

  /**
   * Acknowledges a written batch, then fans it out, a slice at a time: between slices this thread reads the
   * database's answers for the next batch, which would otherwise wait for the whole batch's sockets.
   */
  async function answerAndPublish(written: Written) {
    for (let i = 0; i < written.answers.length; i += ANSWER_SLICE) {
      for (const answer of written.answers.slice(i, i + ANSWER_SLICE)) answer();
      await nextTurn();
    }
    for (let i = 0; i < written.events.length; i += PUBLISH_SLICE) {
      await afterCommit(services, written.events.slice(i, i + PUBLISH_SLICE));
      if (i + PUBLISH_SLICE < written.events.length) await nextTurn();
    }
  }

  /** Writes a batch; never rejects (a failure is the senders' answer). Slow appends publish after `before`. */
  async function writeBatch(batch: Pending[], before: () => Promise<void>): Promise<Written> {
    const answers: Array<() => void> = [];
    const events: WarmlineEvent[] = [];
    const oneByOne = async (items: Pending[]) => {
      // Their own transactions publish at once: only after the batches before them.
      await before();
      for (const p of items) await appendOne(services, p.actor, p.input).then(p.resolve, p.reject);
    };
    try {
      const states = await lookUp(batch);
      const fast: Array<{ pending: Pending; conversation: ConversationState }> = [];
      const slow: Pending[] = [];
      for (const pending of batch) {
        const conversation = states.get(pending);
        if (conversation && staysAsItIs(pending, conversation)) fast.push({ pending, conversation });
        else slow.push(pending);
      }
      if (slow.length) await oneByOne(slow);
      if (fast.length) {
        try {
          const together = await services.db.transaction((tx) => writeTogether(tx, fast));
          for (const [i, { pending }] of fast.entries()) answers.push(() => pending.resolve(together.results[i]!));
          events.push(...together.events);
        } catch (err) {
          // A batch that fails as a whole is retried one message at a time, so one bad message cannot sink the others.
          services.log.warn({ err }, 'group commit failed; writing one by one');
          await oneByOne(fast.map((f) => f.pending));
        }
      }
    } catch (err) {
      for (const p of batch) answers.push(() => p.reject(err));
    }
    return { answers, events };
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
    tx: Sql,
    items: Array<{ pending: Pending; conversation: ConversationState }>,
  ): Promise<{ results: AppendMessageResult[]; events: WarmlineEvent[] }> {
    const keys = [...new Map(items.map(({ conversation: c }) => [c.id, { workspaceId: c.workspaceId, id: c.id }])).values()];
    // Sent together: statements of one transaction run in order, and the second needs nothing from the first.
    const [states, existing] = await Promise.all([
      conversationBatches.states(tx, keys, { lock: true }),
      entryBatches.byClientIds(
        tx,
        items.map(({ pending, conversation: c }) => ({
          workspaceId: c.workspaceId,
          conversationId: c.id,
          clientId: pending.input.clientId,
        })),
      ),
    ]);
    const locked = new Map(states.map((s) => [s.id, s]));
    for (const { pending, conversation } of items) {
      const now = locked.get(conversation.id);
      if (!now || !staysAsItIs(pending, now)) throw new Error('conversation changed while the batch was forming');
    }
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
        mood: Emotion | null;
      }
    >();
    const emotions = new Map<number, EmotionReading>();
    for (const { index, conversation } of fresh) {
      const { actor, input, emotion } = items[index]!.pending;
      if (emotion) emotions.set(index, emotion);
      const row = perConversation.get(conversation.id) ?? {
        workspaceId: conversation.workspaceId,
        id: conversation.id,
        n: 0,
        lastBody: null,
        lastDirection: null,
        upset: null,
        mood: null,
      };
      row.n++;
      if (!input.note) {
        row.lastBody = input.body;
        row.lastDirection = actor.kind === 'visitor' ? 'in' : 'out';
      }
      // The customer's latest message sets the conversation's mood, and so its priority in the queue.
      if (emotion) {
        row.upset = emotion.upset;
        row.mood = emotion.label;
      }
      perConversation.set(conversation.id, row);
    }
    const [lastSeqs, faces] = await Promise.all([
      conversationBatches.reserveSeqs(tx, [...perConversation.values()]),
      agents.faces(
        tx,
        fresh.flatMap(({ index }) => {
          const { actor } = items[index]!.pending;
          return actor.kind === 'agent' ? [{ workspaceId: actor.workspaceId, id: actor.agentId }] : [];
        }),
      ),
    ]);
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
    // One change per conversation per batch: previews and seqs move, state does not.
    const touched = [...perConversation.values()].filter((r) => r.lastBody !== null);
    // Sent together: the conversation rows were updated by the seq reservation, not by the insert.
    const [stored, records] = await Promise.all([entryBatches.insert(tx, rows), conversationBatches.records(tx, touched)]);
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
      const emotion = actor.kind === 'visitor' && !input.note ? readEmotion(input.body) : null;
      return new Promise((resolve, reject) => {
        queue.push({ actor, input, emotion, resolve, reject });
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
