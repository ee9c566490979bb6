import { describe, expect, it } from 'vitest';
import { normaliseEmail, normaliseExternalId, normalisePhone } from './contactPoints.ts';

describe('contact points', () => {
  it('stores emails trimmed and lowercased, and refuses what is not one', () => {
    expect(normaliseEmail('  Ana.Wanjiru@Example.COM ')).toBe('ana.wanjiru@example.com');
    for (const bad of [
      '',
      'ana',
      'ana@',
      '@example.com',
      'ana@example',
      'a b@example.com',
      'ana@@example.com',
      `${'a'.repeat(320)}@x.com`,
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
  });

  it('writes phones in E.164, using the workspace country for national numbers', () => {
    expect(normalisePhone('+254 712 345 678')).toBe('+254712345678');
    expect(normalisePhone('0712-345-678', 'KE')).toBe('+254712345678');
    expect(normalisePhone('(415) 555-2671', 'us')).toBe('+14155552671');
    expect(normalisePhone('0712 345 678')).toBeNull();
    expect(normalisePhone('+254 12')).toBeNull();
    expect(normalisePhone('=cmd|calc')).toBeNull();
    expect(normalisePhone('call me')).toBeNull();
  });

  it('keeps external ids as given, without control characters', () => {
    expect(normaliseExternalId(' user-42 ')).toBe('user-42');
    expect(normaliseExternalId('')).toBeNull();
    expect(normaliseExternalId('a\u0000b')).toBeNull();
    expect(normaliseExternalId('x'.repeat(201))).toBeNull();
  });
});
