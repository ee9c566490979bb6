import type { Entry } from '@warmline/shared';
import type { Chats } from './chats.ts';
import type { AgentClient, VisitorClient } from './clients.ts';
import type { Cluster } from './cluster.ts';
import { waitFor } from './processes.ts';

/** The counts a fault test prints, and every way the guarantee was broken (empty when it held). */
export interface Tally {
  written: number;
  acknowledged: number;
  stored: number;
  /** (message, client that should see it) pairs where the client holds it at its seq. */
  seen: number;
  shouldSee: number;
  resent: number;
  reconnects: number;
  unavailable: number;
  redelivered: number;
  outOfOrder: number;
  closes: Record<number, number>;
  problems: string[];
}

interface Written {
  clientId: string;
  writer: VisitorClient | AgentClient;
  entry: Entry | undefined;
}

function allClients(chats: Chats): Array<VisitorClient | AgentClient> {
  return [...chats.visitors, ...chats.agents];
}

/** Who must see a message of `conversationId`: its visitor and every agent. */
function audience(chats: Chats, conversationId: string): Array<VisitorClient | AgentClient> {
  return [...chats.visitors.filter((v) => v.conversationId === conversationId), ...chats.agents];
}

function holds(client: VisitorClient | AgentClient, entry: Entry): boolean {
  const timeline = 'timelines' in client ? client.timelines.get(entry.conversationId) : client.timeline;
  return timeline?.bySeq.get(entry.seq)?.clientId === entry.clientId;
}

/**
 * Waits (bounded) until every message written has been acknowledged and reached everyone who should see it —
 * live or by resume, never by a catch-up the test forces.
 */
export async function settle(chats: Chats, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    'every message to be acknowledged and seen by the other side',
    () =>
      allClients(chats).every((c) => c.outbox.size === 0) &&
      allClients(chats).every((writer) =>
        [...writer.acked.values()].every((entry) => audience(chats, entry.conversationId).every((c) => holds(c, entry))),
      ),
    { timeoutMs, intervalMs: 250 },
  ).catch(() => {
    // The tally names what is missing.
  });
}

/**
 * Compares what clients wrote, what was acknowledged, what PostgreSQL holds and what each client shows:
 * every acknowledged message stored once at its acknowledged seq, shown once at that seq to everyone who should
 * see it, in the order its writer wrote it; nothing stored that no one wrote; nothing left unacknowledged.
 */
