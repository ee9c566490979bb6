import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpsetEmotion } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { readLabelled, scoreSet } from '../../../../../evaluation/emotion/score.ts';

const sets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../evaluation/emotion');
const score = (file: string) => scoreSet(readLabelled(path.join(sets, file)));

/**
 * Development sets: the rules were tuned on all of them, so these floors guard against a change that reads fewer upset
 * customers or flags more calm ones; they say nothing about unseen messages (docs/emotion.md). The December 2026 sets
 * were holdouts until they were evaluated once; their misses were then read and tuned on, so they are development sets.
 */
describe('emotion development sets: the 2026-12 sets (once holdouts, now tuned on)', () => {
  it('English: upset precision and recall ≥ 0.98', () => {
    const english = score('holdout-2026-12-en.jsonl');
    expect(english.n).toBe(160);
    expect(english.upsetPrecision).toBeGreaterThanOrEqual(0.98);
    expect(english.upsetRecall).toBeGreaterThanOrEqual(0.98);
    expect(english.macroF1).toBeGreaterThanOrEqual(0.97);
  });

  it('Swahili: upset precision and recall ≥ 0.98', () => {
    const swahili = score('holdout-2026-12-sw.jsonl');
    expect(swahili.n).toBe(80);
    expect(swahili.upsetPrecision).toBeGreaterThanOrEqual(0.98);
    expect(swahili.upsetRecall).toBeGreaterThanOrEqual(0.98);
    expect(swahili.macroF1).toBeGreaterThanOrEqual(0.96);
  });

  it('Spanish: upset precision and recall ≥ 0.98', () => {
    const spanish = score('holdout-2026-12-es.jsonl');
    expect(spanish.n).toBe(80);
    expect(spanish.upsetPrecision).toBeGreaterThanOrEqual(0.98);
    expect(spanish.upsetRecall).toBeGreaterThanOrEqual(0.98);
    expect(spanish.macroF1).toBeGreaterThanOrEqual(0.96);
  });
});

describe('emotion development sets: dev2–dev4 and dev6–dev11 (upset said without feeling words) and dev5 (calm messages naming problems)', () => {
  for (const language of ['en', 'sw', 'es'])
    it(`${language}: upset precision ≥ 0.95 and recall ≥ 0.98 on dev2–dev4, dev6–dev8, dev10 and dev11`, () => {
      for (const set of ['dev2', 'dev3', 'dev4', 'dev6', 'dev7', 'dev8', 'dev10', 'dev11']) {
        const result = score(`${set}-${language}.jsonl`);
        expect(result.upsetPrecision, set).toBeGreaterThanOrEqual(0.95);
        expect(result.upsetRecall, set).toBeGreaterThanOrEqual(0.98);
      }
    });

  // dev9 labels a death a year ago with a plain request as calm; the rules read any death as sad (precision 0.92–0.95).
  it('dev9: upset precision ≥ 0.9 and recall ≥ 0.98 in each language', () => {
    for (const language of ['en', 'sw', 'es']) {
      const result = score(`dev9-${language}.jsonl`);
      expect(result.upsetPrecision, language).toBeGreaterThanOrEqual(0.9);
      expect(result.upsetRecall, language).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('no calm message in dev5 is read as upset', () => {
    for (const language of ['en', 'sw', 'es']) {
      const calm = score(`dev5-calm-${language}.jsonl`);
      expect(calm.misses.filter((miss) => isUpsetEmotion(miss.got)).map((miss) => miss.text)).toEqual([]);
    }
  });
});
