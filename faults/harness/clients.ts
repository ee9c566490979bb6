import { randomUUID } from 'node:crypto';
import type { ClientFrame, Entry, ServerFrame } from '@warmline/shared';
import WebSocket from 'ws';

/**
 * Real WebSocket clients that keep the promise of docs/realtime.md the way the widget and the agent app do:
 * an outbox resent with the same clientId after every reconnect, `resume` with the last seq held, idempotent
 * display by seq, reconnects with jittered exponential backoff. Everything they see is counted.
 */

/** Reconnect delays as the widget's (apps/widget/src/backoff.ts), capped lower so a test stays short. */
export function backoffMs(attempt: number): number {
  const exp = Math.min(4000, 500 * 2 ** attempt);
  return Math.round(exp * (0.7 + 0.6 * Math.random()));
}

/** One conversation's timeline as a client holds it: entries by seq, each shown once. */
export class Timeline {
  readonly bySeq = new Map<number, Entry>();
  /** Entries received again (a resume overlapping live delivery): expected, and never shown twice. */
  redelivered = 0;
  /** Entries that arrived after one with a higher seq (shown in seq order all the same). */
  outOfOrder = 0;

  add(entry: Entry): void {
    if (this.bySeq.has(entry.seq)) {
      this.redelivered++;
      return;
    }
    if (entry.seq < this.lastSeq()) this.outOfOrder++;
    this.bySeq.set(entry.seq, entry);
  }

  /** The highest seq held. */
  lastSeq(): number {
    let max = 0;
    for (const seq of this.bySeq.keys()) if (seq > max) max = seq;
    return max;
  }

  /**
   * Where to resume from: the highest seq up to which every entry is held. Not the highest seq held: an
   * acknowledgement comes straight back on the socket, while the entry just before it may still be on its way
   * through the bus; a client that resumed after its own newest message would lose that entry if the node died
   * in between (a kill -9 test found exactly this).
   */
  resumeFrom(): number {
    let seq = 0;
    while (this.bySeq.has(seq + 1)) seq++;
    return seq;
  }

  /** Messages in display order. */
  messages(): Entry[] {
    return [...this.bySeq.values()].filter((e) => e.kind === 'message').sort((a, b) => a.seq - b.seq);
  }
}

export interface Outgoing {
  clientId: string;
  frame: Extract<ClientFrame, { type: 'send' }>;
  /** Sent to a socket at least once (so a later send is a resend). */
  sent: boolean;
  resends: number;
  settle(ack: Extract<ServerFrame, { type: 'ack' }>): void;
}

/** What one client lived through. */
export interface ClientStats {
  reconnects: number;
  closes: Map<number, number>;
  resent: number;
  /** `unavailable` error frames: the database was away; the message was sent again later. */
  unavailable: number;
  /** Any other error frame: a failure the client would have shown. */
  errors: Array<{ code: string; message: string }>;
}

abstract class RealtimeClient {
  protected ws: WebSocket | null = null;
  protected ready = false;
  private stopped = false;
  /** Between `goOffline()` and `reconnect()`: nothing is read and no reconnect is tried. */
  private offline = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Tests waiting for a frame (`next`). */
  private readonly waiters = new Set<(frame: ServerFrame) => void>();
  /** Messages not yet acknowledged, in the order they were written. */
  readonly outbox = new Map<string, Outgoing>();
  /** clientId → the acknowledged entry. */
  readonly acked = new Map<string, Entry>();
  /** clientIds in the order this client wrote them. */
  readonly written: string[] = [];
  readonly stats: ClientStats = { reconnects: 0, closes: new Map(), resent: 0, unavailable: 0, errors: [] };

