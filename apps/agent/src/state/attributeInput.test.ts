import type { AttributeDefinition } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { formatAttribute, fromInput, toInputValue, withAttribute } from './attributeInput.ts';

const def = (type: AttributeDefinition['type'], choices: string[] = []): AttributeDefinition => ({
  key: 'k',
  label: 'K',
  type,
  choices,
});

describe('fromInput', () => {
  it('reads an emptied input of any type as a cleared value', () => {
    for (const type of ['text', 'number', 'date', 'boolean', 'choice'] as const) {
      expect(fromInput(def(type, ['a']), '  ')).toEqual({ ok: true, value: null });
    }
  });

  it('keeps text trimmed', () => {
    expect(fromInput(def('text'), '  gluten free  ')).toEqual({ ok: true, value: 'gluten free' });
  });

  it('turns typed numbers into numbers, comma decimals included', () => {
    expect(fromInput(def('number'), '12')).toEqual({ ok: true, value: 12 });
    expect(fromInput(def('number'), '4.5')).toEqual({ ok: true, value: 4.5 });
    expect(fromInput(def('number'), '4,5')).toEqual({ ok: true, value: 4.5 });
    expect(fromInput(def('number'), '-3')).toEqual({ ok: true, value: -3 });
  });

  it('says kindly when a number is not a number', () => {
    expect(fromInput(def('number'), 'a dozen')).toEqual({ ok: false, problem: 'Enter a number, like 12 or 4.5.' });
    expect(fromInput(def('number'), '1,000,000').ok).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(fromInput(def('date'), '2025-02-28')).toEqual({ ok: true, value: '2025-02-28' });
    expect(fromInput(def('date'), '2025-02-30').ok).toBe(false);
    expect(fromInput(def('date'), '28/02/2025').ok).toBe(false);
  });

  it('reads yes and no as booleans', () => {
    expect(fromInput(def('boolean'), 'true')).toEqual({ ok: true, value: true });
    expect(fromInput(def('boolean'), 'false')).toEqual({ ok: true, value: false });
    expect(fromInput(def('boolean'), 'maybe').ok).toBe(false);
  });

  it('accepts only the choices offered', () => {
    const tier = def('choice', ['Bronze', 'Gold']);
    expect(fromInput(tier, 'Gold')).toEqual({ ok: true, value: 'Gold' });
    expect(fromInput(tier, 'Platinum')).toEqual({ ok: false, problem: 'Choose one of: Bronze, Gold.' });
  });
});

describe('toInputValue', () => {
  it('shows nothing for a value never set', () => {
    expect(toInputValue(def('number'), undefined)).toBe('');
    expect(toInputValue(def('boolean'), null)).toBe('');
  });

  it('shows stored values the way their inputs hold them', () => {
    expect(toInputValue(def('number'), 4.5)).toBe('4.5');
    expect(toInputValue(def('boolean'), true)).toBe('true');
    expect(toInputValue(def('boolean'), false)).toBe('false');
    expect(toInputValue(def('date'), '2025-01-03')).toBe('2025-01-03');
  });

  it('round-trips through fromInput', () => {
    for (const [type, value] of [
      ['text', 'oat milk'],
      ['number', 7],
      ['date', '2024-12-24'],
      ['boolean', false],
    ] as const) {
      expect(fromInput(def(type), toInputValue(def(type), value))).toEqual({ ok: true, value });
    }
  });
});

describe('formatAttribute', () => {
  it('reads like a person wrote it', () => {
    expect(formatAttribute(def('boolean'), true)).toBe('Yes');
    expect(formatAttribute(def('boolean'), false)).toBe('No');
    expect(formatAttribute(def('text'), null)).toBe('—');
    expect(formatAttribute(def('number'), 3)).toBe('3');
    expect(formatAttribute(def('date'), '2025-01-03')).toMatch(/2025/);
  });
});

describe('withAttribute', () => {
  it('changes one value and keeps the rest', () => {
    const before = { tier: 'Gold', allergies: 'nuts' };
    expect(withAttribute(before, 'tier', null)).toEqual({ tier: null, allergies: 'nuts' });
    expect(before.tier).toBe('Gold');
  });
});
