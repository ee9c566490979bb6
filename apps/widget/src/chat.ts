import {
  backoffDelay,
  type Clock,
  type LinkState,
  newClientId,
  Outbox,
  RealtimeClient,
  ResumeMarks,
  realClock,
  type SocketLike,
  type StoredMessage,
  storedOutbox,
  Timeline,
} from '@warmline/realtime-client';
import type {
  Callback,
  Entry,
  PublicAgent,
  ServerFrame,
  VisitorConversation,
  WaitChoice,
  WaitEstimate,
} from '@warmline/shared/types';
import { type Api, ApiError, type CallbackWindowsResult, type SignedInUser } from './api.ts';
import { WidgetCall } from './call.ts';
import { type CallbackWindow, callbackConfirmation, isActiveCallback, openWindows } from './callbackWindows.ts';
import { ChatFiles } from './files.ts';
import { type KV, readJSON, storageKey } from './storage.ts';
import { StoreVisits } from './storeVisits.ts';
import { callbackErrorField, cleanMessage } from './text.ts';
import { buildItems, countUnread, type FailedItem, type TimelineItem } from './timeline.ts';
import { TypingSender } from './typing.ts';
import { visitorSocketUrl } from './url.ts';

/** Hide "… is typing" if the agent's client stops refreshing it (the server uses the same 6 s). */
export const TYPING_SHOW_MS = 6_000;

/** Everything the chat needs from the outside world, injectable for tests. */
export interface ChatDeps {
  workspaceKey: string;
  base: string;
  api: Api;
  kv: KV;
  /** The host site's signed-in user, vouched for by its server's HMAC; absent for anonymous visitors. */
  user?: SignedInUser | undefined;
  makeSocket?: (url: string) => SocketLike;
  clock?: Clock;
  uuid?: () => string;
  random?: () => number;
}

/** Where the session (REST) stands. */
export type Phase = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The visitor's chat, without any DOM: session, timeline, outbox, socket frames, typing and read state.
 * The view renders from its getters and re-renders on `onChange`.
 */
export class Chat {
  phase: Phase = 'idle';
  /** A calm message for the visitor when something is wrong (session failed, origin refused…). */
  problem: string | null = null;
  /** A notice about a rejected frame without a clientId (e.g. rate limited). */
  notice: string | null = null;
  link: LinkState = 'idle';
  workspace: { name: string; greeting: string } | null = null;
  conversation: VisitorConversation | null = null;
  wait: WaitEstimate | null = null;
  team: PublicAgent[] = [];
  /** Name of the agent typing now, or null. */
  typingName: string | null = null;
  /** The customer chose "call me back" during or after a call: the form shows whatever the queue says. */
  wantsCallback = false;
  readonly call: WidgetCall;
  /** Files chosen for the next message, and the conversation's files to show. */
  readonly files: ChatFiles;
  /** "See someone in a store" instead of waiting, on this conversation. */
  readonly storeVisits: StoreVisits;

  readonly timeline = new Timeline();
  readonly outbox: Outbox<StoredMessage>;
  private agentRead = new Map<string, number>();
  private readSent = new Map<string, number>();
  private token: string | null;
  private readonly conn: RealtimeClient;
  private readonly clock: Clock;
  private readonly uuid: () => string;
  private readonly random: () => number;
  private typingTimer: unknown = null;
  /** Highest seq held per conversation when `resume` was sent: all of it is complete once `resumed` arrives. */
  private readonly resuming = new ResumeMarks();
  private sessionRetry: unknown = null;
  private sessionAttempt = 0;
  private authFailures = 0;
  private listeners: Array<() => void> = [];
  readonly typing: TypingSender;

