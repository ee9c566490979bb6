// chat.idle_connection_bytes: what one open, idle widget connection costs the server in resident memory.
import fs from 'node:fs';
import type WebSocket from 'ws';
import { connectAll } from './load.ts';

const SETTLE_MS = 3_000;

/** Resident memory of a process by pid (Linux). */
export function rssOfPid(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

/** Resident memory of a running Warmline, from its own /metrics. */
export async function rssOfWarmline(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = /^warmline_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
  if (!line) throw new Error('warmline_process_resident_memory_bytes missing from /metrics');
  return Number(line[1]);
}

/**
 * Opens `urls` as widgets do (connect, `resume` after `ready`, wait for `resumed` when the server says so),
 * lets the server settle, and returns resident memory growth per connection. `rss` reads the server's memory.
 */
export async function idleBytesPerConnection(
  urls: string[],
  rss: () => Promise<number> | number,
  opts: { expectResumed: boolean },
): Promise<{ bytesPerConnection: number; before: number; after: number }> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const before = await rss();
  const sockets = await connectAll(
    urls.map((url) => ({ url })),
    100,
  );
  await Promise.all(sockets.map((s) => resumeAsWidget(s, opts.expectResumed)));
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const after = await rss();
  for (const s of sockets) s.close();
  await new Promise((r) => setTimeout(r, 1_000));
  return { bytesPerConnection: (after - before) / urls.length, before, after };
}

function resumeAsWidget(socket: WebSocket, expectResumed: boolean): Promise<void> {
  socket.send(JSON.stringify({ type: 'resume', conversations: {} }));
  if (!expectResumed) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data.toString('latin1', 0, 18) !== '{"type":"resumed"}') return;
      socket.off('message', onMessage);
      resolve();
    };
    socket.on('message', onMessage);
  });
}
