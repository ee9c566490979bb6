// `npm run scan`: a web-vulnerability scan of a running Warmline with Debian's wapiti, then `npm audit --omit=dev`.
// Starts `warmline start --demo` on a free 127.0.0.1 port with its own embedded database in a temporary directory,
// scans it twice (signed in as the demo admin; as a widget visitor), prints a table of findings and exits non-zero
// when a finding of medium level or above is not in EXPLAINED, or the audit finds (or cannot check) high/critical.
// docs/security-scan.md says what is scanned and why each explained finding is not a vulnerability.
//   --skip-audit   scan only        --keep   leave the temporary directory (reports, logs) in place
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditProduction, reportAudit } from './audit.mjs';
import { outOfBandEndpoint, readFindings, runWapiti, wapitiVersion } from './wapiti.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-scan-'));
// Run as root, the embedded PostgreSQL runs as its own user, who must be able to pass through to the data directory.
fs.chmodSync(tmp, 0o711);

/** wapiti 3.0.4 module names; `blindsql` is its time-based SQL injection. */
const MODULES = [
  'xss',
  'permanentxss',
  'sql',
  'blindsql',
  'exec',
  'file',
  'crlf',
  'redirect',
  'ssrf',
  'xxe',
  'csp',
  'http_headers',
  'cookieflags',
  'methods',
];
const LIMITS = { crawlSeconds: 60, attackSecondsPerModule: 60, requestTimeout: 10, hardStopSeconds: 420 };
const LEVELS = { 1: 'low', 2: 'medium', 3: 'high', 4: 'critical' };

/**
 * Findings of medium level or above that were examined and are not vulnerabilities (docs/security-scan.md, "Explained
 * findings"). Each names the scan, the module, the method and path (`{x}` stands for one path segment, an id) and
 * the parameter exactly; anything else of medium level or above fails the scan.
 * @type {Array<{scan: 'agent'|'visitor', module: string, method: string, path: string, parameter: string, why: string}>}
 */
const EXPLAINED = [];

const log = (line) => process.stdout.write(`${line}\n`);