  constructor(private readonly d: ChatDeps) {
    this.clock = d.clock ?? realClock;
    this.uuid = d.uuid ?? newClientId;
    this.random = d.random ?? Math.random;
    this.token = d.kv.get(this.key('token'));
    // Signed in as someone else, or signed out, since this browser's chat began: never show them another's chat.
    if ((d.kv.get(this.key('user')) ?? '') !== (d.user?.userId ?? '')) {
      d.kv.remove(this.key('token'));
      d.kv.remove(this.key('outbox'));
      this.token = null;
    }
    this.outbox = new Outbox({
      store: storedOutbox(d.kv, this.key('outbox')),
      transmit: (m) =>
        this.conn.send({
          type: 'send',
          clientId: m.clientId,
          body: m.body,
          ...(m.attachments?.length ? { attachmentIds: m.attachments.map((a) => a.id) } : {}),
        }),
      clock: this.clock,
      random: this.random,
    });
    this.call = new WidgetCall(
      (frame) => this.conn.send(frame),
      () => this.changed(),
    );
    this.conn = new RealtimeClient({
      url: () => (this.token ? visitorSocketUrl(d.base, this.token) : null),
      outbox: this.outbox,
      resumeFrom: () => {
        const extra = this.conversation ? [this.conversation.id] : [];
        this.resuming.begin(this.timeline.cursors(extra));
        return this.timeline.resumeCursors(extra);
      },
      resumed: () => {
        for (const [id, seq] of Object.entries(this.resuming.finish())) this.timeline.settle(id, seq);
      },
      frame: (f) => this.onFrame(f),
      state: (s) => {
        this.link = s;
        this.changed();
      },
      unauthenticated: () => this.onUnauthenticated(),
      forbidden: () => {
        this.problem = 'Chat isn’t available on this page right now.';
        this.conn.stop();
        this.changed();
      },
      ...(d.makeSocket ? { makeSocket: d.makeSocket } : {}),
      clock: this.clock,
      random: this.random,
    });
    this.files = new ChatFiles(
      d.api,
      () => this.token,
      this.uuid,
      () => this.changed(),
    );
    this.storeVisits = new StoreVisits(
      d.api,
      () => this.token,
      () => this.conversation?.id ?? null,
      !!d.user?.email,
    );
    this.typing = new TypingSender((typing) => {
      const id = this.conversation?.id;
      if (id) this.conn.send({ type: 'typing', conversationId: id, typing });
    }, this.clock);
  }

  /** Subscribe to state changes; returns the unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  /** True when this visitor has been here before (a token or unsent messages): worth connecting before they open the panel. */
  get returning(): boolean {
    return !!this.token || this.outbox.pending().length > 0;
  }

  /** Load the session (idempotent) and connect. */
  start(): void {
    if (this.phase === 'loading' || this.phase === 'ready') return;
    void this.loadSession();
  }

  /** Rows to render, in order. */
  items(): TimelineItem[] {
    const failed: FailedItem[] = [];
    for (const m of this.outbox.items()) if (m.status === 'failed') failed.push({ ...m, error: m.error ?? '' });
    const items = buildItems(this.timeline.entries(), this.outbox.pending(), failed, (id) => this.agentRead.get(id) ?? 0);
    // The booking's own sentence is on the confirmation card already: not twice in a row.
    const booked = this.callbackConfirmation;
    return booked ? items.filter((i) => i.kind !== 'event' || i.text !== booked) : items;
  }

  /** Agent messages the visitor has not seen yet (launcher badge). */
  unread(): number {
    const seen = readJSON<Record<string, number>>(this.d.kv, this.key('seen'), {});
    return countUnread(this.timeline.entries(), (id) => seen[id] ?? 0);
  }

  /**
   * The better choices than waiting to offer now: only those the server lists, only once the visitor has written,
   * and only while nobody is helping and nothing has been arranged yet (a callback or an email reply).
   */
  get choices(): WaitChoice[] {
    const c = this.conversation;
    if (this.wantsCallback && c && c.status !== 'resolved' && !this.callback) return ['callback'];
    if (!c || c.assignee || c.status === 'resolved' || c.promisedReplyBy || this.promise || this.callback) return [];
    if (!this.visitorWrote(c.id)) return [];
    const offered = this.wait?.choices ?? []; // a server older than the contract sends none
    return offered.filter((x) => x === 'callback' || x === 'leave_message');
  }

