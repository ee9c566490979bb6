import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from './fakeSocket.test-util.ts';
import { Connection, PING_MS } from './socket.ts';

function setup(url: string | null = 'ws://h/ws/visitor?token=t') {
  const states: string[] = [];
  const frames: string[] = [];
  const auth = vi.fn();
  const conn = new Connection(
    {
      url: () => url,
      frame: (f) => frames.push(f.type),
      state: (s) => states.push(s),
      unauthenticated: auth,
      forbidden: vi.fn(),
    },
    { makeSocket: (u) => new FakeSocket(u), random: () => 0.5 },
  );
  return { conn, states, frames, auth };
}

describe('Connection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends only once the server is ready', () => {
    const { conn, frames } = setup();
    conn.start();
    expect(conn.send({ type: 'ping' })).toBe(false);
    FakeSocket.last().accept();
    expect(frames).toEqual(['ready']);
    expect(conn.send({ type: 'ping' })).toBe(true);
  });

  it('reconnects with growing delays and resets after a good connection', () => {
    const { conn } = setup();
    conn.start();
    FakeSocket.last().drop();
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('reconnects with backoff after "try again later" (1013) and "shutting down" (4503), as after any drop', () => {
    const { conn, auth } = setup();
    conn.start();
    for (const [i, code] of [1013, 4503].entries()) {
      FakeSocket.last().accept();
      FakeSocket.last().drop(code);
      vi.advanceTimersByTime(499);
      expect(FakeSocket.all).toHaveLength(i + 1);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all).toHaveLength(i + 2);
    }
    expect(auth).not.toHaveBeenCalled();
  });

  it('skips the wait when told the network is back', () => {
    const { conn } = setup();
    conn.start();
    FakeSocket.last().drop();
    conn.reconnect();
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('hands a refused token to its owner instead of retrying blindly', () => {
    const { conn, auth } = setup();
    conn.start();
    FakeSocket.last().drop(4401);
    expect(auth).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('pings every 25 s and drops a silent socket', () => {
    const { conn } = setup();
    conn.start();
    const ws = FakeSocket.last();
    ws.accept();
    vi.advanceTimersByTime(PING_MS);
    expect(ws.types()).toEqual(['ping']);
    vi.advanceTimersByTime(PING_MS * 2);
    // 75 s without a pong: the socket is presumed dead and replaced.
    expect(ws.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('waits for a token before connecting', () => {
    const { conn } = setup(null);
    conn.start();
    expect(FakeSocket.all).toHaveLength(0);
  });
});
