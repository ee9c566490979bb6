import type { ClientFrame, ServerFrame } from '@warmline/shared/types';
import { backoffDelay, type Jitter, VISITOR_JITTER } from './backoff.ts';
import { type Clock, realClock } from './clock.ts';

/** Close codes from docs/realtime.md. Any other (1013 try again later, 4503 shutting down…) means reconnect with backoff. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN_ORIGIN = 4403;

/** Keep-alive interval: under the ~30 s idle timeouts of common proxies and load balancers. */
export const PING_MS = 25_000;
/** No frame at all for this long means the socket is dead even if the browser has not noticed. */
export const SILENCE_MS = 60_000;

/** The subset of WebSocket the connection uses (a fake in tests). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Where the link stands: `offline` is between a drop and the next attempt. */
export type LinkState = 'idle' | 'connecting' | 'online' | 'offline';

/** What the owner of a connection hears about. */
export interface ConnectionHandlers {
  /** The socket URL to use now, or null when there is no token yet. */
  url(): string | null;
  /** Every server frame, `ready` included (send `resume` then). */
  frame(frame: ServerFrame): void;
  state(state: LinkState): void;
  /** The server refused the credentials (4401): get new ones, then call `reconnect()`. */
  unauthenticated(): void;
  /** The page's origin is not allowed (4403): retrying will not help. Without a handler it is retried like any drop. */
  forbidden?(): void;
}

/** Injectable parts: a fake socket and clock in tests, and how reconnects are spread. */
export interface ConnectionOptions {
  makeSocket?: (url: string) => SocketLike;
  clock?: Clock;
  random?: () => number;
  jitter?: Jitter;
}

const browserSocket = (url: string) => new WebSocket(url) as unknown as SocketLike;

/** One WebSocket: connects, keeps alive, and reconnects with backoff until stopped. */
export class Connection {
  private ws: SocketLike | null = null;
  private ready = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private lastRx = 0;
  private stopped = true;
  private readonly makeSocket: (url: string) => SocketLike;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly jitter: Jitter;

  constructor(
    private readonly h: ConnectionHandlers,
    options: ConnectionOptions = {},
  ) {
    this.makeSocket = options.makeSocket ?? browserSocket;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.jitter = options.jitter ?? VISITOR_JITTER;
  }

  /** True once the server said `ready` on the current socket. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Start connecting (idempotent). */
  start(): void {
    this.stopped = false;
    if (!this.ws && this.retryTimer == null) this.open();
  }

  /** Close and stay closed. */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.drop();
    this.h.state('idle');
  }

  /** Reconnect now, skipping any backoff wait (the browser came back online, a new token arrived). */
  reconnect(): void {
    if (this.stopped) return;
    if (this.ready) return; // a healthy socket needs no help
    this.clearTimers();
    this.drop();
    this.attempt = 0;
    this.open();
  }

  /** Send a frame if the socket is ready; false means "not now" (the caller keeps it for the next flush). */
  send(frame: ClientFrame): boolean {
    if (!this.ws || !this.ready || this.ws.readyState !== 1) return false;
    try {
      this.ws.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private open(): void {
    this.retryTimer = null;
    const url = this.h.url();
    if (!url) return;
    this.h.state('connecting');
    let ws: SocketLike;
    try {
      ws = this.makeSocket(url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    this.ready = false;
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.lastRx = this.clock.now();
      let frame: ServerFrame;
      try {
        // The server's own frames (docs/realtime.md); unknown types fall through every owner's switch.
        frame = JSON.parse(String(ev.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        this.ready = true;
        this.attempt = 0;
        this.startPing();
        this.h.state('online');
      }
      this.h.frame(frame);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      this.clearTimers();
      if (this.stopped) return;
      this.h.state('offline');
      if (ev.code === CLOSE_UNAUTHENTICATED) this.h.unauthenticated();
      else if (ev.code === CLOSE_FORBIDDEN_ORIGIN && this.h.forbidden) this.h.forbidden();
      else this.scheduleRetry();
    };
    ws.onerror = () => {
      // onclose follows; nothing to do here.
    };
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer != null) return;
    const delay = backoffDelay(this.attempt++, this.random, this.jitter);
    this.retryTimer = this.clock.setTimeout(() => this.open(), delay);
  }

  private startPing(): void {
    this.lastRx = this.clock.now();
    const tick = () => {
      if (!this.ws) return;
      if (this.clock.now() - this.lastRx > SILENCE_MS) {
        // A half-open socket (laptop slept, NAT forgot us): force the close path so we reconnect.
        const ws = this.ws;
        this.ws = null;
        this.ready = false;
        try {
          ws.close();
        } catch {}
        this.h.state('offline');
        this.scheduleRetry();
        return;
      }
      this.send({ type: 'ping' });
      this.pingTimer = this.clock.setTimeout(tick, PING_MS);
    };
    this.pingTimer = this.clock.setTimeout(tick, PING_MS);
  }

  private clearTimers(): void {
    if (this.retryTimer != null) this.clock.clearTimeout(this.retryTimer);
    if (this.pingTimer != null) this.clock.clearTimeout(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }

  private drop(): void {
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
      try {
        ws.close(1000);
      } catch {}
    }
  }
}
