// `npm test`: every tier, one summary line at the end ("N passed, N failed").
//   lint + format (biome) · architecture (module boundaries, no import circles) · types (tsc) · unit · integration on the embedded PostgreSQL · integration on PostgreSQL + Redis
//   (when DATABASE_URL / REDIS_URL are set) · end-to-end in Chromium, then again under a faked clock at three hours
//   of the day · fault tests (their own PostgreSQL, Redis,
//   nginx and Warmline nodes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
const only = process.argv.slice(2);

function run(cmd, args, env = process.env) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

function tier(name, fn) {
  if (only.length && !only.includes(name)) return;
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const started = Date.now();
  fn();
  process.stdout.write(`━━ ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function check(name, cmd, args) {
  const ok = run(cmd, args) === 0;
  if (ok) totals.passed++;
  else totals.failed++;
  notes.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

function vitest(label, project, env) {
  vitestRun(label, ['--project', project], env);
}

function vitestRun(label, selection, env) {
  vitestRunUnder([], label, selection, env);
}

/** Runs vitest behind `prefix` (a command such as faketime that runs it), and adds its counts to the totals. */
function vitestRunUnder(prefix, label, selection, env) {
  const out = path.join(tmp, `${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const args = ['vitest', 'run', ...selection, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const status = prefix.length ? run(prefix[0], [...prefix.slice(1), 'npx', ...args], env) : run('npx', args, env);
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {}
  if (!report) {
    totals.failed++;
    notes.push(`${label}: the test run crashed before reporting (exit ${status})`);
    return;
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  totals.skipped += skipped;
  notes.push(
    `${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

/** The colour emoji font: without it, emoji (the demo shop's pictures, customers' messages) show as boxes in screenshots. */
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

/** Debian's Chromium for the browser tests, and the fonts its screenshots need: installed with apt when missing and possible. */
function ensureChromium() {
  const missing = [
    ...(fs.existsSync('/usr/bin/chromium') ? [] : ['chromium', 'fonts-dejavu-core']),
    ...(fs.existsSync(EMOJI_FONT) ? [] : ['fonts-noto-color-emoji']),
  ];
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (missing.length && canApt) {
    process.stdout.write(`Installing Debian ${missing.join(', ')} for the browser tests…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
  return fs.existsSync('/usr/bin/chromium');
}

/** Debian packages a tier's tests start for real, by a file each provides: installed with apt when missing and possible. */
function ensureDebian(label, wanted) {
  const missing = wanted.filter(([bin]) => !fs.existsSync(bin)).map(([, pkg]) => pkg);
  if (missing.length && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    process.stdout.write(`Installing Debian ${missing.join(', ')} for the ${label}…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  }
  const still = wanted.filter(([bin]) => !fs.existsSync(bin)).map(([, pkg]) => pkg);
  if (still.length) notes.push(`${label}: ${still.join(', ')} missing and could not be installed, so its tests fail`);
}

/**
 * The voice lab the phone-line and TURN tests start for real: Debian's Janus (with its SIP plugin), Kamailio (with
 * its HTTP client), baresip and coturn. Those tests also drive Chromium.
 */
function ensureVoiceLab() {
  ensureDebian('voice lab', [
    ['/usr/bin/janus', 'janus'],
    ['/usr/sbin/kamailio', 'kamailio'],
    // http_client: kamailio tells Warmline of a call nobody answered (docs/phone-lines.md).
    ['/usr/lib/x86_64-linux-gnu/kamailio/modules/http_client.so', 'kamailio-utils-modules'],
    ['/usr/bin/baresip', 'baresip'],
    ['/usr/bin/turnserver', 'coturn'],
  ]);
  ensureChromium();
}

/** The IMAP server the mailbox tests read from: Debian's dovecot (testing/dovecot.ts). */
function ensureMailLab() {
  ensureDebian('mail lab', [['/usr/sbin/dovecot', 'dovecot-imapd']]);
}

const embeddedEnv = { ...process.env };
delete embeddedEnv.DATABASE_URL;
delete embeddedEnv.REDIS_URL;

tier('lint', () => check('lint and format (biome)', 'npx', ['biome', 'check', '.']));
tier('architecture', () =>
  check('module boundaries, import circles and file sizes of the server (scripts/architecture.mjs)', 'node', [
    'scripts/architecture.mjs',
  ]),
);
tier('types', () => {
  check('types of the browser apps, e2e and scripts (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  check('types of the server, its tests and the benchmarks (tsc, no DOM)', 'npx', [
    'tsc',
    '-p',
    'apps/server/tsconfig.json',
    '--noEmit',
  ]);
  check('types of the fault tests (tsc, no DOM)', 'npx', ['tsc', '-p', 'faults/tsconfig.json', '--noEmit']);
});
tier('unit', () => vitest('unit', 'unit', embeddedEnv));
tier('integration', () => {
  ensureVoiceLab();
  ensureMailLab();
  vitest('integration on the embedded PostgreSQL + in-process bus', 'integration', embeddedEnv);
});
tier('integration-postgres', () => {
  if (!process.env.DATABASE_URL) {
    notes.push('integration on PostgreSQL: not run (DATABASE_URL is not set; .ci/run sets it)');
    return;
  }
  vitest(`integration on PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''}`, 'integration', process.env);
});
tier('e2e', () => {
  ensureMailLab();
  if (!ensureChromium()) {
    totals.skipped++;
    notes.push('e2e: SKIPPED — /usr/bin/chromium is missing and could not be installed (needs root and apt-get)');
    return;
  }
  if (run('node', ['scripts/build-web.mjs']) !== 0) {
    totals.failed++;
    notes.push('e2e: the web build failed');
    return;
  }
  vitest('end-to-end in Chromium', 'e2e', embeddedEnv);
});

/**
 * The browser suite again under a faked system clock (libfaketime, Debian's `faketime`, installed when missing and
 * possible) at hours that have broken date arithmetic before: just after midnight, early morning, just before
 * midnight, in the machine's time zone. Everything the suite starts — Warmline, its PostgreSQL, Chromium — reads
 * the faked clock, which keeps moving from there.
 */
function ensureFaketime() {
  if (!fs.existsSync('/usr/bin/faketime') && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (spawnSync('apt-get', ['install', '-y', '-qq', 'faketime'], { stdio: 'inherit', env }).status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      spawnSync('apt-get', ['install', '-y', '-qq', 'faketime'], { stdio: 'inherit', env });
    }
  }
  return fs.existsSync('/usr/bin/faketime');
}

/**
 * libfaketime keeps its clock in a semaphore and shared memory named by FAKETIME_SHARED, which `faketime` makes
 * readable by root only. A process of another user (the embedded PostgreSQL runs as `postgres`) cannot open them
 * and makes its own, named by its pid, and a process that ends by exec or _exit leaves them behind. When pids
 * wrap, a later process of another user whose pid names such a leftover can neither make nor remove it, and
 * libfaketime exits it with 1: a start failed that way now and then. So the shared clock is opened to every user
 * (every process then uses it and makes none of its own), and what is left is removed after each hour.
 */
const SHARE_FAKED_CLOCK =
  's=${FAKETIME_SHARED%% *}; m=${FAKETIME_SHARED#* }; chmod 0666 "/dev/shm/sem.${s#/}" "/dev/shm/${m#/}" && exec "$@"';

function removeLeftFakedClocks() {
  for (const name of fs.existsSync('/dev/shm') ? fs.readdirSync('/dev/shm') : []) {
    if (/^(sem\.)?faketime_(sem|shm)_\d+$/.test(name)) fs.rmSync(path.join('/dev/shm', name), { force: true });
  }
}

const E2E_CLOCK_HOURS = (process.env.WARMLINE_E2E_CLOCK_HOURS ?? '00:30,06:30,23:30').split(',').filter(Boolean);

tier('e2e-clock', () => {
  if (!fs.existsSync('/usr/bin/chromium') || !ensureFaketime()) {
    totals.skipped++;
    notes.push('e2e at other hours: SKIPPED — needs /usr/bin/chromium and /usr/bin/faketime (needs root and apt-get)');
    return;
  }
  removeLeftFakedClocks();
  for (const hour of E2E_CLOCK_HOURS) {
    // An offset from the real clock, the same for every process (an absolute start time would start each process's
    // clock anew at that time when it starts, and the server, its PostgreSQL and the tests would disagree).
    const [h, m] = hour.split(':').map(Number);
    const at = new Date();
    at.setHours(h, m, 0, 0);
    // That hour tomorrow when today's has passed: the clock only moves forward, as after a sleep, never back.
    if (at.getTime() < Date.now()) at.setDate(at.getDate() + 1);
    const offset = Math.round((at.getTime() - Date.now()) / 1000);
    const clock = `${offset >= 0 ? '+' : '-'}${Math.abs(offset)}`;
    process.stdout.write(`\n── end-to-end with the clock at ${hour} (${clock} s) ──\n`);
    vitestRunUnder(
      ['faketime', '-f', clock, 'sh', '-c', SHARE_FAKED_CLOCK, 'sh'],
      `end-to-end in Chromium at ${hour}`,
      ['--project', 'e2e'],
      embeddedEnv,
    );
    removeLeftFakedClocks();
  }
});

tier('faults', () => {
  // PostgreSQL's binaries, redis-server and nginx: Debian packages, installed when missing and possible.
  const found = spawnSync(process.execPath, ['--import', 'tsx', 'faults/harness/prerequisites.ts', '--install'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let missing;
  try {
    missing = JSON.parse(found.stdout.trim().split('\n').at(-1)).missing;
  } catch {
    missing = [`the check for PostgreSQL, Redis and nginx failed (exit ${found.status})`];
  }
  if (missing.length) {
    totals.skipped++;
    notes.push(`fault tests: SKIPPED — ${missing.join('; ')}, and could not be installed (needs root and apt-get)`);
    return;
  }
  vitestRun('fault tests (own PostgreSQL, Redis, nginx and nodes)', ['--config', 'faults/vitest.config.ts'], embeddedEnv);
});

fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
process.stdout.write(`${summary}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
