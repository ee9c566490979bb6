import type { ClientFrame, ServerFrame } from '@warmline/shared';
import { reconnectDelayMs } from './backoff.ts';

export interface SocketHandlers {
  onFrame(frame: ServerFrame): void;
  onStatus(status: 'connecting' | 'open' | 'reconnecting'): void;
  /** The session is gone (close code 4401): reconnecting would not help. */
  onUnauthenticated(): void;
}

const PING_EVERY_MS = 25_000;
/** `CloseCode.unauthenticated` in @warmline/shared; copied so the bundle does not pull in zod for one number. */
const CLOSE_UNAUTHENTICATED = 4401;

/** The agent's WebSocket: reconnects with backoff until stopped; the store decides what to resend. */
export class AgentSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private ready = false;

  constructor(private readonly handlers: SocketHandlers) {}

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    this.clearTimers();
    this.socket?.close(1000, 'signed out');
    this.socket = null;
  }

  /** True once the server said `ready`: frames sent now will be handled. */
  isReady(): boolean {
    return this.ready && this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends a frame if the socket is ready; returns false so the caller can keep it for later. */
  send(frame: ClientFrame): boolean {
    if (!this.isReady()) return false;
    this.socket!.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    this.clearTimers();
    this.ready = false;
    this.handlers.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/agent`;
    const socket = new WebSocket(url);
    this.socket = socket;

    socket.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        this.ready = true;
        this.attempt = 0;
        this.handlers.onStatus('open');
      }
      this.handlers.onFrame(frame);
    };
    socket.onopen = () => {
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      this.clearTimers();
      if (this.stopped) return;
      if (event.code === CLOSE_UNAUTHENTICATED) {
        this.handlers.onUnauthenticated();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.handlers.onStatus('reconnecting');
    const delay = reconnectDelayMs(this.attempt);
    this.attempt++;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** The browser says the network is back: skip the remaining backoff. */
  private readonly reconnectNow = (): void => {
    if (this.stopped || this.socket) return;
    this.connect();
  };

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}