async function main() {
  const version = wapitiVersion();
  if (!version) {
    log('wapiti is not installed: apt-get install -y wapiti');
    return 2;
  }
  log(`${version} · work directory ${tmp}`);
  if (spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) return 2;

  const oob = await outOfBandEndpoint();
  const server = await startWarmline();
  const results = [];
  try {
    const agent = await signIn(server.url);
    const openapi = await getJson(server.url, '/api/v1/openapi.json', agent.headers);
    const photo = await uploadPhoto(server.url, agent.headers);
    const agentUrls = await startUrls(server.url, openapi, agent.headers, (p) => !p.startsWith('/api/v1/widget/'), {
      key: [photo.split('/').pop()],
    });
    const agentScan = await scan('agent', server, oob, {
      base: `${server.url}/`,
      start: [`${server.url}/app`, `${server.url}/api/v1/openapi.json`, server.url + photo, ...agentUrls],
      cookie: agent.cookie,
      headers: { 'X-CSRF-Token': agent.csrfToken },
    });
    // A scan that signed itself out scanned the rest as a stranger.
    const still = await fetch(`${server.url}/api/v1/auth/session`, { headers: agent.headers });
    if (still.status !== 200) agentScan.broken ??= `the agent's session ended during the scan (${still.status})`;
    results.push(agentScan);
    const visitor = await startVisitor(server.url);
    const widgetUrls = await startUrls(server.url, openapi, visitor.headers, (p) => p.startsWith('/api/v1/widget/'), {
      id: [visitor.conversationId],
    });
    results.push(
      await scan('visitor', server, oob, {
        base: `${server.url}/demo`,
        start: [
          `${server.url}/demo`,
          `${server.url}/demo?member=1`,
          `${server.url}/widget.js`,
          server.url + photo,
          ...widgetUrls,
        ],
        headers: visitor.headers,
      }),
    );
  } finally {
    await server.stop();
    oob.close();
  }

  let failed = summarise(results, server, oob.unexpected);
  if (!args.has('--skip-audit')) {
    log('');
    const code = reportAudit(await auditProduction());
    failed ||= code !== 0;
  }
  if (!args.has('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`\nReports and logs kept in ${tmp}`);
  return failed ? 1 : 0;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startWarmline() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn' };
  env.WARMLINE_DATA_DIR = path.join(tmp, 'data');
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['bin/warmline.mjs', 'start', '--demo'], { cwd: root, env });
  const logFile = path.join(tmp, 'warmline.log');
  let output = '';
  const onData = (d) => {
    output += d;
    fs.appendFileSync(logFile, d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Warmline did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      if (!output.includes('Warmline is running')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Warmline exited with ${code}:\n${output}`));
    });
  });
  log(`Warmline started at ${url} (demo workspace, embedded database in ${env.WARMLINE_DATA_DIR})`);
  return {
    url,
    /** Error-level lines (pino level ≥ 50) the server logged: a 500 leaves one. */
    errors: () =>
      output
        .split('\n')
        .filter((l) => /"level":(5|6)\d/.test(l))
        .map((l) => l.slice(0, 300)),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function signIn(base) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'amina@juniper-rye.example', password: 'warmline-demo' }),
  });
  if (res.status !== 200) throw new Error(`sign-in as the demo admin answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('wl_session='));
  const [pair, ...flags] = setCookie.split(';').map((s) => s.trim());
  const value = pair.slice('wl_session='.length);
  const { csrfToken } = await res.json();
  log('Signed in as amina@juniper-rye.example (the demo admin)');
  return {
    csrfToken,
    cookie: { name: 'wl_session', value, secure: flags.some((f) => f.toLowerCase() === 'secure') },
    headers: { cookie: `wl_session=${value}`, 'x-csrf-token': csrfToken },
  };
}

/** A 1×1 PNG as the agent's photo: a stored file whose URL (/files/<key>) the scan can attack. */
async function uploadPhoto(base, headers) {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const res = await fetch(`${base}/api/v1/agents/me/avatar?name=photo.png`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'image/png' },
    body: Buffer.from(png, 'base64'),
  });
  if (res.status !== 200) throw new Error(`uploading a photo answered ${res.status}: ${await res.text()}`);
  return (await res.json()).agent.avatarUrl;
}

async function startVisitor(base) {
  const session = await fetch(`${base}/api/v1/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceKey: 'demo' }),
  });
  if (session.status !== 200) throw new Error(`widget session answered ${session.status}: ${await session.text()}`);
  const { visitorToken } = await session.json();
  const headers = { authorization: `Bearer ${visitorToken}` };
  const sent = await fetch(`${base}/api/v1/widget/messages`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: randomUUID(), body: 'Hello, do you deliver on Sundays?' }),
  });
  if (sent.status !== 201) throw new Error(`widget message answered ${sent.status}: ${await sent.text()}`);
  const { conversation } = await sent.json();
  log('Started a widget session as a visitor, with one conversation');
  return { headers, conversationId: conversation.id };
}

async function getJson(base, p, headers) {
  const res = await fetch(base + p, { headers });
  if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}`);
  return res.json();
}

/**
 * One start URL per GET route of the OpenAPI document that `include` keeps: path ids are real (the first item
 * of the list route of the same collection), query parameters carry sample values, dropping any the server
 * refuses, so that each URL answers 200 and wapiti attacks parameters the handler really reads.
 */
async function startUrls(base, openapi, headers, include, knownIds = {}) {
  const gets = Object.entries(openapi.paths)
    .filter(([p, ops]) => ops.get && include(p))
    .map(([p, ops]) => ({ path: p, params: ops.get.parameters ?? [] }));
  const ids = { ...knownIds };
  for (const { path: p, params } of gets) {
    if (params.some((x) => x.in === 'path') || p.endsWith('/counts')) continue;
    const res = await fetch(base + p, { headers });
    if (res.status !== 200 || !res.headers.get('content-type')?.includes('json')) continue;
    const list = Object.values(await res.json()).find((v) => Array.isArray(v) && v[0]?.id);
    if (list) ids[p] = list.map((item) => item.id);
  }
  const idFor = (template, name) => {
    const collection = template.slice(0, template.indexOf(`/{${name}}`));
    return ids[collection]?.[0] ?? ids[name]?.[0] ?? Object.values(ids).flat()[0];
  };
  const urls = [];
  for (const { path: template, params } of gets) {
    let p = template;
    for (const param of params.filter((x) => x.in === 'path')) p = p.replace(`{${param.name}}`, idFor(template, param.name));
    const query = params
      .filter((x) => x.in === 'query')
      .map((x) => ({ pair: [x.name, sampleValue(x, ids)], required: x.required }))
      .filter(({ pair }) => pair[1] !== undefined);
    const answer = async (q) => (await fetch(`${base}${p}${q.length ? `?${new URLSearchParams(q)}` : ''}`, { headers })).status;
    const required = query.filter((q) => q.required).map((q) => q.pair);
    const kept = [...required];
    for (const { pair } of query.filter((q) => !q.required)) if ((await answer([...required, pair])) === 200) kept.push(pair);
    const status = await answer(kept);
    if (status !== 200) log(`  note: GET ${template} answers ${status} with the scan's ids; scanned anyway`);
    urls.push(`${base}${p}${kept.length ? `?${new URLSearchParams(kept)}` : ''}`);
  }
  return urls;
}

function sampleValue(param, ids) {
  const s = param.schema ?? {};
  if (s.enum) return String(s.enum[0]);
  if (s.type === 'integer' || s.type === 'number') return String(s.default ?? s.minimum ?? 1);
  if (s.type === 'boolean') return 'true';
  if (s.type !== 'string') return undefined;
  // organizationId: an id from the organizations list, if the workspace has one
  const stem = /^(.+)Id$/.exec(param.name)?.[1];
  if (stem) return Object.entries(ids).find(([p]) => p.endsWith(`/${stem}s`))?.[1][0];
  return s.default ? String(s.default) : 'sourdough';
}

/** Runs one wapiti scan; resolves to its findings, its duration and what the server answered meanwhile. */
async function scan(name, server, oob, { base, start, cookie, headers }) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  log(`\n━━ ${name} scan: ${start.length} start URLs, modules ${MODULES.join(' ')} ━━`);
  const started = Date.now();
  const before = await answered(server.url);
  const outcome = await runWapiti({
    dir,
    base,
    start,
    cookie,
    headers,
    modules: MODULES,
    limits: LIMITS,
    endpoint: oob.url,
    // Signing out would end the session the scan works in.
    exclude: [`${server.url}/api/v1/auth/sign-out`],
    onLine: (line) => /Launching module|Max (scan|attack) time/.test(line) && log(`  ${line.trim()}`),
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const after = await answered(server.url);
  const requests = Object.fromEntries(Object.entries(after).map(([k, n]) => [k, n - (before[k] ?? 0)]));
  const findings = readFindings(dir, name);
  if (!findings) {
    log(`  wapiti wrote no report (${outcome}); see ${path.join(dir, 'wapiti.log')}`);
    return { name, seconds, requests, findings: [], broken: `no report (${outcome})` };
  }
  log(`  finished in ${seconds} s (${outcome})`);
  return { name, seconds, requests, findings };
}

/** Requests the server has answered so far, by status class, from its own /metrics (open to loopback). */
async function answered(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const counts = {};
  for (const [, status, n] of text.matchAll(
    /^warmline_http_request_duration_seconds_count\{[^}]*status="(\d)\d\d"[^}]*\} (\d+)/gm,
  ))
    counts[`${status}xx`] = (counts[`${status}xx`] ?? 0) + Number(n);
  return counts;
}