  /** The callback booked for the current conversation while it is still to happen, else null. */
  get callback(): Callback | null {
    const cb = this.conversation?.callback;
    return isActiveCallback(cb) ? cb : null;
  }

  /** What the visitor was told when they booked the callback (the server's sentence), or one made from the booking. */
  get callbackConfirmation(): string | null {
    const cb = this.callback;
    if (!cb) return null;
    const saved = readJSON<{ id?: string; text?: string } | null>(this.d.kv, this.key('callback'), null);
    if (saved?.id === cb.id && saved.text) return saved.text;
    return callbackConfirmation(cb, new Date(this.clock.now()));
  }

  /** The promise made after "leave a message", for the current conversation. */
  get promise(): string | null {
    const c = this.conversation;
    if (!c) return null;
    const p = readJSON<{ conversationId?: string; text?: string } | null>(this.d.kv, this.key('promise'), null);
    if (p?.conversationId === c.id && p.text) return p.text;
    return null;
  }

  /**
   * Queue a message with the files chosen for it: it is shown at once, persisted, and sent now or on reconnect.
   * False when there is nothing to send, or a file is still uploading.
   */
  send(body: string): boolean {
    const attachments = this.files.ready();
    if ((!body.trim() && !attachments.length) || this.files.uploading) return false;
    this.typing.stop();
    this.outbox.add({
      clientId: this.uuid(),
      body,
      ...(attachments.length ? { attachments } : {}),
      at: this.clock.now(),
      status: 'sending',
      error: null,
    });
    this.files.clear();
    this.start();
    this.changed();
    return true;
  }

  /** Send a failed message again under its clientId: should the first try have been stored after all, it is not stored twice. */
  retry(clientId: string): void {
    this.outbox.retry(clientId);
    this.start();
    this.changed();
  }

  /** Tell the server what the visitor has seen (call when the panel is open and the page visible). */
  markSeen(): void {
    const c = this.conversation;
    const seenKey = this.key('seen');
    const seen = readJSON<Record<string, number>>(this.d.kv, seenKey, {});
    let changed = false;
    for (const [id, seq] of Object.entries(this.timeline.cursors())) {
      if (seq > (seen[id] ?? 0)) {
        seen[id] = seq;
        changed = true;
      }
    }
    if (changed) this.d.kv.set(seenKey, JSON.stringify(seen));
    if (c) {
      const seq = this.timeline.lastSeq(c.id);
      if (seq > (this.readSent.get(c.id) ?? 0) && this.conn.send({ type: 'read', conversationId: c.id, seq })) {
        this.readSent.set(c.id, seq);
      }
    }
    if (changed) this.changed();
  }

  /** Leave an email for a reply; resolves to an error message for the visitor, or null on success. */
  async leaveMessage(email: string, name: string): Promise<string | null> {
    const c = this.conversation;
    if (!c || !this.token) return 'Please send us your question first.';
    try {
      const body: { conversationId: string; email: string; name?: string } = { conversationId: c.id, email: email.trim() };
      if (name.trim()) body.name = name.trim();
      const res = await this.d.api.leaveMessage(this.token, body);
      this.d.kv.set(this.key('promise'), JSON.stringify({ conversationId: res.conversation.id, text: res.promise.text }));
      this.conversation = res.conversation;
      this.changed();
      return null;
    } catch (err) {
      return err instanceof ApiError ? cleanMessage(err.message) : 'Something went wrong. Please try again.';
    }
  }

  /** The windows the visitor may choose for a callback, still open now; or a calm error to show. */
  async callbackWindows(): Promise<{ windows: CallbackWindow[]; timezone: string } | { error: string }> {
    if (!this.token) return { error: 'Please send us your question first.' };
    try {
      const res: CallbackWindowsResult = await this.d.api.callbackWindows(this.token);
      return { windows: openWindows(res.windows ?? [], new Date(this.clock.now())), timezone: res.timezone };
    } catch (err) {
      return { error: err instanceof ApiError ? cleanMessage(err.message) : 'We couldn’t load the times. Please try again.' };
    }
  }

