// The server's architecture, checked (a tier of `npm test`): where a file may import from, no import circles, no
// file over 400 lines. docs/architecture.md explains the layout these rules keep.
//   core/        imports no module, no channel and nothing of the composition root
//   modules/X/   imports core/, its own files, and other modules only through their index.ts
//   channels/X/  imports core/, modules' index.ts, channels/channel.ts (the door) and its own files
//   testing/     the integration-test harness: only test files import it
// Test files (*.test.ts, and their helpers *.testing.ts) keep the same rules (a module's tests go through other modules' index.ts too), but an
// integration test may start the whole server (the composition root: server.ts, jobHandlers.ts, cli/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINES = 400;
const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative imports of a source text, as written. */
export function importsOf(text) {
  const found = [];
  for (const m of text.matchAll(IMPORT)) found.push(m[1] ?? m[2]);
  return found;
}

/** Where a file sits: `core`, `module` (with its name), `channel` (with its name), `testing` or `root`. */
export function placeOf(rel) {
  const [top, name] = rel.split('/');
  if (top === 'core') return { kind: 'core', name: 'core' };
  if (top === 'modules' && rel.split('/').length > 2) return { kind: 'module', name };
  if (top === 'channels') return { kind: 'channel', name: rel.split('/').length > 2 ? name : 'door' };
  if (top === 'testing') return { kind: 'testing', name: 'testing' };
  return { kind: 'root', name: 'root' };
}

const isTest = (rel) => /\.(test|testing)\.tsx?$/.test(rel);

/** Why `from` may not import `to` (paths relative to the server's src/), or null when it may. */
export function ruleBroken(from, to) {
  const a = placeOf(from);
  const b = placeOf(to);
  if (b.kind === 'testing') return a.kind === 'testing' || isTest(from) ? null : 'only tests import the test harness';
  if (a.kind === 'testing' || a.kind === 'root') return null;
  if (a.kind === 'core') return b.kind === 'core' ? null : 'core/ imports no module, channel or composition file';
  if (b.kind === 'core') return null;
  if (b.kind === 'root')
    return isTest(from) ? null : `${a.kind === 'module' ? 'a module' : 'a channel'} does not import the composition root`;
  if (a.kind === b.kind && a.name === b.name) return null;
  if (b.kind === 'channel') {
    // channels/channel.ts is the door every channel fits; channels do not otherwise reach into each other.
    return a.kind === 'channel' && b.name === 'door' ? null : 'modules and channels do not import channels';
  }
  const index = `modules/${b.name}/index.ts`;
  return to === index ? null : `other modules are imported through their index.ts (${index})`;
}

/** Every import circle among `graph`'s files (Tarjan's strongly connected components of more than one file). */
export function circlesOf(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

/** Checks a tree of sources (`files`: path relative to src/ → text); returns one line per problem. */
export function checkTree(files) {
  const problems = [];
  const graph = new Map();
  for (const [rel, text] of files) {
    const targets = [];
    for (const spec of importsOf(text)) {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      if (to.startsWith('..')) continue;
      targets.push(to);
      const broken = ruleBroken(rel, to);
      if (broken) problems.push(`${rel} imports ${to}: ${broken}`);
    }
    graph.set(rel, targets);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) problems.push(`${rel} has ${lines} lines: split it (at most ${MAX_LINES})`);
  }
  for (const circle of circlesOf(graph)) problems.push(`import circle: ${circle.join(' → ')}`);
  return problems;
}

/** Reads every .ts file under `srcDir` into the map checkTree takes. */
export function readTree(srcDir) {
  const files = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|mjs)$/.test(e.name))
        files.set(path.relative(srcDir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(srcDir);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src');
  const problems = checkTree(readTree(src));
  for (const p of problems) console.log(p);
  console.log(
    problems.length
      ? `${problems.length} architecture problems in apps/server/src`
      : 'apps/server/src: module boundaries hold, no import circles, no file over 400 lines',
  );
  process.exit(problems.length ? 1 : 0);
}
