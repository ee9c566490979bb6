// What both chat baselines share: a `ws` server whose "agent" sockets (`/agent?shop=`) receive the frames of their
// shop's visitors (`/visitor?shop=`), each acknowledged to its sender. How a frame is stored before that is theirs.
import { type WebSocket, WebSocketServer } from 'ws';

/** A visitor's frame, with where its acknowledgement and its copy go. */
export interface RelayFrame {
  socket: WebSocket;
  shop: string;
  clientId: string;
  body: string;
}

/** Starts the relay; `received` decides when each frame is delivered (`deliver(frame, seq)`). */
export function startRelay(received: (frame: RelayFrame) => void, onStop: () => Promise<void> = async () => {}) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const agentsOf = new Map<string, Set<WebSocket>>();
  wss.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://relay');
    const shop = url.searchParams.get('shop') ?? '';
    if (url.pathname === '/agent') {
      const agents = agentsOf.get(shop) ?? new Set();
      agentsOf.set(shop, agents);
      agents.add(socket);
      socket.on('close', () => agents.delete(socket));
      return;
    }
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { clientId: string; body: string };
      received({ socket, shop, clientId: frame.clientId, body: frame.body });
    });
  });
  wss.on('listening', () => {
    const { port } = wss.address() as { port: number };
    process.stdout.write(`listening on port ${port}\n`);
  });
  process.on('SIGTERM', () =>
    wss.close(async () => {
      await onStop();
      process.exit(0);
    }),
  );
  return {
    /** Acknowledges the frame to its sender and forwards it to its shop's agents. */
    deliver(f: RelayFrame, seq: number) {
      f.socket.send(JSON.stringify({ type: 'ack', clientId: f.clientId, seq }));
      const out = JSON.stringify({ type: 'entry', entry: { clientId: f.clientId, body: f.body, seq } });
      for (const a of agentsOf.get(f.shop) ?? []) a.send(out);
    },
  };
}
