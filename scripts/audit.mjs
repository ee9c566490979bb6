// `node scripts/audit.mjs`: `npm audit --omit=dev`, failing on a high or critical advisory in what Warmline ships.
// Exit 0 clean (low and moderate are listed, not fatal), 1 high/critical found, 2 the audit could not be made
// (registry or its advisory endpoint unreachable): that is said plainly, never counted as a pass.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FATAL = ['high', 'critical'];

/**
 * Runs `npm audit --omit=dev --json` in the repository.
 * @returns {Promise<{status: 'clean'|'advisories'|'unavailable', counts?: Record<string, number>, advisories?: Array<{name: string, severity: string, range: string, fix: string, titles: string[]}>, reason?: string}>}
 */
export async function auditProduction() {
  const { code, stdout, stderr } = await run('npm', ['audit', '--omit=dev', '--json']);
  let report = null;
  try {
    report = JSON.parse(stdout);
  } catch {}
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const reason =
      report?.message ?? report?.error?.summary ?? (stderr.trim().split('\n').pop() || `npm audit exited with ${code}`);
    return { status: 'unavailable', reason };
  }
  const advisories = Object.values(report.vulnerabilities ?? {}).map((v) => ({
    name: v.name,
    severity: v.severity,
    range: v.range,
    fix: v.fixAvailable === true ? 'npm audit fix' : v.fixAvailable ? `${v.fixAvailable.name}@${v.fixAvailable.version}` : 'none',
    titles: v.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title} (${via.url})`)),
  }));
  return { status: advisories.some((a) => FATAL.includes(a.severity)) ? 'advisories' : 'clean', counts, advisories };
}

/** Prints the audit's outcome; returns the exit code described at the top of this file. */
export function reportAudit(result, out = process.stdout) {
  if (result.status === 'unavailable') {
    out.write(
      `npm audit: NOT CHECKED — the advisory database could not be asked (${result.reason}).\n` +
        '  Run `npm audit --omit=dev` where registry.npmjs.org (POST /-/npm/v1/security/advisories/bulk) is reachable.\n',
    );
    return 2;
  }
  const c = result.counts;
  out.write(
    `npm audit --omit=dev: ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low, ${c.info} info\n`,
  );
  for (const a of result.advisories)
    out.write(
      `  ${a.severity.padEnd(8)} ${a.name} ${a.range} (fix: ${a.fix})\n${a.titles.map((t) => `           ${t}\n`).join('')}`,
    );
  return result.status === 'advisories' ? 1 : 0;
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: String(err) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(reportAudit(await auditProduction()));
}
