import type { ClientFrame, ServerFrame } from '@warmline/shared/types';
import type { SendError } from './outbox.ts';
import { Connection, type ConnectionOptions, type LinkState } from './socket.ts';

/** What the client needs of an outbox (an {@link Outbox}, whose `transmit` sends through this client). */
export interface OutboxLike {
  flush(): void;
  settle(clientId: string): boolean;
  refused(clientId: string, error: SendError): unknown;
}

export interface RealtimeClientOptions extends ConnectionOptions {
  /** The socket URL to use now, or null while there are no credentials yet. */
  url(): string | null;
  outbox: OutboxLike;
  /**
   * Where `resume` starts per held conversation: complete-up-to, not the highest seq held. An owner keeps the
   * highest seqs of that moment ({@link ResumeMarks}) to settle at when `resumed` arrives.
   */
  resumeFrom(): Record<string, number>;
  /** `resumed` arrived: the catch-up re-read everything after each cursor from the database. */
  resumed(): void;
  /** Every server frame, after the client has settled the outbox and the resume with it. */
  frame(frame: ServerFrame): void;
  state(state: LinkState): void;
  unauthenticated(): void;
  forbidden?(): void;
}

/**
 * The realtime protocol of docs/realtime.md for one person: after every `ready` it resumes each held timeline
 * from where nothing is missing and resends what was never acknowledged; acks, echoed entries and refusals
 * settle the outbox. What a frame means for the screen is the owner's business.
 */
export class RealtimeClient {
  private readonly conn: Connection;

  constructor(private readonly o: RealtimeClientOptions) {
    this.conn = new Connection(
      {
        url: o.url,
        frame: (f) => this.onFrame(f),
        state: o.state,
        unauthenticated: o.unauthenticated,
        ...(o.forbidden ? { forbidden: o.forbidden } : {}),
      },
      o,
    );
  }

  /** True once the server said `ready` on the current socket: frames sent now will be handled. */
  get isReady(): boolean {
    return this.conn.isReady;
  }

  /** Start connecting (idempotent). */
  start(): void {
    this.conn.start();
  }

  /** Close and stay closed. */
  stop(): void {
    this.conn.stop();
  }

  /** Reconnect now, skipping any backoff wait. */
  reconnect(): void {
    this.conn.reconnect();
  }

  /** Send a frame if the socket is ready; false means the caller must keep it or fall back. */
  send(frame: ClientFrame): boolean {
    return this.conn.send(frame);
  }

  private onFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'ready': {
        this.conn.send({ type: 'resume', conversations: this.o.resumeFrom() });
        this.o.outbox.flush();
        break;
      }
      case 'ack':
        this.o.outbox.settle(f.clientId);
        break;
      case 'entry':
        if (f.entry.clientId) this.o.outbox.settle(f.entry.clientId);
        break;
      case 'resumed':
        this.o.resumed();
        break;
      case 'error':
        if (f.clientId) this.o.outbox.refused(f.clientId, f.error);
        break;
      default:
        break;
    }
    this.o.frame(f);
  }
}
