import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmbeddedWarmline, postgresProcessesOf, RestVisitor, startEmbedded, watchdogsOf } from './harness/embedded.ts';
import { killAll, pause, waitFor } from './harness/processes.ts';
import { root } from './harness/warmline.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-faults-embedded-'));
const visitors: RestVisitor[] = [];
let warmline: EmbeddedWarmline | undefined;

afterAll(async () => {
  await killAll();
  await waitFor('the embedded PostgreSQL to stop', () => postgresProcessesOf(dataDir).length === 0, { timeoutMs: 30_000 });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every message each visitor had acknowledged is in its timeline exactly once, in the order it was sent. */
async function expectEveryAcknowledgedMessage(url: string): Promise<number> {
  let checked = 0;
  for (const visitor of visitors) {
    const stored = await visitor.storedBodies(url);
    const acknowledged = new Set(visitor.acknowledged);
    expect(stored.filter((body) => acknowledged.has(body))).toEqual(visitor.acknowledged);
    checked += visitor.acknowledged.length;
  }
  return checked;
}

// The steps build on one another: one data directory, one Warmline after another.
describe('the embedded PostgreSQL when Warmline dies', () => {
  it('a second Warmline on the same data directory refuses with one line naming the lock', async () => {
    warmline = await startEmbedded(dataDir, { demo: true });
    const second = spawnSync(process.execPath, ['bin/warmline.mjs', 'start'], {
      cwd: root,
      env: { ...process.env, PORT: '0', WARMLINE_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(/in use by another Warmline process \(pid \d+\); lock file .*warmline\.lock/);
    // The first one was not disturbed.
    expect((await fetch(`${warmline.url}/readyz`)).status).toBe(200);
  });

  it('after kill -9 under load, no PostgreSQL of the data directory is left, and every acknowledged message is there after a restart', async () => {
    const url = warmline!.url;
    visitors.push(...(await Promise.all(Array.from({ length: 10 }, () => RestVisitor.open(url)))));
    let sending = true;
    const senders = visitors.map(async (v, i) => {
      for (let n = 0; sending && n < 400; n++) await v.say(`visitor ${i} message ${n}`);
    });
    await waitFor('300 messages acknowledged', () => visitors.reduce((n, v) => n + v.acknowledged.length, 0) >= 300, {
      timeoutMs: 60_000,
    });
    expect(postgresProcessesOf(dataDir).length).toBeGreaterThan(0);
    await warmline!.service.kill();
    sending = false;
    await Promise.all(senders);
    await waitFor('its PostgreSQL to stop by itself', () => postgresProcessesOf(dataDir).length === 0, { timeoutMs: 20_000 });
    expect(watchdogsOf(dataDir)).toEqual([]);

    warmline = await startEmbedded(dataDir);
    const checked = await expectEveryAcknowledgedMessage(warmline.url);
    process.stdout.write(`[embedded kill -9] acknowledged and found after the restart: ${checked}\n`);
    expect(checked).toBeGreaterThanOrEqual(300);
  });

  it('a postmaster.pid whose pid another program now holds does not stop the next start', async () => {
    await warmline!.service.kill();
    await waitFor('its PostgreSQL to stop', () => postgresProcessesOf(dataDir).length === 0, { timeoutMs: 20_000 });
    // As after a reboot: the file of a crashed server, and its pid now belongs to something else.
    const other = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const cluster = path.join(dataDir, 'postgres');
      fs.writeFileSync(pidFile, `${other.pid}\n${cluster}\n1764753825\n5432\n${cluster}\n\n  5432001    12\nready   \n`);
      warmline = await startEmbedded(dataDir);
      await expectEveryAcknowledgedMessage(warmline.url);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('a PostgreSQL left running without its Warmline (its watchdog killed too) is stopped by the next start', async () => {
    const watchdogs = watchdogsOf(dataDir);
    expect(watchdogs).toHaveLength(2);
    for (const pid of watchdogs) process.kill(pid, 'SIGKILL');
    await waitFor('the watchdogs to be gone', () => watchdogsOf(dataDir).length === 0);
    await warmline!.service.kill();
    await pause(500);
    const orphans = postgresProcessesOf(dataDir);
    expect(orphans.length).toBeGreaterThan(0);

    warmline = await startEmbedded(dataDir);
    await expectEveryAcknowledgedMessage(warmline.url);
    for (const pid of orphans) expect(fs.existsSync(`/proc/${pid}`), `pid ${pid} of the orphan`).toBe(false);
    expect(await visitors[0]!.say('after the orphan was stopped', warmline.url)).toBe(true);
  });
});
