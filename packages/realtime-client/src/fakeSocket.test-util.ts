import type { ServerFrame } from '@warmline/shared/types';
import type { SocketLike } from './socket.ts';

/** A WebSocket double: records what the client sent and lets the test play the server. */
export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  /** The newest socket made. */
  static last(): FakeSocket {
    return FakeSocket.all[FakeSocket.all.length - 1]!;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closed = true;
    this.readyState = 3;
  }

  /** Open the socket and say `ready`, as the server does after authenticating. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
    this.server({ type: 'ready', role: 'visitor' });
  }

  server(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  /** The server (or network) closes the socket. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }

  types(): unknown[] {
    return this.sent.map((f) => f.type);
  }
}
