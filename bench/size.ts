import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './index.ts';
import { root } from './serverProcess.ts';

/** The widget script as a customer's browser downloads it (target ≤ 30 KB gzipped), and the agent app's first load. */
export async function sizeBenchmarks(): Promise<Figure[]> {
  const file = path.join(root, 'apps/widget/dist/widget.js');
  const raw = fs.readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  return [
    agentFirstLoad(),
    {
      bench: 'widget.gzip_kb',
      value: round(gz / 1024),
      unit: 'KB',
      baseline: 30,
      ratio: round(gz / 1024 / 30),
      notes: `widget.js ${round(raw.length / 1024)} KB raw; baseline is the 30 KB budget`,
    },
  ];
}

const AGENT_FIRST_LOAD_BUDGET_KB = 200;

/**
 * The JavaScript an agent's browser fetches before the app can draw (target ≤ 200 KB gzipped): the entry script of
 * the built `index.html` and every module it preloads; chunks loaded later, when a page is opened, are not counted.
 */
function agentFirstLoad(): Figure {
  const dist = path.join(root, 'apps/agent/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/app\/([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const gzKb = (files: string[]) =>
    files.reduce(
      (sum, f) =>
        sum + gzipSync(fs.readFileSync(path.join(dist, f.startsWith('assets/') ? f : `assets/${f}`)), { level: 9 }).length,
      0,
    ) / 1024;
  const first = gzKb(scripts);
  return {
    bench: 'agent.first_load_js_gzip_kb',
    value: round(first),
    unit: 'KB',
    baseline: AGENT_FIRST_LOAD_BUDGET_KB,
    ratio: round(first / AGENT_FIRST_LOAD_BUDGET_KB),
    notes: `${scripts.length} script(s) before the app draws; all ${all.length} chunks together ${round(gzKb(all))} KB gzipped; baseline is the 200 KB budget`,
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
