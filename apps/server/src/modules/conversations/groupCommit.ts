import { type Actor, afterCommit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { DatabaseUnavailable, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { readEmotion } from '../emotion/index.ts';
import { maySee } from './access.ts';
import { appendChangingState, appendOne } from './appendOne.ts';
import { flushPreviews, previewsMoved } from './inboxPreviews.ts';
import type { AppendMessageInput, AppendMessageResult } from './messageInput.ts';
import { type ConversationState, conversationBatches, type LockedConversation } from './repository/conversationBatches.ts';
import { ConversationMoved, type Pending, staysAsItIs, writeTogether } from './writeTogether.ts';

const MAX_BATCH = 512;
/** Acknowledgements per slice: each may set its socket's next frame going (parsing it, reading its emotion). */
const ANSWER_SLICE = 16;
const PUBLISH_SLICE = 32;

/** A batch written: its senders are answered and its events published once the next batch is under way. */
interface Written {
  answers: Array<() => void>;
  events: WarmlineEvent[];
  /**
   * What the batch's state changes announced (a conversation queued, reopened, taken): their listeners run before
   * anyone is answered, so a first message is answered with the person routing found for it.
   */
  changes: WarmlineEvent[];
  /** Inbox rows the batch moved without changing their conversations: announced after everything else. */
  moved: Array<{ workspaceId: string; id: string }>;
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
  await flushPreviews(services);
}

/**
 * Group commit for the message path (DESIGN §4): appends that arrive while a write is in flight are stored
 * together in one transaction, and each is acknowledged only after that commit. Appends that change a
 * conversation's state (a first message, a reopen, a first human reply) join the same batch through
 * appendOne.ts's rules; the others are stored by writeTogether.ts in a few multi-row statements.
 */
function createMessageWriter(services: Services): MessageWriter {
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  const take = () => {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    return batch;
  };

  // A pipeline: while one batch's transaction runs in PostgreSQL, this thread reads the next messages as they
  // arrive, and answers and fans out the batch before.
  const run = async () => {
    let published: Promise<void> = Promise.resolve();
    const afterPublished = () => published;
    let next: Promise<Written> | null = null;
    for (;;) {
      if (!next) {
        // Idle: yield to the event loop so that every frame already received joins the batch.
        await nextTurn();
        // Stop only once the last batch's listeners have run and nothing arrived meanwhile: an append that came in
        // while they ran found this loop still running and did not start another.
        if (!queue.length) await published;
        if (!queue.length) break;
        next = writeBatch(take(), afterPublished);
      }
      const written = await next;
      next = queue.length ? writeBatch(take(), afterPublished) : null;
      published = published.then(() => answerAndPublish(written));
      // A database that answers within microtasks would otherwise keep this loop from ever reading a socket.
      await nextTurn();
    }
    running = null;
  };

  /**
   * Acknowledges a written batch, then fans it out, a slice at a time: between slices this thread reads the
   * database's answers for the next batch, which would otherwise wait for the whole batch's sockets.
   */
  async function answerAndPublish(written: Written) {
    await afterCommit(services, written.changes);
    for (let i = 0; i < written.answers.length; i += ANSWER_SLICE) {
      for (const answer of written.answers.slice(i, i + ANSWER_SLICE)) answer();
      await nextTurn();
    }
    for (let i = 0; i < written.events.length; i += PUBLISH_SLICE) {
      await afterCommit(services, written.events.slice(i, i + PUBLISH_SLICE));
      if (i + PUBLISH_SLICE < written.events.length) await nextTurn();
    }
    previewsMoved(services, written.moved);
  }

  /**
   * Writes a batch in one transaction; never rejects (a failure is the senders' answer). Appends that change
   * their conversation go first, each behind a savepoint, so one refused message takes nothing else down; the
   * rest are stored together. Should the transaction fail as a whole, each message is retried on its own.
   */
  async function writeBatch(batch: Pending[], before: () => Promise<void>): Promise<Written> {
    try {
      return await services.db.transaction(async (tx) => {
        const states = await lockConversations(tx, batch);
        const written: Written = { answers: [], events: [], changes: [], moved: [] };
        const fast: Array<{ pending: Pending; conversation: ConversationState }> = [];
        const slow: Pending[] = [];
        for (const pending of batch) {
          const conversation = states.get(pending);
          // Writing takes what reading takes, from the rows just locked: whoever may not see it is told it is not there.
          if (conversation && !maySee(pending.actor, conversation, restrictedTeamOf(conversation)))
            written.answers.push(() => pending.reject(new NotFound('Conversation')));
          else if (conversation && staysAsItIs(pending, conversation)) fast.push({ pending, conversation });
          else slow.push(pending);
        }
        for (const p of slow) await appendBehindSavepoint(tx, p, written);
        if (fast.length && !slow.length) {
          // Nothing in this transaction changed a conversation since it was locked: no re-check, no savepoint.
          const together = await writeTogether(tx, fast, { recheck: false });
          storedTogether(written, fast, together);
        } else if (fast.length) {
          await tx.query('savepoint together');
          try {
            const together = await writeTogether(tx, fast, { recheck: true });
            await tx.query('release savepoint together');
            storedTogether(written, fast, together);
          } catch (err) {
            if (!(err instanceof ConversationMoved)) throw err;
            await tx.query('rollback to savepoint together');
            for (const { pending } of fast) await appendBehindSavepoint(tx, pending, written);
          }
        }
        return written;
      });
    } catch (err) {
      if (err instanceof DatabaseUnavailable)
        return { answers: batch.map((p) => () => p.reject(err)), events: [], changes: [], moved: [] };
      // A batch that fails as a whole is retried one message at a time, so one bad message cannot sink the others.
      services.log.warn({ err }, 'group commit failed; writing one by one');
      // Their own transactions publish at once: only after the batches before them.
      await before();
      for (const p of batch) await appendOne(services, p.actor, p.input).then(p.resolve, p.reject);
      return { answers: [], events: [], changes: [], moved: [] };
    }
  }

  function storedTogether(
    written: Written,
    fast: Array<{ pending: Pending }>,
    together: Awaited<ReturnType<typeof writeTogether>>,
  ) {
    for (const [i, { pending }] of fast.entries()) written.answers.push(() => pending.resolve(together.results[i]!));
    written.events.push(...together.events);
    written.moved.push(...together.moved);
  }

  async function appendBehindSavepoint(tx: Sql, p: Pending, written: Written) {
    await tx.query('savepoint one_append');
    const events: WarmlineEvent[] = [];
    try {
      const result = await appendChangingState(tx, services, p.actor, p.input, events);
      await tx.query('release savepoint one_append');
      written.answers.push(() => p.resolve(result));
      if (result.created) written.changes.push(...events);
    } catch (err) {
      if (err instanceof DatabaseUnavailable) throw err;
      await tx.query('rollback to savepoint one_append');
      written.answers.push(() => p.reject(err));
    }
  }

  /** Locks the conversation each append lands on (all of them in one statement) and says which it is. */
  async function lockConversations(tx: Sql, batch: Pending[]): Promise<Map<Pending, LockedConversation>> {
    const rows = await conversationBatches.lockForBatch(
      tx,
      batch.flatMap((p) =>
        p.actor.kind === 'agent' && p.input.conversationId
          ? [{ workspaceId: p.actor.workspaceId, id: p.input.conversationId }]
          : [],
      ),
      batch.flatMap((p) =>
        p.actor.kind === 'visitor'
          ? [{ workspaceId: p.actor.workspaceId, customerId: p.actor.customerId, visitorEpoch: p.actor.visitorEpoch }]
          : [],
      ),
    );
    const ids = new Map(rows.map((s) => [s.id, s]));
    const latest = new Map(rows.filter((s) => s.latest).map((s) => [s.customerId, s]));
    const found = new Map<Pending, LockedConversation>();
    for (const p of batch) {
      const state = p.actor.kind === 'agent' ? ids.get(p.input.conversationId ?? '') : latest.get(p.actor.customerId);
      if (state && state.workspaceId === p.actor.workspaceId) found.set(p, state);
    }
    return found;
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

const restrictedTeamOf = (c: LockedConversation) => (c.restrictedTo ? { restricted: true, memberIds: c.restrictedTo } : null);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