  protected constructor(
    readonly name: string,
    private readonly socketUrl: () => string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Connects and resolves once the server said `ready`. */
  start(): Promise<void> {
    this.open();
    return this.untilReady();
  }

  untilReady(timeoutMs = 30_000): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = setInterval(() => {
        if (this.ready) {
          clearInterval(check);
          resolve();
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(check);
          reject(new Error(`${this.name} was not ready within ${timeoutMs} ms`));
        }
      }, 20);
    });
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Writes a message: kept in the outbox until acknowledged; resolves with the stored entry. */
  protected write(frame: Omit<Extract<ClientFrame, { type: 'send' }>, 'clientId' | 'type'>): Promise<Entry> {
    const clientId = randomUUID();
    this.written.push(clientId);
    return new Promise((resolve) => {
      const item: Outgoing = {
        clientId,
        frame: { type: 'send', clientId, ...frame },
        sent: false,
        resends: 0,
        settle: (ack) => resolve(ack.entry),
      };
      this.outbox.set(clientId, item);
      this.transmit(item);
    });
  }

  private transmit(item: Outgoing) {
    if (!this.ready || !this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (item.sent) {
      item.resends++;
      this.stats.resent++;
    }
    item.sent = true;
    this.ws.send(JSON.stringify(item.frame));
  }

  /** Sends a frame now, if connected; only messages are kept in the outbox (a call frame, say, is not). */
  sendFrame(frame: ClientFrame): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  /** Resolves with the next frame received that matches, or rejects after `ms`. Call it before what it waits for. */
  next<T extends ServerFrame['type']>(
    type: T,
    match: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    ms = 30_000,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    return new Promise((resolve, reject) => {
      const waiter = (frame: ServerFrame) => {
        if (frame.type !== type || !match(frame as Extract<ServerFrame, { type: T }>)) return;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(frame as Extract<ServerFrame, { type: T }>);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.name}: no "${type}" frame within ${ms} ms`));
      }, ms);
      this.waiters.add(waiter);
    });
  }

  /**
   * The network goes away without a word: the socket is neither read nor answered (no pongs), as when a
   * laptop sleeps. The server finds out by its heartbeat; the client by `reconnect()` later.
   */
  goOffline(): void {
    this.clearRetry();
    this.offline = true;
    this.ready = false;
    this.ws?.pause();
  }

  /** Drops the current socket (whatever state it is in) and connects again. */
  reconnect(): void {
    const old = this.ws;
    this.ws = null;
    this.ready = false;
    this.offline = false;
    this.clearRetry();
    old?.removeAllListeners();
    old?.on('error', () => {});
    old?.terminate();
    this.stats.reconnects++;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
    this.ws?.close();
  }

  protected abstract onReady(): void;
  protected abstract onFrame(frame: ServerFrame): void;

  private open() {
    if (this.stopped) return;
    const ws = new WebSocket(this.socketUrl(), { headers: this.headers });
    this.ws = ws;
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      const frame = JSON.parse(String(data)) as ServerFrame;
      for (const waiter of this.waiters) waiter(frame);
      if (frame.type === 'ready') {
        this.ready = true;
        this.attempt = 0;
        this.onReady();
        for (const item of this.outbox.values()) this.transmit(item);
        return;
      }
      if (frame.type === 'ack') {
        const item = this.outbox.get(frame.clientId);
        this.acked.set(frame.clientId, frame.entry);
        this.onFrame(frame);
        if (item) {
          this.outbox.delete(frame.clientId);
          item.settle(frame);
        }
        return;
      }
      if (frame.type === 'error') return this.onError(frame);
      this.onFrame(frame);
    });
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.stats.closes.set(code, (this.stats.closes.get(code) ?? 0) + 1);
      this.ws = null;
      this.ready = false;
      if (this.stopped || this.offline) return;
      this.clearRetry();
      this.retryTimer = setTimeout(
        () => {
          this.retryTimer = null;
          this.stats.reconnects++;
          this.open();
        },
        backoffMs(this.attempt++),
      );
    });
    ws.on('error', () => {
      // 'close' follows.
    });
  }

  private onError(frame: Extract<ServerFrame, { type: 'error' }>) {
    const item = frame.clientId ? this.outbox.get(frame.clientId) : undefined;
    if (frame.error.code === 'unavailable') {
      this.stats.unavailable++;
      if (!item) return;
      // The database was away: nothing was stored. Send it again, same clientId, after the advised delay.
      const seconds = (frame.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
      setTimeout(() => this.transmit(item), seconds * 1000 * (0.5 + Math.random()));
      return;
    }
    this.stats.errors.push({ code: frame.error.code, message: frame.error.message });
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/** A widget visitor: a session token from the REST API, then the visitor socket. */
export class VisitorClient extends RealtimeClient {
  readonly timeline = new Timeline();
  conversationId: string | null = null;

  private constructor(
    name: string,
    base: string,
    readonly token: string,
  ) {
    super(name, () => `${base.replace(/^http/, 'ws')}/ws/visitor?token=${encodeURIComponent(token)}`, {});
  }

  /** Starts a widget session through `base` (nginx) and connects. */
  static async open(name: string, base: string, workspaceKey: string): Promise<VisitorClient> {
    const res = await fetch(`${base}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceKey }),
    });
    if (!res.ok) throw new Error(`widget session: HTTP ${res.status} ${await res.text()}`);
    const { visitorToken } = (await res.json()) as { visitorToken: string };
    const visitor = new VisitorClient(name, base, visitorToken);
    await visitor.start();
    return visitor;
  }

  say(body: string): Promise<Entry> {
    return this.write({ body });
  }

  protected onReady(): void {
    if (this.conversationId)
      this.sendFrame({ type: 'resume', conversations: { [this.conversationId]: this.timeline.resumeFrom() } });
  }

  protected onFrame(frame: ServerFrame): void {
    if (frame.type === 'ack') {
      this.conversationId ??= frame.conversationId;
      this.timeline.add(frame.entry);
    } else if (frame.type === 'entry') {
      this.conversationId ??= frame.entry.conversationId;
      if (frame.entry.conversationId === this.conversationId) this.timeline.add(frame.entry);
    }
  }
}

