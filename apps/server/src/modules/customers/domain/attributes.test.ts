import type { AttributeDefinition } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { checkAttributes } from './attributes.ts';

const definitions: AttributeDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'choice', choices: ['bread club', 'wholesale'] },
  { key: 'loaves_per_week', label: 'Loaves per week', type: 'number', choices: [] },
  { key: 'birthday', label: 'Birthday', type: 'date', choices: [] },
  { key: 'gluten_free', label: 'Gluten free', type: 'boolean', choices: [] },
  { key: 'favourite', label: 'Favourite', type: 'text', choices: [] },
];

describe('custom attributes', () => {
  it('accepts values of the right type and stores them in one form', () => {
    expect(
      checkAttributes(definitions, {
        plan: 'wholesale',
        loaves_per_week: '12',
        birthday: '1990-02-28',
        gluten_free: 'yes',
        favourite: 'rye',
      }),
    ).toEqual({
      ok: true,
      values: { plan: 'wholesale', loaves_per_week: 12, birthday: '1990-02-28', gluten_free: true, favourite: 'rye' },
    });
  });

  it('clears a value with null or an empty string', () => {
    expect(checkAttributes(definitions, { plan: null, favourite: '' })).toEqual({
      ok: true,
      values: { plan: null, favourite: null },
    });
  });

  it('names every problem: unknown keys, wrong types, impossible dates, choices not offered', () => {
    const result = checkAttributes(definitions, {
      colour: 'red',
      plan: 'gold',
      loaves_per_week: 'lots',
      birthday: '1990-02-30',
      gluten_free: 'maybe',
      favourite: 'x'.repeat(2001),
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        'colour: no such attribute in this workspace',
        'plan: must be one of: bread club, wholesale',
        'loaves_per_week: must be a number',
        'birthday: must be a date written YYYY-MM-DD',
        'gluten_free: must be true or false',
        'favourite: must be text of at most 2000 characters',
      ]);
  });
});
