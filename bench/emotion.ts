import fs from 'node:fs';
import path from 'node:path';
import vader from 'vader-sentiment';
import { classifyEmotion } from '../apps/server/src/domain/emotion/classify.ts';
import type { Figure } from './index.ts';
import { root } from './serverProcess.ts';
import { round } from './size.ts';

const RUN_MS = 3_000;

/** emotion.throughput: messages classified per second on one core; baseline: vader's polarity score alone. */
export async function emotionBenchmarks(): Promise<Figure[]> {
  const texts = ['messages.jsonl', 'holdout.jsonl'].flatMap((file) =>
    fs
      .readFileSync(path.join(root, 'evaluation/emotion', file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const rate = (fn: (text: string) => unknown) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < RUN_MS) {
      for (const text of texts) fn(text);
      n += texts.length;
    }
    return (n / (performance.now() - t0)) * 1000;
  };
  rate(classifyEmotion); // warm up
  const value = rate(classifyEmotion);
  const baseline = rate((text) => vader.SentimentIntensityAnalyzer.polarity_scores(text));
  return [
    {
      bench: 'emotion.throughput',
      value: round(value, 0),
      unit: 'msg/s',
      baseline: round(baseline, 0),
      ratio: round(value / baseline),
      notes: `classifyEmotion over the ${texts.length} evaluation messages for ${RUN_MS / 1000} s on one core; baseline: vader-sentiment's polarity score alone`,
    },
  ];
}
