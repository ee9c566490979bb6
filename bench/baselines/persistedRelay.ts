// The second chat baseline, "stored, then delivered": the bare relay's clients and routing, but every frame is
// group-committed into a one-index table of the same PostgreSQL Warmline uses (the embedded engine in its own data
// directory, or DATABASE_URL's server) before it is acknowledged and forwarded. Frames that arrive while a commit
// is in flight form the next batch: one multi-row insert, one commit. It is the physical limit of what Warmline
// does on this machine, without validation, authorisation, timelines or inbox views.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../apps/server/src/core/db/client.ts';
import { type RelayFrame, startRelay } from './relay.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-persisted-relay-'));
const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
const table = `relay_${process.pid}`;
await db.exec(
  `create table ${table} (seq bigserial primary key, shop text not null, client_id uuid not null, body text not null)`,
);

let pending: RelayFrame[] = [];
let writing = false;

/** One batch at a time: insert everything waiting, then answer and forward it, then the next. */
async function writeLoop() {
  writing = true;
  while (pending.length) {
    const batch = pending;
    pending = [];
    const rows = await db.query<{ seq: number }>(
      `insert into ${table} (shop, client_id, body) select * from unnest($1::text[], $2::uuid[], $3::text[]) returning seq`,
      [batch.map((f) => f.shop), batch.map((f) => f.clientId), batch.map((f) => f.body)],
    );
    for (const [i, f] of batch.entries()) relay.deliver(f, rows[i]!.seq);
    // Let the sockets' frames that arrived meanwhile join the next batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  writing = false;
}

const relay = startRelay(
  (frame) => {
    pending.push(frame);
    if (!writing) void writeLoop();
  },
  async () => {
    await db.exec(`drop table if exists ${table}`).catch(() => {});
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
);
