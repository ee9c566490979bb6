// Running Debian's wapiti 3.0.4 for scripts/scan.mjs: its command line, its cookie file, its out-of-band endpoint
// and its JSON report, with what that version needs to run on this machine alone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** wapiti's report names categories, not modules: which module reports each (anomalies come from any attack). */
const MODULE_OF = {
  'Cross Site Scripting': 'xss',
  'Stored Cross Site Scripting': 'permanentxss',
  'SQL Injection': 'sql',
  'Blind SQL Injection': 'blindsql',
  'Command execution': 'exec',
  'Path Traversal': 'file',
  'CRLF Injection': 'crlf',
  'Open Redirect': 'redirect',
  'Server Side Request Forgery': 'ssrf',
  'XML External Entity': 'xxe',
  'Content Security Policy Configuration': 'csp',
  'HTTP Secure Headers': 'http_headers',
  'Secure Flag cookie': 'cookieflags',
  'HttpOnly Flag cookie': 'cookieflags',
  'Internal Server Error': 'anomaly',
  'Resource consumption': 'anomaly',
};

/**
 * Debian's wapiti 3.0.4 cannot exclude a URL on Python 3.11+ (`-x` builds a regular expression with its flags at
 * the end, which `re` now refuses), so wapiti runs with that one function corrected: flags first.
 */
const WAPITI_WITH_EXCLUSIONS = `
import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda pattern: re.compile(
    "(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
wapiti_main()
`;

/** "Wapiti-3.0.4", or null when wapiti is not installed. */
export function wapitiVersion() {
  const run = spawnSync('wapiti', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return /Wapiti[- ]?[\d.]+/.exec(run.stdout)?.[0] ?? 'wapiti (unknown version)';
}

/**
 * One wapiti run writing `dir/report.json` (log in `dir/wapiti.log`); resolves to how it ended.
 * @param {{dir: string, base: string, start: string[], exclude: string[], modules: string[], endpoint: string,
 *   headers?: Record<string, string>, cookie?: {name: string, value: string, secure: boolean},
 *   limits: {crawlSeconds: number, attackSecondsPerModule: number, requestTimeout: number, hardStopSeconds: number},
 *   onLine?: (line: string) => void}} scan
 */
export function runWapiti(scan) {
  const { dir, limits } = scan;
  const argv = ['-u', scan.base, '--scope', 'folder', '-m', scan.modules.join(','), '-f', 'json', '-o', reportPath(dir)];
  argv.push('--flush-session', '--store-session', path.join(dir, 'session'), '--store-config', path.join(dir, 'config'));
  // wapiti loads every module, and wapp downloads its database from GitHub at load time (with our -H headers) unless
  // it finds one: an empty one keeps the scan on this machine (wapp is not among the modules run).
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config', 'apps.json'), '{}');
  argv.push('--max-scan-time', String(limits.crawlSeconds), '--max-attack-time', String(limits.attackSecondsPerModule));
  // Level 2 also attacks the query string of URLs that have no parameters (most API routes).
  argv.push('-l', '2', '-t', String(limits.requestTimeout), '-d', '4', '--no-bugreport', '-v', '1');
  // The ssrf and xxe modules make the target call this endpoint, then ask it what it saw.
  argv.push('--endpoint', scan.endpoint);
  for (const url of scan.exclude) argv.push('-x', url);
  for (const url of scan.start) argv.push('-s', url);
  for (const [k, v] of Object.entries(scan.headers ?? {})) argv.push('-H', `${k}: ${v}`);
  if (scan.cookie) {
    // wapiti's cookie file: domain → path → name; an IP address is its own key.
    const file = path.join(dir, 'cookies.json');
    const { name, value, secure } = scan.cookie;
    const entry = { value, expires: null, secure, port: null, version: 0 };
    fs.writeFileSync(file, JSON.stringify({ [new URL(scan.base).hostname]: { '/': { [name]: entry } } }));
    argv.push('-c', file);
  }
  return new Promise((resolve) => {
    const child = spawn(wapitiPython(), ['-c', WAPITI_WITH_EXCLUSIONS, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = fs.createWriteStream(path.join(dir, 'wapiti.log'));
    let rest = '';
    const onData = (d) => {
      out.write(d);
      const lines = (rest + d).split('\n');
      rest = lines.pop();
      for (const line of lines) scan.onLine?.(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), limits.hardStopSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.end();
      resolve(signal ? `stopped after ${limits.hardStopSeconds} s` : `exit ${code}`);
    });
  });
}

/** The interpreter Debian's `wapiti` script runs under (its #! line). */
function wapitiPython() {
  const script = spawnSync('sh', ['-c', 'command -v wapiti'], { encoding: 'utf8' }).stdout.trim();
  return /^#!\s*(\S+)/.exec(fs.readFileSync(script, 'utf8'))?.[1] ?? 'python3';
}

const reportPath = (dir) => path.join(dir, 'report.json');

/** The findings of `dir/report.json`, vulnerabilities and anomalies alike; null when wapiti wrote none. */
export function readFindings(dir, scanName) {
  if (!fs.existsSync(reportPath(dir))) return null;
  const report = JSON.parse(fs.readFileSync(reportPath(dir), 'utf8'));
  const rows = [];
  for (const [kind, groups] of [
    ['vulnerability', report.vulnerabilities],
    ['anomaly', report.anomalies],
  ])
    for (const [category, items] of Object.entries(groups ?? {}))
      for (const item of items)
        rows.push({
          scan: scanName,
          kind,
          category,
          module: MODULE_OF[category] ?? category,
          level: Number(item.level),
          method: item.method,
          path: item.path,
          parameter: item.parameter ?? '',
          info: item.info,
          request: item.http_request,
        });
  return rows;
}

/**
 * The endpoint wapiti's ssrf and xxe modules need, on 127.0.0.1 instead of wapiti3.ovh, so the scan sends
 * nothing off the machine: it records what the target fetched and answers get_ssrf.php / get_xxe.php as wapiti
 * expects. Any other request reaching it came from the server following an injected URL, and is reported.
 */
export async function outOfBandEndpoint() {
  const seen = { ssrf: {}, xxe: {} };
  const unexpected = [];
  const record = (kind, sid, pathId, hex, info) => {
    seen[kind][sid] ??= {};
    seen[kind][sid][pathId] ??= {};
    seen[kind][sid][pathId][hex] ??= [];
    seen[kind][sid][pathId][hex].push(info);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://endpoint');
    const parts = url.pathname.split('/').filter(Boolean);
    const info = { url: req.url, date: new Date().toISOString(), ip: req.socket.remoteAddress, method: req.method };
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      if (url.pathname === '/get_ssrf.php' || url.pathname === '/get_xxe.php') {
        const kind = url.pathname === '/get_ssrf.php' ? 'ssrf' : 'xxe';
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify(seen[kind][url.searchParams.get('id')] ?? {}));
      }
      if (parts[0] === 'ssrf' && parts.length >= 4) record('ssrf', parts[1], parts[2], parts[3], { ...info, size: body.length });
      else if (parts[0] === 'dtd' && parts.length >= 5)
        record('xxe', parts[1], parts[2], parts[3], { ...info, size: body.length, payload: parts[4].replace(/\.dtd$/, '') });
      else if (url.pathname !== '/') unexpected.push(`${req.method} ${req.url}`);
      res.end(parts[0] === 'dtd' ? '<!ENTITY % intern ""><!ENTITY % trick "">' : 'ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, unexpected, close: () => server.close() };
}