  /** Book a callback; resolves to null on success, else the message and the field it is about. */
  async bookCallback(
    phone: string,
    window: CallbackWindow,
    inBrowser = false,
  ): Promise<{ field: 'phone' | 'window' | null; message: string } | null> {
    const c = this.conversation;
    if (!c || !this.token) return { field: null, message: 'Please send us your question first.' };
    try {
      const res = await this.d.api.bookCallback(this.token, {
        conversationId: c.id,
        phone: phone.trim(),
        windowStart: window.start,
        windowEnd: window.end,
        inBrowser,
      });
      this.d.kv.set(this.key('callback'), JSON.stringify({ id: res.callback.id, text: res.text }));
      this.conversation = { ...res.conversation, callback: res.conversation.callback ?? res.callback };
      this.changed();
      return null;
    } catch (err) {
      if (!(err instanceof ApiError)) return { field: null, message: 'Something went wrong. Please try again.' };
      return { field: callbackErrorField(err.message, err.details), message: cleanMessage(err.message) };
    }
  }

  /** Another tab changed shared storage: pick up its outbox, token or seen state. */
  storageChanged(key: string | null): void {
    if (key === null || key === this.key('token')) {
      const t = this.d.kv.get(this.key('token'));
      if (t && t !== this.token && this.phase !== 'loading') {
        // Another tab now speaks for this visitor with a different identity: follow it, history included.
        this.conn.stop();
        this.dropIdentity();
        this.token = t;
        void this.loadSession();
      }
    }
    this.changed();
  }

  /** The browser is back online: do not wait for the backoff. */
  online(): void {
    if (this.phase === 'error') void this.loadSession();
    this.conn.reconnect();
  }

