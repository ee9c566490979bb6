import type { ServerFrame } from '@warmline/shared';
import WebSocket from 'ws';
import type { TestServer } from './testServer.ts';

export interface TestSocket {
  ws: WebSocket;
  frames: ServerFrame[];
  send(frame: unknown): void;
  /** Resolves with the first frame (already received or yet to come) that matches; rejects after `ms`. */
  next<T extends ServerFrame['type']>(
    type: T,
    match?: (f: Extract<ServerFrame, { type: T }>) => boolean,
    ms?: number,
  ): Promise<Extract<ServerFrame, { type: T }>>;
  /** Round-trips a ping: every frame this socket sent before has been handled once it resolves. */
  sync(): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens a WebSocket to the test server (or another node) as a visitor (token) or an agent (cookie). */
export function openSocket(
  t: Pick<TestServer, 'url'>,
  path: string,
  opts: { cookie?: string; origin?: string } = {},
): TestSocket {
  const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}${path}`, {
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.origin ? { origin: opts.origin } : {}) },
  });
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame);
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    ws.on('error', () => {});
  });
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  return {
    ws,
    frames,
    send(frame) {
      void opened.then(() => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)));
    },
    next(type, match = () => true, ms = 5000) {
      let seen = 0;
      return new Promise((resolve, reject) => {
        const check = () => {
          for (; seen < frames.length; seen++) {
            const f = frames[seen]!;
            if (f.type === type && match(f as never)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(f as never);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" frame within ${ms} ms; got: ${frames.map((f) => f.type).join(', ')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async sync() {
      const before = frames.length;
      this.send({ type: 'ping' });
      await this.next('pong', (f) => frames.indexOf(f) >= before);
    },
    closed,
    close: () => ws.close(),
  };
}

/** A visitor's widget socket, open and ready. */
export async function visitorSocket(
  t: Pick<TestServer, 'url'>,
  visitorToken: string,
  opts: { origin?: string } = {},
): Promise<TestSocket> {
  const socket = openSocket(t, `/ws/visitor?token=${encodeURIComponent(visitorToken)}`, opts);
  await socket.next('ready');
  return socket;
}

/** A signed-in agent's socket, open and ready. */
export async function agentSocket(t: Pick<TestServer, 'url'>, signed: { cookie: string }): Promise<TestSocket> {
  const socket = openSocket(t, '/ws/agent', { cookie: signed.cookie });
  await socket.next('ready');
  return socket;
}

/** How the socket closed, or a failure when it is still open after `ms`. */
export function closedWithin(socket: TestSocket, ms = 5000): Promise<{ code: number; reason: string }> {
  return Promise.race([
    socket.closed,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms).unref()),
  ]);
}
