import { describe, expect, it } from 'vitest';
import { contrastWithWhite, darker, lighter } from './colour.ts';

describe('widget colour', () => {
  it('measures how white text reads on a colour', () => {
    expect(contrastWithWhite('#ffffff')).toBe(1);
    expect(contrastWithWhite('#000000')).toBe(21);
    expect(contrastWithWhite('#c2410c')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#ffd966')).toBeLessThan(2);
  });
  it('darkens a colour towards black', () => {
    expect(darker('#c8c8c8', 0.5)).toBe('#646464');
    expect(darker('#000000')).toBe('#000000');
  });
  it('lightens a colour towards white', () => {
    expect(lighter('#000000', 0.5)).toBe('#808080');
    expect(lighter('#ffffff')).toBe('#ffffff');
  });
});
