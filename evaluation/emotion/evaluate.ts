// Scores the emotion classifier against one or more labelled JSON-lines files:
//   node --import tsx evaluation/emotion/evaluate.ts [file…] [--misses]   (default: evaluation/emotion/messages.jsonl)
// Prints, per file, precision, recall and F1 per label, macro-F1, upset precision/recall/F1 and accuracy (and the
// misses with --misses), then one summary line per file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelled, type SetScore, scoreSet } from './score.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length === 0) files.push(path.join(here, 'messages.jsonl'));

const pct = (x: number) => x.toFixed(3);
const lines: string[] = [];
const summary: [string, SetScore][] = [];
for (const file of files) {
  const name = path.relative(process.cwd(), file);
  const score = scoreSet(readLabelled(file));
  summary.push([name, score]);
  lines.push(`${name}: ${score.n} messages`, 'label        precision  recall  F1     n');
  for (const l of score.labels)
    lines.push(`${l.label.padEnd(12)} ${pct(l.precision).padEnd(10)} ${pct(l.recall).padEnd(7)} ${pct(l.f1).padEnd(6)} ${l.n}`);
  lines.push(`macro-F1     ${pct(score.macroF1)}`);
  lines.push(`upset-F1     ${pct(score.upsetF1)}   (precision ${pct(score.upsetPrecision)}, recall ${pct(score.upsetRecall)})`);
  lines.push(`accuracy     ${pct(score.accuracy)}`);
  if (showMisses) {
    lines.push('', 'misses (expected → got):');
    for (const miss of score.misses) lines.push(`  ${miss.expected} → ${miss.got}: ${miss.text}`);
  }
  lines.push('');
}
if (summary.length > 1) {
  lines.push('set                                          n    macro-F1  upset P  upset R  accuracy');
  for (const [name, s] of summary)
    lines.push(
      `${name.padEnd(44)} ${String(s.n).padEnd(4)} ${pct(s.macroF1).padEnd(9)} ${pct(s.upsetPrecision).padEnd(8)} ${pct(s.upsetRecall).padEnd(8)} ${pct(s.accuracy)}`,
    );
}
process.stdout.write(`${lines.join('\n')}\n`);
