import { describe, expect, it } from 'vitest';
import { isValidUserHash, userHashFor } from './identityVerification.ts';

describe('identity verification', () => {
  const secret = 'a'.repeat(64);

  it('is HMAC-SHA256 of the user id, as hex, the way a website computes it', () => {
    // echo -n "user-42" | openssl dgst -sha256 -hmac "aaaa…" gives the same digest.
    expect(userHashFor(secret, 'user-42')).toMatch(/^[0-9a-f]{64}$/);
    expect(isValidUserHash(secret, 'user-42', userHashFor(secret, 'user-42'))).toBe(true);
    expect(isValidUserHash(secret, 'user-42', userHashFor(secret, 'user-42').toUpperCase())).toBe(true);
  });

  it('refuses a hash for another user, another secret, a truncated or an empty one', () => {
    const good = userHashFor(secret, 'user-42');
    expect(isValidUserHash(secret, 'user-43', good)).toBe(false);
    expect(isValidUserHash('b'.repeat(64), 'user-42', good)).toBe(false);
    expect(isValidUserHash(secret, 'user-42', good.slice(0, 63))).toBe(false);
    expect(isValidUserHash(secret, 'user-42', '')).toBe(false);
  });
});
