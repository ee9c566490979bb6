import { Worker } from 'node:worker_threads';
import type { Db, Sql } from './client.ts';

type Request =
  | { op: 'query'; text: string; params?: unknown[] | undefined; tx?: number }
  | { op: 'exec'; text: string; tx?: number }
  | { op: 'begin' }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'close' };

interface Reply {
  id: number;
  rows?: unknown[];
  error?: Record<string, unknown> & { message: string };
}

/**
 * The embedded PGlite on a thread of its own (pgliteWorker.mjs). PGlite runs every statement synchronously
 * (WebAssembly) on the thread that owns it; here that is not the thread serving sockets, so the database and
 * the server use a core each. A transaction holds the worker's single connection from BEGIN to COMMIT, and other
 * statements wait for it, as in PGlite itself. Rows and parameters cross threads by structured clone (Dates stay
 * Dates); errors keep PostgreSQL's fields (`code`, `detail`, `constraint`…).
 */
export async function openPgliteThread(dataDir: string): Promise<Db> {
  const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve(rows: unknown[]): void; reject(err: Error): void }>();
  let nextId = 1;
  let broken: Error | null = null;

  const ready = new Promise<unknown[]>((resolve, reject) => pending.set(0, { resolve, reject }));
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    // Idle, the thread must not keep the process alive; a statement under way must.
    if (pending.size === 0) worker.unref();
    if (reply.error) waiter.reject(revive(reply.error));
    else waiter.resolve(reply.rows ?? []);
  });
  const fail = (err: Error) => {
    broken = err;
    for (const waiter of pending.values()) waiter.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The embedded database thread stopped (exit code ${code}).`)));

  function send(id: number, request: Request): Promise<unknown[]> {
    if (broken) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }
  const call = (request: Request) => send(nextId++, request);

  const sqlOn = (tx?: number): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      return (await call({ op: 'query', text, params, ...(tx ? { tx } : {}) })) as T[];
    },
    async exec(script: string) {
      await call({ op: 'exec', text: script, ...(tx ? { tx } : {}) });
    },
  });

  await ready.catch(async (err) => {
    await worker.terminate();
    throw err;
  });
  return {
    kind: 'pglite',
    ...sqlOn(),
    async transaction(fn) {
      const tx = nextId++;
      // Statements follow BEGIN without waiting for its answer: the thread runs them in order.
      const began = send(tx, { op: 'begin' });
      began.catch(() => {});
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(sqlOn(tx));
        await began;
      } catch (err) {
        await call({ op: 'rollback', tx }).catch(() => {});
        throw err;
      }
      await call({ op: 'commit', tx });
      return result;
    },
    async close() {
      if (broken) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await call({ op: 'close' });
      worker.ref();
      await exited;
    },
  };
}

/** An Error on this thread with the fields the database thread's error had. */
function revive(fields: Record<string, unknown> & { message: string }): Error {
  const err = new Error(fields.message);
  Object.assign(err, fields);
  return err;
}
