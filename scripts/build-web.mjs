// Builds the browser parts (widget, store pages, agent app) when their output is missing or older than their sources.
// `--force` rebuilds regardless. Runs on `npm ci` (prepare), before `npm start` and before the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

const targets = [
  {
    name: '@warmline/widget',
    output: 'apps/widget/dist/widget.js',
    sources: ['apps/widget/src', 'apps/widget/build.mjs', 'packages/shared/src', 'packages/realtime-client/src'],
  },
  {
    name: '@warmline/store',
    output: 'apps/store/dist/store.js',
    sources: ['apps/store/src', 'apps/store/build.mjs', 'packages/shared/src', 'packages/realtime-client/src'],
  },
  {
    name: '@warmline/agent',
    output: 'apps/agent/dist/index.html',
    sources: [
      'apps/agent/src',
      'apps/agent/index.html',
      'apps/agent/vite.config.ts',
      'packages/shared/src',
      'packages/realtime-client/src',
    ],
  },
];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

for (const target of targets) {
  const output = path.join(root, target.output);
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const changedAt = Math.max(...target.sources.map(newestMtime));
  if (!force && builtAt > changedAt) continue;
  process.stdout.write(`Building ${target.name}…\n`);
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', target.name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Building ${target.name} failed.\n`);
    process.exit(result.status ?? 1);
  }
}