/** An agent: signs in for a session cookie, then the agent socket, which carries the whole workspace. */
export class AgentClient extends RealtimeClient {
  readonly timelines = new Map<string, Timeline>();
  /** REST reads that failed (503 while the database is away); retried. */
  inboxRetries = 0;

  private constructor(
    name: string,
    private readonly base: string,
    private readonly cookie: string,
    origin: string,
  ) {
    super(name, () => `${base.replace(/^http/, 'ws')}/ws/agent`, { cookie, origin });
  }

  static async signIn(name: string, base: string, email: string, password: string): Promise<AgentClient> {
    const res = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const agent = new AgentClient(name, base, cookie, base);
    await agent.start();
    return agent;
  }

  timeline(conversationId: string): Timeline {
    let t = this.timelines.get(conversationId);
    if (!t) {
      t = new Timeline();
      this.timelines.set(conversationId, t);
    }
    return t;
  }

  reply(conversationId: string, body: string): Promise<Entry> {
    return this.write({ conversationId, body });
  }

  /** Like the agent app after every (re)connect: re-read the inbox, then resume every timeline held. */
  protected onReady(): void {
    void this.catchUp();
  }

  private async catchUp(): Promise<void> {
    const ids = new Set(this.timelines.keys());
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await this.inboxPage(cursor);
      if (!page) return; // the socket went away meanwhile; the next `ready` starts again
      for (const c of page.conversations) ids.add(c.id);
      cursor = page.nextCursor;
    }
    const held = [...ids].map((id) => [id, this.timeline(id).resumeFrom()] as const);
    for (let i = 0; i < held.length; i += 100) {
      this.sendFrame({ type: 'resume', conversations: Object.fromEntries(held.slice(i, i + 100)) });
    }
  }

  private async inboxPage(
    cursor: string | null,
  ): Promise<{ conversations: Array<{ id: string }>; nextCursor: string | null } | null> {
    for (let attempt = 0; this.isReady; attempt++) {
      const res = await fetch(
        `${this.base}/api/v1/conversations?status=open&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { cookie: this.cookie } },
      ).catch(() => null);
      if (res?.ok) return (await res.json()) as { conversations: Array<{ id: string }>; nextCursor: string | null };
      this.inboxRetries++;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
    return null;
  }

  protected onFrame(frame: ServerFrame): void {
    if (frame.type === 'ack' || frame.type === 'entry') this.timeline(frame.entry.conversationId).add(frame.entry);
  }
}