function explanationFor(f) {
  return EXPLAINED.find(
    (e) =>
      e.scan === f.scan &&
      e.module === f.module &&
      e.method === f.method &&
      e.parameter === f.parameter &&
      new RegExp(`^${e.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(f.path),
  );
}

/** Prints the table and the findings that fail the scan; true when something fails it. */
function summarise(results, server, unexpectedHits) {
  const all = results.flatMap((r) => r.findings);
  log('\n━━ findings ━━');
  log(`${'scan'.padEnd(8)} ${'module'.padEnd(13)} ${'category'.padEnd(38)} ${'level'.padEnd(8)} count  explained`);
  const groups = new Map();
  for (const f of all) {
    const key = [f.scan, f.module, f.category, f.level].join('|');
    const g = groups.get(key) ?? { ...f, count: 0, explained: 0 };
    g.count++;
    if (explanationFor(f)) g.explained++;
    groups.set(key, g);
  }
  for (const g of [...groups.values()].sort((a, b) => b.level - a.level || a.scan.localeCompare(b.scan)))
    log(
      `${g.scan.padEnd(8)} ${g.module.padEnd(13)} ${g.category.padEnd(38)} ${(LEVELS[g.level] ?? String(g.level)).padEnd(8)} ${String(g.count).padStart(5)}  ${g.level >= 2 ? g.explained : '-'}`,
    );
  if (!groups.size) log('(none)');
  const byLevel = (lvl) => all.filter((f) => f.level === lvl).length;
  log(`\nby level: ${[4, 3, 2, 1].map((l) => `${LEVELS[l]} ${byLevel(l)}`).join(', ')}`);
  for (const r of results) {
    const answers = Object.entries(r.requests ?? {})
      .sort()
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    log(`${r.name} scan: ${r.seconds} s, the server answered ${answers || 'nothing'}${r.broken ? ` — BROKEN: ${r.broken}` : ''}`);
  }

  const failing = all.filter((f) => f.level >= 2 && !explanationFor(f));
  for (const f of failing)
    log(
      `\nUNEXPLAINED ${LEVELS[f.level] ?? f.level} · ${f.scan} · ${f.module} (${f.category}) · ${f.method} ${f.path} · parameter "${f.parameter}"\n  ${f.info}\n${f.request
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
  for (const hit of unexpectedHits) log(`\nUNEXPLAINED outbound request from the server to the scan's endpoint: ${hit}`);
  const errors = server.errors();
  if (errors.length) log(`\nThe server logged ${errors.length} error line(s) during the scans:\n${errors.join('\n')}`);
  const broken = results.some((r) => r.broken || r.requests?.['5xx']);
  const verdict = failing.length || unexpectedHits.length || broken || errors.length;
  log(verdict ? '\nScan FAILED.' : '\nScan passed: nothing of medium level or above that is not explained.');
  return Boolean(verdict);
}

process.exit(await main());
