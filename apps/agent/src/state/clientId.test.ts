import { describe, expect, it } from 'vitest';
import { newClientId } from './clientId.ts';

describe('newClientId', () => {
  it('makes a version-4 UUID the server accepts', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newClientId()).not.toBe(newClientId());
  });
});
