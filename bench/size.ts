import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './index.ts';
import { root } from './serverProcess.ts';

/** The widget script as a customer's browser downloads it (target ≤ 30 KB gzipped). */
export async function sizeBenchmarks(): Promise<Figure[]> {
  const file = path.join(root, 'apps/widget/dist/widget.js');
  const raw = fs.readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  return [
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

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
