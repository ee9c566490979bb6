// The embedded database's own thread (see pgliteThread.ts): it owns the PGlite instance and answers
// { id, op, … } messages with { id, rows } or { id, error }. Plain JavaScript, because worker threads do not
// inherit the TypeScript loader of the main thread.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

const port = parentPort;
if (!port) throw new Error('pgliteWorker.mjs runs as a worker thread');

/**
 * A commit must be on the disk before it is acknowledged, power cuts included. PGlite starts PostgreSQL with fsync
 * off (`-F`), and the Node file system under it cannot sync a file at all, so a commit would only reach the
 * operating system's cache: safe when the process dies, lost when the machine does. Here PostgreSQL runs with fsync
 * on, flushes its WAL with fsync() (the one call the file system passes on), and that call reaches the disk.
 */
class DurableNodeFS extends NodeFS {
  async init(pg, opts) {
    const setup = await super.init(pg, opts);
    setup.emscriptenOpts.preRun.push((mod) => {
      mod.NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fs.fdatasyncSync(stream.nfd);
        return 0;
      };
    });
    return setup;
  }
}
const startParams = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

let lite;
try {
  lite = await PGlite.create({ fs: new DurableNodeFS(workerData.dataDir), startParams });
  port.postMessage({ id: 0, rows: [] });
} catch (err) {
  port.postMessage({ id: 0, error: serialise(err) });
}

/** Open transactions by id: the queue of their statements, fed by messages, drained inside PGlite's transaction. */
const transactions = new Map();

/**
 * PGlite has no autovacuum: every 10 s the thread vacuums and analyzes the tables that autovacuum would (its default
 * thresholds), so that rows updated on every message (a conversation's last seq and preview) do not pile up as dead
 * versions that every later read and update steps over, and the planner knows how big the tables have grown.
 */
const TIDY_EVERY_MS = 10_000;
let tidying = Promise.resolve();
let closing = false;
setInterval(() => {
  tidying = tidying.then(tidy);
}, TIDY_EVERY_MS).unref();

async function tidy() {
  if (closing) return;
  try {
    const { rows } = await lite.query(
      `select quote_ident(schemaname) || '.' || quote_ident(relname) as name,
         n_dead_tup > 50 + 0.2 * n_live_tup or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup as vacuum,
         n_mod_since_analyze > 50 + 0.1 * n_live_tup as analyze
       from pg_stat_user_tables`,
    );
    for (const t of rows) {
      if (closing) return;
      if (t.vacuum) await lite.exec(`vacuum ${t.analyze ? '(analyze) ' : ''}${t.name}`);
      else if (t.analyze) await lite.exec(`analyze ${t.name}`);
    }
  } catch {
    // Tidying is an optimisation: a failure leaves the data as it was, and the next round tries again.
  }
}

port.on('message', (msg) => {
  switch (msg.op) {
    case 'query':
    case 'exec':
      if (msg.tx) return inTransaction(msg);
      answer(msg.id, run(lite, msg));
      return;
    case 'begin':
      return begin(msg.id);
    case 'commit':
    case 'rollback':
      return inTransaction(msg);
    case 'close':
      // With the port closed and PGlite shut, nothing is left to run: the thread ends.
      closing = true;
      answer(
        msg.id,
        tidying.then(() => lite.close()).then(() => []),
      ).then(() => port.close());
      return;
  }
});

function inTransaction(msg) {
  const tx = transactions.get(msg.tx);
  if (tx) tx.push(msg);
  else answer(msg.id, Promise.reject(new Error('The transaction has already ended.')));
}

function run(db, msg) {
  return msg.op === 'exec' ? db.exec(msg.text).then(() => []) : db.query(msg.text, msg.params).then((res) => res.rows);
}

function answer(id, result) {
  return result.then(
    (rows) => port.postMessage({ id, rows }),
    (err) => port.postMessage({ id, error: serialise(err) }),
  );
}

/**
 * Starts a transaction and holds PGlite's connection until the main thread commits or rolls back. Statements of
 * the transaction run in the order they were sent; other statements wait, as they do in PGlite itself.
 */
function begin(txId) {
  const waiting = [];
  let wake = null;
  transactions.set(txId, {
    push(msg) {
      waiting.push(msg);
      wake?.();
    },
  });
  const next = async () => {
    while (!waiting.length) await new Promise((resolve) => (wake = resolve));
    wake = null;
    return waiting.shift();
  };
  let end = null;
  lite
    .transaction(async (tx) => {
      port.postMessage({ id: txId, rows: [] });
      for (;;) {
        const msg = await next();
        if (msg.op === 'commit' || msg.op === 'rollback') {
          end = msg;
          if (msg.op === 'rollback') await tx.rollback();
          return;
        }
        await answer(msg.id, run(tx, msg));
      }
    })
    .then(
      () => port.postMessage({ id: end.id, rows: [] }),
      (err) => port.postMessage({ id: end ? end.id : txId, error: serialise(err) }),
    )
    .finally(() => {
      transactions.delete(txId);
      // Statements sent after the transaction failed to start, or after it ended, are answered too.
      for (const msg of waiting.splice(0)) answer(msg.id, Promise.reject(new Error('The transaction has already ended.')));
    });
}

/** Errors cross the thread boundary as plain objects, keeping PostgreSQL's fields (code, detail, constraint…). */
function serialise(err) {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === undefined || typeof value === 'function') continue;
    if (key === 'query' || key === 'params' || key === 'queryOptions') continue;
    fields[key] = value;
  }
  return { ...fields, name: err.name, message: err.message, stack: err.stack };
}
