import { describe, expect, it } from 'vitest';
import { colorFor, initialsOf } from './avatarColor.ts';

describe('avatar without a photo', () => {
  it('shows up to two initials', () => {
    expect(initialsOf('Amina Diallo')).toBe('AD');
    expect(initialsOf('ben')).toBe('B');
    expect(initialsOf('  Jean  Luc  Picard ')).toBe('JP');
    expect(initialsOf('')).toBe('?');
  });

  it('gives a name the same colour every time', () => {
    expect(colorFor('Amina')).toBe(colorFor('Amina'));
    expect(colorFor('Amina')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
