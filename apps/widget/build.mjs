// Bundles the embeddable widget into dist/widget.js and enforces the size budget (DESIGN.md §7: ≤ 30 KB gzipped).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'dist', 'widget.js');
const LIMIT = 30 * 1024;

mkdirSync(join(here, 'dist'), { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '/* Warmline chat widget — AGPL-3.0 */' },
});

const code = readFileSync(outfile);
const gz = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kb(code.length)} raw, ${kb(gz)} gzipped (budget ${kb(LIMIT)})`);
if (gz > LIMIT) {
  console.error(`widget.js is over the ${kb(LIMIT)} gzipped budget`);
  process.exit(1);
}
