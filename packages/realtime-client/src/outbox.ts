import type { Attachment } from '@warmline/shared/types';
import { type Clock, realClock } from './clock.ts';

/** A message written but not yet acknowledged by the server. */
export interface OutboxMessage {
  clientId: string;
  body: string;
  /** Files uploaded before, sent with the message by their ids. */
  attachments?: Attachment[] | undefined;
  status: 'sending' | 'failed';
  error: string | null;
}

/** The error a server answers a `send` with (the `error` frame's payload). */
export interface SendError {
  code: string;
  message: string;
  details?: unknown;
}

/** Drops an acknowledged (or discarded) message from the outbox. */
export function settle<M extends OutboxMessage>(outbox: readonly M[], clientId: string): readonly M[] {
  return outbox.some((m) => m.clientId === clientId) ? outbox.filter((m) => m.clientId !== clientId) : outbox;
}

/** Marks a message the server refused: it is shown as failed, never resent on its own. */
export function markFailed<M extends OutboxMessage>(outbox: readonly M[], clientId: string, error: string): readonly M[] {
  return outbox.map((m) => (m.clientId === clientId ? { ...m, status: 'failed' as const, error } : m));
}

/**
 * Puts a failed message back in line with the same clientId: `(conversation, clientId)` is unique on the
 * server, so a resend can never be stored twice.
 */
export function retry<M extends OutboxMessage>(outbox: readonly M[], clientId: string): readonly M[] {
  return outbox.map((m) => (m.clientId === clientId ? { ...m, status: 'sending' as const, error: null } : m));
}

/** Messages to send again after a reconnect, oldest first. */
export function awaitingAck<M extends OutboxMessage>(outbox: readonly M[]): M[] {
  return outbox.filter((m) => m.status === 'sending');
}

/** Where an outbox keeps its messages: React state in the agent app, shared browser storage in the widget. */
export interface OutboxStore<M extends OutboxMessage> {
  /** The messages now (a store shared with other tabs reads them afresh). */
  read(): readonly M[];
  write(messages: readonly M[]): void;
}

/** An outbox held in memory only. */
export function memoryStore<M extends OutboxMessage>(): OutboxStore<M> {
  let held: readonly M[] = [];
  return {
    read: () => held,
    write: (next) => {
      held = next;
    },
  };
}

export interface OutboxOptions<M extends OutboxMessage> {
  store: OutboxStore<M>;
  /** Hands a message to the network (socket, or a fallback); one that does not get through waits for `flush`. */
  transmit(message: M): void;
  clock?: Clock;
  random?: () => number;
}

/**
 * The messages a person wrote until the server has them, and what to do with each answer:
 * an ack settles it, a refusal fails it (shown, resent only when the person retries), `unavailable` resends it
 * after the server's `retryAfterSeconds` (2 s when absent, jittered) or at reconnect if that comes first.
 * Every send of a message carries its original clientId.
 */
export class Outbox<M extends OutboxMessage> {
  private readonly resendTimers = new Map<string, unknown>();
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(private readonly o: OutboxOptions<M>) {
    this.clock = o.clock ?? realClock;
    this.random = o.random ?? Math.random;
  }

  /** Everything held, failed messages included, in the order written. */
  items(): readonly M[] {
    return this.o.store.read();
  }

  /** Messages still on their way. */
  pending(): M[] {
    return awaitingAck(this.items());
  }

  /** True when the clientId is still waiting for its ack. */
  has(clientId: string): boolean {
    return this.pending().some((m) => m.clientId === clientId);
  }

  /** Queues a message (a clientId already held is kept once) and sends it now if it can. */
  add(message: M): void {
    this.o.store.write([...settle(this.items(), message.clientId), message]);
    this.o.transmit(message);
  }

  /** The server stored it (ack, or its entry came back): drop it. True when it was held. */
  settle(clientId: string): boolean {
    const held = this.items();
    const next = settle(held, clientId);
    if (next === held) return false;
    this.clearTimer(clientId);
    this.o.store.write(next);
    return true;
  }

  /** The server answered a send with an error. Returns whether the message failed or is still pending. */
  refused(clientId: string, error: SendError, random: () => number = this.random): 'failed' | 'pending' {
    if (error.code !== 'unavailable') {
      this.clearTimer(clientId);
      this.o.store.write(markFailed(this.items(), clientId, error.message));
      return 'failed';
    }
    if (this.resendTimers.has(clientId) || !this.has(clientId)) return 'pending';
    const after = (error.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
    const ms = (typeof after === 'number' && after > 0 ? after : 2) * 1000 * (1 + 0.2 * random());
    const timer = this.clock.setTimeout(() => {
      this.resendTimers.delete(clientId);
      const message = this.pending().find((m) => m.clientId === clientId);
      if (message) this.o.transmit(message);
    }, ms);
    this.resendTimers.set(clientId, timer);
    return 'pending';
  }

  /** The person asked to send a failed message again: same clientId, so it is stored at most once. */
  retry(clientId: string): void {
    this.o.store.write(retry(this.items(), clientId));
    const message = this.pending().find((m) => m.clientId === clientId);
    if (message) this.o.transmit(message);
  }

  /** Forget a message without sending it. */
  discard(clientId: string): void {
    this.settle(clientId);
  }

  /** After `ready`: every message still unacknowledged goes again, oldest first, with its original clientId. */
  flush(): void {
    for (const timer of this.resendTimers.values()) this.clock.clearTimeout(timer);
    this.resendTimers.clear();
    for (const message of this.pending()) this.o.transmit(message);
  }

  private clearTimer(clientId: string): void {
    const timer = this.resendTimers.get(clientId);
    if (timer != null) this.clock.clearTimeout(timer);
    this.resendTimers.delete(clientId);
  }
}