  private key(name: 'token' | 'outbox' | 'seen' | 'promise' | 'callback' | 'user'): string {
    return storageKey(this.d.workspaceKey, name);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private async loadSession(): Promise<void> {
    if (this.sessionRetry != null) this.clock.clearTimeout(this.sessionRetry);
    this.sessionRetry = null;
    this.phase = 'loading';
    this.changed();
    try {
      let res: Awaited<ReturnType<Api['session']>>;
      try {
        res = await this.d.api.session(this.d.workspaceKey, this.token ?? undefined, this.d.user);
      } catch (err) {
        // A forged or expired token, or a signed-in user the server could not verify: chat as a new
        // anonymous visitor rather than locking them out.
        if (!(err instanceof ApiError && err.status === 401 && (this.token || this.d.user))) throw err;
        if (this.d.user) console.warn('[warmline] the signed-in user could not be verified; chatting anonymously');
        this.dropIdentity();
        res = await this.d.api.session(this.d.workspaceKey);
      }
      if (res.visitorToken !== this.token) {
        if (this.token) this.dropIdentity();
        this.token = res.visitorToken;
        this.d.kv.set(this.key('token'), res.visitorToken);
        this.d.kv.set(this.key('user'), this.d.user?.userId ?? '');
      }
      this.workspace = res.workspace;
      this.conversation = res.conversation;
      this.wait = res.wait;
      this.team = res.team;
      this.timeline.addAll(res.entries);
      // Read from the database: nothing visible up to the highest seq read is missing.
      for (const e of res.entries) this.timeline.settle(e.conversationId, e.seq);
      this.settleOutbox();
      this.phase = 'ready';
      this.problem = null;
      this.sessionAttempt = 0;
      this.changed();
      this.conn.start();
    } catch (err) {
      this.phase = 'error';
      this.problem = err instanceof ApiError ? err.message : 'Something went wrong. We’ll try again in a moment.';
      const retryAfter = err instanceof ApiError && err.retryAfter ? err.retryAfter * 1000 : 0;
      const permanent = err instanceof ApiError && (err.status === 403 || err.status === 404);
      if (!permanent) {
        const delay = Math.max(retryAfter, backoffDelay(this.sessionAttempt++ + 2, this.random));
        this.sessionRetry = this.clock.setTimeout(() => void this.loadSession(), delay);
      }
      this.changed();
    }
  }

  /** Forget who we were (token refused): the old timeline belongs to an identity we no longer hold. */
  private dropIdentity(): void {
    this.token = null;
    this.d.kv.remove(this.key('token'));
    this.timeline.clear();
    this.resuming.clear();
    this.conversation = null;
    this.agentRead.clear();
    this.readSent.clear();
  }

  private onUnauthenticated(): void {
    this.dropIdentity();
    this.authFailures++;
    // A server that keeps refusing fresh tokens must not be hammered in a loop.
    const delay = this.authFailures > 1 ? backoffDelay(this.authFailures, this.random) : 0;
    this.phase = 'idle';
    this.sessionRetry = this.clock.setTimeout(() => void this.loadSession(), delay);
  }

  /** Drop outbox items the server already holds (delivered, but the ack was lost to a reload). */
  private settleOutbox(): void {
    for (const item of this.outbox.pending()) if (this.timeline.hasClientId(item.clientId)) this.outbox.settle(item.clientId);
  }

  private onFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'ready':
        // The client has sent `resume` and the outbox already.
        this.authFailures = 0;
        this.readSent.clear(); // a new socket: re-announce the read position when next visible
        this.call.connected();
        break;
      case 'ack':
        this.ensureConversation(f.conversationId, f.entry.createdAt);
        this.addEntry(f.entry);
        break;
      case 'entry':
        this.ensureConversation(f.entry.conversationId, f.entry.createdAt);
        this.addEntry(f.entry);
        break;
      case 'visitor_conversation':
        // A server older than the contract omits `callback`: keep the one we booked rather than forget it.
        this.conversation = {
          ...f.conversation,
          callback:
            f.conversation.callback !== undefined
              ? f.conversation.callback
              : this.conversation?.id === f.conversation.id
                ? this.conversation.callback
                : null,
        };
        break;
      case 'wait':
        this.wait = f.wait;
        break;
      case 'typing':
        if (f.by.kind !== 'agent') return;
        this.setTyping(f.typing ? (f.by.name ?? this.conversation?.assignee?.displayName ?? 'Someone') : null);
        break;
      case 'read':
        if (f.by === 'agent') this.agentRead.set(f.conversationId, Math.max(f.seq, this.agentRead.get(f.conversationId) ?? 0));
        break;
      case 'visitor_call':
      case 'call.signal':
        this.call.receive(f);
        return;
      case 'error':
        if (!f.clientId) this.call.failed(f.error.message);
        // A send's error (failed, or pending again if the server could not store it yet) is the outbox's.
        if (!f.clientId && f.error.code === 'rate_limited') {
          this.notice = f.error.message;
        }
        break;
      default:
        return; // pong and agent-only frames change nothing visible
    }
    this.changed();
  }

  private addEntry(e: Entry): void {
    if (!this.timeline.add(e)) return;
    if (e.kind === 'message' && e.direction === 'out') this.setTyping(null);
    if (e.kind === 'message' && e.direction === 'in') this.notice = null;
  }

  /** Learn of a conversation from its first entry, before `visitor_conversation` tells us the rest. */
  private ensureConversation(id: string, at: string): void {
    // Only a conversation never seen before becomes current; late entries of an older one must not switch back.
    if (this.conversation?.id === id || this.timeline.lastSeq(id) > 0) return;
    this.conversation = {
      id,
      status: 'waiting',
      assignee: null,
      lastSeq: 0,
      promisedReplyBy: null,
      callback: null,
      startedAt: at,
    };
  }

  /** True once the visitor has written in this conversation (delivered, or still on its way). */
  private visitorWrote(conversationId: string): boolean {
    if (this.outbox.pending().length > 0) return true;
    return this.timeline
      .entries()
      .some((e) => e.conversationId === conversationId && e.kind === 'message' && e.direction === 'in');
  }

  private setTyping(name: string | null): void {
    if (this.typingTimer != null) this.clock.clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.typingName = name;
    if (name) {
      this.typingTimer = this.clock.setTimeout(() => {
        this.typingName = null;
        this.changed();
      }, TYPING_SHOW_MS);
    }
  }
}
