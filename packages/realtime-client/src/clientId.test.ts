import { describe, expect, it } from 'vitest';
import { newClientId } from './clientId.ts';

const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientId', () => {
  it('makes a version-4 UUID the server accepts', () => {
    expect(newClientId()).toMatch(shape);
    expect(newClientId()).not.toBe(newClientId());
  });

  it('makes a v4 UUID even where crypto.randomUUID is missing (plain-http pages)', () => {
    expect(newClientId()).toMatch(shape);
    // Shadow the prototype's method, as on an insecure origin where it is not exposed.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const a = newClientId();
      expect(a).toMatch(shape);
      expect(newClientId()).not.toBe(a);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
