// Baseline for the chat benchmarks: a bare `ws` relay that acknowledges each frame and forwards it to the
// "agent" sockets of the sender's shop (`?shop=`), with no validation, storage or authorisation. What Warmline
// adds is measured against it.
import { type WebSocket, WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
const agentsOf = new Map<string, Set<WebSocket>>();
let seq = 0;
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
    seq++;
    socket.send(JSON.stringify({ type: 'ack', clientId: frame.clientId, seq }));
    const out = JSON.stringify({ type: 'entry', entry: { clientId: frame.clientId, body: frame.body, seq } });
    for (const a of agentsOf.get(shop) ?? []) a.send(out);
  });
});
wss.on('listening', () => {
  const { port } = wss.address() as { port: number };
  process.stdout.write(`listening on port ${port}\n`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