export async function tally(cluster: Cluster, chats: Chats, label: string): Promise<Tally> {
  const problems: string[] = [];
  const clients = allClients(chats);
  const written: Written[] = clients.flatMap((writer) =>
    writer.written.map((clientId) => ({ clientId, writer, entry: writer.acked.get(clientId) })),
  );
  const conversationIds = chats.visitors.map((v) => v.conversationId!);
  const rows = await cluster.pg.query<{ conversation_id: string; seq: number; client_id: string | null }>(
    `select conversation_id, seq, client_id from entries where kind = 'message' and conversation_id = any($1::uuid[])`,
    [conversationIds],
  );
  const storedBy = new Map<string, Array<{ conversationId: string; seq: number }>>();
  for (const r of rows) {
    if (!r.client_id) continue;
    const list = storedBy.get(r.client_id) ?? [];
    list.push({ conversationId: r.conversation_id, seq: r.seq });
    storedBy.set(r.client_id, list);
  }

  let acknowledged = 0;
  let stored = 0;
  let seen = 0;
  let shouldSee = 0;
  for (const w of written) {
    const copies = storedBy.get(w.clientId) ?? [];
    if (!w.entry) {
      problems.push(`${w.writer.name}: message ${w.clientId} was never acknowledged (stored ${copies.length} times)`);
      continue;
    }
    acknowledged++;
    if (copies.length !== 1)
      problems.push(`${w.writer.name}: acknowledged message ${w.clientId} is stored ${copies.length} times`);
    else if (copies[0]!.seq !== w.entry.seq || copies[0]!.conversationId !== w.entry.conversationId) {
      problems.push(
        `${w.writer.name}: message ${w.clientId} was acknowledged as seq ${w.entry.seq} but stored as seq ${copies[0]!.seq}`,
      );
    } else stored++;
    for (const viewer of audience(chats, w.entry.conversationId)) {
      shouldSee++;
      if (holds(viewer, w.entry)) seen++;
      else problems.push(`${viewer.name} never saw ${w.writer.name}'s message seq ${w.entry.seq} in ${w.entry.conversationId}`);
    }
  }
  const writtenIds = new Set(written.map((w) => w.clientId));
  for (const r of rows) {
    if (r.client_id && !writtenIds.has(r.client_id)) {
      problems.push(`stored message ${r.client_id} (seq ${r.seq}) was written by no client`);
    }
  }
  // In order: each writer's messages of one conversation hold increasing seqs in the order they were written.
  for (const client of clients) {
    const last = new Map<string, number>();
    for (const clientId of client.written) {
      const entry = client.acked.get(clientId);
      if (!entry) continue;
      const before = last.get(entry.conversationId) ?? 0;
      if (entry.seq <= before) problems.push(`${client.name}: a later message got seq ${entry.seq} after seq ${before}`);
      last.set(entry.conversationId, entry.seq);
    }
    for (const e of client.stats.errors) problems.push(`${client.name} got an error frame: ${e.code} ${e.message}`);
  }
  // Nothing shown that is not stored: every message a client holds is in PostgreSQL at that seq.
  const storedAt = new Set(rows.map((r) => `${r.conversation_id}:${r.seq}:${r.client_id}`));
  for (const client of clients) {
    const timelines = 'timelines' in client ? conversationIds.map((id) => client.timeline(id)) : [client.timeline];
    for (const t of timelines) {
      for (const e of t.messages()) {
        if (!storedAt.has(`${e.conversationId}:${e.seq}:${e.clientId}`)) {
          problems.push(`${client.name} shows seq ${e.seq} of ${e.conversationId}, which is not stored`);
        }
      }
    }
  }

  const closes: Record<number, number> = {};
  for (const c of clients) for (const [code, n] of c.stats.closes) closes[code] = (closes[code] ?? 0) + n;
  const sum = (f: (c: VisitorClient | AgentClient) => number) => clients.reduce((n, c) => n + f(c), 0);
  const timelinesOf = (c: VisitorClient | AgentClient) => ('timelines' in c ? [...c.timelines.values()] : [c.timeline]);
  const result: Tally = {
    written: written.length,
    acknowledged,
    stored,
    seen,
    shouldSee,
    resent: sum((c) => c.stats.resent),
    reconnects: sum((c) => c.stats.reconnects),
    unavailable: sum((c) => c.stats.unavailable),
    redelivered: sum((c) => timelinesOf(c).reduce((n, t) => n + t.redelivered, 0)),
    outOfOrder: sum((c) => timelinesOf(c).reduce((n, t) => n + t.outOfOrder, 0)),
    closes,
    problems,
  };
  report(label, result);
  return result;
}

/** One line of counts (and the first problems, if any) on stdout. */
export function report(label: string, t: Tally): void {
  const closes = Object.entries(t.closes)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  process.stdout.write(
    `[${label}] written ${t.written} · acknowledged ${t.acknowledged} · stored ${t.stored} · seen ${t.seen}/${t.shouldSee}` +
      ` · resent with the same clientId ${t.resent} · reconnects ${t.reconnects} (closes ${closes || 'none'})` +
      ` · unavailable frames ${t.unavailable} · delivered twice and shown once ${t.redelivered}` +
      ` · arrived out of seq order ${t.outOfOrder} · problems ${t.problems.length}\n`,
  );
  for (const p of t.problems.slice(0, 20)) process.stdout.write(`  ✗ ${p}\n`);
}
