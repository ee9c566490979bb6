import { describe, expect, it } from 'vitest';
import { attributeDraftProblem, keyFromLabel, parseChoices } from './attributeForm.ts';

describe('keyFromLabel', () => {
  it('makes a stored key from the label an admin types', () => {
    expect(keyFromLabel('Favourite loaf')).toBe('favourite_loaf');
    expect(keyFromLabel('  Crème brûlée fan? ')).toBe('creme_brulee_fan');
    expect(keyFromLabel('Loyalty tier (2025)')).toBe('loyalty_tier_2025');
  });

  it('starts with a letter and stays within 40 characters', () => {
    expect(keyFromLabel('2025 tier')).toBe('a_2025_tier');
    expect(keyFromLabel('x'.repeat(60))).toHaveLength(40);
    expect(keyFromLabel('!!!')).toBe('');
  });
});

describe('parseChoices', () => {
  it('reads a comma-separated line, dropping blanks and repeats', () => {
    expect(parseChoices(' Bronze, Silver,,Gold, Silver ')).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(parseChoices('')).toEqual([]);
  });
});

describe('attributeDraftProblem', () => {
  it('asks for a label and, for a choice, the choices', () => {
    expect(attributeDraftProblem({ label: '', type: 'text', choicesText: '' })).toMatch(/label/);
    expect(attributeDraftProblem({ label: 'Tier', type: 'choice', choicesText: ' , ' })).toMatch(/choices/);
    expect(attributeDraftProblem({ label: 'Tier', type: 'choice', choicesText: 'Gold' })).toBeNull();
    expect(attributeDraftProblem({ label: 'Allergies', type: 'text', choicesText: '' })).toBeNull();
  });
});
