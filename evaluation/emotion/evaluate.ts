// Scores the emotion classifier against a labelled JSON-lines file:
//   node --import tsx evaluation/emotion/evaluate.ts [file]   (default: evaluation/emotion/messages.jsonl)
// Prints precision, recall and F1 per label, macro-F1 over the eight labels, F1 for `upset`, and the misses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpsetEmotion } from '@warmline/shared';
import { classifyEmotion, EMOTIONS, type Emotion } from '../../apps/server/src/modules/emotion/classify.ts';

interface Labelled {
  text: string;
  emotion: Emotion;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'messages.jsonl');
const rows: Labelled[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, index) => {
    const row = JSON.parse(line) as Labelled;
    if (typeof row.text !== 'string' || !EMOTIONS.includes(row.emotion)) throw new Error(`${file}:${index + 1}: bad row`);
    return row;
  });

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const pct = (x: number) => x.toFixed(3);

const predicted = rows.map((row) => classifyEmotion(row.text).emotion);
const lines: string[] = [
  `${path.relative(process.cwd(), file)}: ${rows.length} messages`,
  'label        precision  recall  F1     n',
];
let macro = 0;
for (const label of EMOTIONS) {
  const tp = rows.filter((row, i) => row.emotion === label && predicted[i] === label).length;
  const p = ratio(tp, predicted.filter((e) => e === label).length);
  const n = rows.filter((row) => row.emotion === label).length;
  const r = ratio(tp, n);
  macro += f1(p, r) / EMOTIONS.length;
  lines.push(`${label.padEnd(12)} ${pct(p).padEnd(10)} ${pct(r).padEnd(7)} ${pct(f1(p, r)).padEnd(6)} ${n}`);
}
const isUpset = (e: Emotion) => isUpsetEmotion(e);
const upsetTp = rows.filter((row, i) => isUpset(row.emotion) && isUpset(predicted[i]!)).length;
const upsetP = ratio(upsetTp, predicted.filter(isUpset).length);
const upsetR = ratio(upsetTp, rows.filter((row) => isUpset(row.emotion)).length);
const accuracy = ratio(rows.filter((row, i) => row.emotion === predicted[i]).length, rows.length);
lines.push(`macro-F1     ${pct(macro)}`);
lines.push(`upset-F1     ${pct(f1(upsetP, upsetR))}   (precision ${pct(upsetP)}, recall ${pct(upsetR)})`);
lines.push(`accuracy     ${pct(accuracy)}`);
if (process.argv.includes('--misses')) {
  lines.push('', 'misses (expected → got):');
  rows.forEach((row, i) => {
    if (row.emotion !== predicted[i]) lines.push(`  ${row.emotion} → ${predicted[i]}: ${row.text}`);
  });
}
process.stdout.write(`${lines.join('\n')}\n`);
