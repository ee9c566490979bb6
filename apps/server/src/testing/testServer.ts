import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Clock, systemClock } from '../core/clock.ts';
import { loadConfig } from '../core/config.ts';
import { type Running, startServer } from '../server.ts';

export type TestServer = Running;

let shared: Promise<TestServer> | null = null;

/**
 * One real server per test worker: the embedded PostgreSQL in a temporary directory by default, PostgreSQL and Redis when
 * DATABASE_URL / REDIS_URL are set. Tests isolate themselves by creating their own workspaces.
 */
export function testServer(): Promise<TestServer> {
  shared ??= startTestServer(fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-test-')));
  return shared;
}

let schema: Promise<string> | null = null;

/**
 * With PostgreSQL, each test file's servers (both nodes of a two-node test) live in a schema of their own in
 * DATABASE_URL's database. Every node runs durable jobs of any workspace it sees, so test files sharing tables would
 * run each other's jobs with their own settings (another mail relay, another clock); a deployment's nodes share
 * one configuration, test files do not.
 */
function databaseUrlOfThisFile(): Promise<string> | undefined {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  schema ??= (async () => {
    const name = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`create schema ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${name}`);
    return url.toString();
  })();
  return schema;
}

/** Starts a server of its own on `dataDir` (or the shared PostgreSQL), for tests that must stop and restart it. */
export async function startTestServer(dataDir: string): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    WARMLINE_DATA_DIR: dataDir,
    DATABASE_URL: await databaseUrlOfThisFile(),
    REDIS_URL: process.env.REDIS_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SIGN_IN_LIMIT_PER_15_MIN: '1000',
    // A phone line that is only configured, never reached: its routes answer as on a real install (nothing dials out).
    JANUS_URL: 'ws://127.0.0.1:9/janus',
    JANUS_TOKEN_SECRET: 'test-janus-token-secret',
    SIP_PROXY: 'sip:127.0.0.1:9',
    SIP_DOMAIN: 'pbx.test',
    SIP_LINE_SECRET: 'test-line-secret',
  });
  const server = await startServer(config);
  // The port is known only after listening; the server's own origin follows it.
  server.config.publicUrl = server.url;
  return server;
}

/** Which database the suite runs on, for test titles and logs. */
export const backend = process.env.DATABASE_URL ? 'postgres' : 'embedded';

/** True when tests can start more nodes of one deployment: the same PostgreSQL and Redis (DATABASE_URL, REDIS_URL). */
export const multiNode = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/**
 * Another node beside `testServer()`, on the same PostgreSQL and Redis: what one node commits must reach the
 * sockets of the other through the bus. Only when `multiNode`; the caller stops it.
 */
export async function startOtherNode(): Promise<TestServer> {
  if (!multiNode) throw new Error('A second node needs DATABASE_URL and REDIS_URL (the embedded database is one node).');
  return startTestServer(fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-node-')));
}

/** How a cross-node test runs: one node always; with PostgreSQL and Redis also two (changed through a, seen on b). */
export type Layout = 'one node' | 'two nodes';
export const layouts: readonly Layout[] = multiNode ? ['one node', 'two nodes'] : ['one node'];

/**
 * Nodes a and b of a layout, for the enclosing describe: a is this worker's server; b is a second node on the same
 * PostgreSQL and Redis for 'two nodes', else a again. The second node is started before the tests and stopped after.
 */
export function nodesOf(layout: Layout, use: (nodes: { a: TestServer; b: TestServer }) => void): void {
  let other: TestServer | null = null;
  beforeAll(async () => {
    const a = await testServer();
    other = layout === 'two nodes' ? await startOtherNode() : null;
    use({ a, b: other ?? a });
  });
  afterAll(async () => {
    await other?.stop();
  });
}

/**
 * For a describe whose tests move time by hand: this file's server runs on `clock` while they run (jobs, promises,
 * windows), and on the system clock again after, whatever the time of day the tests run at.
 */
export function serverOnClock(clock: Clock, use: (t: TestServer) => void): void {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await testServer();
    server.now = clock;
    use(server);
  });
  afterAll(() => {
    if (server) server.now = systemClock;
  });
}
