// Scoring of the emotion classifier against labelled JSON-lines sets, shared by evaluate.ts and the holdout test.
import { readFileSync } from 'node:fs';
import { isUpsetEmotion } from '@warmline/shared';
import { classifyEmotion, EMOTIONS, type Emotion } from '../../apps/server/src/modules/emotion/classify.ts';

export interface Labelled {
  text: string;
  emotion: Emotion;
}

export interface LabelScore {
  label: Emotion;
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

export interface SetScore {
  n: number;
  labels: LabelScore[];
  macroF1: number;
  upsetPrecision: number;
  upsetRecall: number;
  upsetF1: number;
  accuracy: number;
  misses: { text: string; expected: Emotion; got: Emotion }[];
}

/** One `{"text", "emotion"}` object per non-blank line; a row with an unknown label is refused, naming its line. */
export function readLabelled(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      const row = JSON.parse(line) as Labelled;
      if (typeof row.text !== 'string' || !EMOTIONS.includes(row.emotion)) throw new Error(`${file}:${index + 1}: bad row`);
      return row;
    });
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Precision, recall and F1 per label, macro-F1 over the eight labels, upset (upset vs not) and accuracy. */
export function scoreSet(rows: Labelled[]): SetScore {
  const predicted = rows.map((row) => classifyEmotion(row.text).emotion);
  const labels = EMOTIONS.map((label): LabelScore => {
    const tp = rows.filter((row, i) => row.emotion === label && predicted[i] === label).length;
    const n = rows.filter((row) => row.emotion === label).length;
    const precision = ratio(tp, predicted.filter((e) => e === label).length);
    const recall = ratio(tp, n);
    return { label, precision, recall, f1: f1(precision, recall), n };
  });
  const upsetTp = rows.filter((row, i) => isUpsetEmotion(row.emotion) && isUpsetEmotion(predicted[i]!)).length;
  const upsetPrecision = ratio(upsetTp, predicted.filter((e) => isUpsetEmotion(e)).length);
  const upsetRecall = ratio(upsetTp, rows.filter((row) => isUpsetEmotion(row.emotion)).length);
  return {
    n: rows.length,
    labels,
    macroF1: labels.reduce((sum, l) => sum + l.f1, 0) / EMOTIONS.length,
    upsetPrecision,
    upsetRecall,
    upsetF1: f1(upsetPrecision, upsetRecall),
    accuracy: ratio(rows.filter((row, i) => row.emotion === predicted[i]).length, rows.length),
    misses: rows.flatMap((row, i) =>
      row.emotion === predicted[i] ? [] : [{ text: row.text, expected: row.emotion, got: predicted[i]! }],
    ),
  };
}
