import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, startWarmline, type Warmline } from './harness.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-cli-'));
let server: Warmline | undefined;

afterAll(async () => {
  await server?.stop();
});

function warmline(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/warmline.mjs', ...args], {
    cwd: root,
    env: { ...process.env, WARMLINE_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the warmline command', () => {
  it('migrate brings a new data directory up to date, saying how many migrations it applied', () => {
    const migrations = fs.readdirSync(path.join(root, 'apps/server/src/core/db/migrations')).filter((f) => f.endsWith('.sql'));
    const result = warmline(['migrate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Applied ${migrations.length} migrations (`);
    expect(result.stdout).toContain('The database is up to date.');
    // Run again, it has nothing to do and says so.
    const again = warmline(['migrate']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('The database was already up to date: no migrations to apply.');
  });

  it('admin create refuses bad input with one clear line per problem', () => {
    const result = warmline(['admin', 'create', '--email', 'nope', '--password', 'short']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--email must be an email address');
    expect(result.stderr).toContain('--name is required');
    expect(result.stderr).toContain('a password of at least 10 characters is required');
  });

  it('admin create makes an account that can sign in once the server starts', async () => {
    const created = warmline(['admin', 'create', '--email', 'ops@example.com', '--name', 'Ops Person'], {
      WARMLINE_ADMIN_PASSWORD: 'a long enough password',
    });
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created admin Ops Person <ops@example.com>');
    expect(
      warmline(['admin', 'create', '--email', 'ops@example.com', '--name', 'Again', '--password', 'another long one']).stderr,
    ).toContain('already exists');

    server = await startWarmline({ dataDir });
    const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', password: 'a long enough password' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { agent: { role: string } }).agent.role).toBe('admin');
  });

  it('start refuses a role it does not know, naming the ones it does', () => {
    const result = warmline(['start', '--role', 'teacher']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('use all, web or worker');
  });

  it('refuses a broken environment with one line per problem and a non-zero exit', () => {
    const result = warmline(['migrate'], { PORT: 'eighty', SECRET_KEY: 'short' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: PORT must be a number/);
    expect(result.stderr).toMatch(/SECRET_KEY: SECRET_KEY must be at least 32 characters/);
  });

  it('emotion reads JSON lines and answers one line each, naming a malformed line and carrying on', () => {
    const input = [
      '{"text": "This is the THIRD time I am asking, nobody answers!!!"}',
      'not json',
      '{"text": "Asante sana, that was quick"}',
    ].join('\n');
    const result = spawnSync(process.execPath, ['bin/warmline.mjs', 'emotion'], {
      cwd: root,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ upset: true });
    expect(['angry', 'frustrated']).toContain(lines[0].emotion);
    expect(lines[1].error).toMatch(/line 2/);
    expect(lines[2]).toMatchObject({ emotion: 'grateful', upset: false });
    expect(result.stderr).toMatch(/line 2/);
    expect(result.status).toBe(1);
  });
});
