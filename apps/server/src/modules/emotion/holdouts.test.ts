import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelled, scoreSet } from '../../../../../evaluation/emotion/score.ts';

const sets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../evaluation/emotion');
const score = (file: string) => scoreSet(readLabelled(path.join(sets, file)));

/**
 * The December 2026 holdouts, written before the rules were tuned and never tuned on since. The aim for each is upset
 * recall ≥ 0.85 with precision ≥ 0.9; the floors below are what the rules reach today (docs/emotion.md), so a change
 * that reads fewer upset customers, or flags more calm ones, fails here. Raise a floor only with a fresh holdout.
 */
describe('emotion holdouts (2026-12, not tuned on)', () => {
  it('English: upset precision ≥ 0.92 and recall ≥ 0.80 (aim: 0.9 / 0.85)', () => {
    const english = score('holdout-2026-12-en.jsonl');
    expect(english.n).toBe(160);
    expect(english.upsetPrecision).toBeGreaterThanOrEqual(0.92);
    expect(english.upsetRecall).toBeGreaterThanOrEqual(0.8);
    expect(english.macroF1).toBeGreaterThanOrEqual(0.79);
  });

  it('Swahili: upset precision ≥ 0.96 and recall ≥ 0.72 (aim: 0.9 / 0.85)', () => {
    const swahili = score('holdout-2026-12-sw.jsonl');
    expect(swahili.n).toBe(80);
    expect(swahili.upsetPrecision).toBeGreaterThanOrEqual(0.96);
    expect(swahili.upsetRecall).toBeGreaterThanOrEqual(0.72);
    expect(swahili.macroF1).toBeGreaterThanOrEqual(0.75);
  });

  it('Spanish: upset precision ≥ 0.99 and recall ≥ 0.65 (aim: 0.9 / 0.85)', () => {
    const spanish = score('holdout-2026-12-es.jsonl');
    expect(spanish.n).toBe(80);
    expect(spanish.upsetPrecision).toBeGreaterThanOrEqual(0.99);
    expect(spanish.upsetRecall).toBeGreaterThanOrEqual(0.65);
    expect(spanish.macroF1).toBeGreaterThanOrEqual(0.72);
  });
});
