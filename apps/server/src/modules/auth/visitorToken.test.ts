import { describe, expect, it } from 'vitest';
import { signVisitorToken, verifyVisitorToken } from './visitorToken.ts';

const secret = 's'.repeat(40);
const now = new Date('2026-01-10T00:00:00Z');
const claims = { workspaceId: 'w1', customerId: 'c1', iat: now.getTime() / 1000 };

describe('visitor tokens', () => {
  it('round-trips the visitor it was issued to', () => {
    expect(verifyVisitorToken(signVisitorToken(claims, secret), secret, now, 30)).toEqual({ ...claims, epoch: 0 });
  });

  it('carries the visitor epoch it was issued in, so a later epoch can refuse it', () => {
    const issued = signVisitorToken({ ...claims, epoch: 3 }, secret);
    expect(verifyVisitorToken(issued, secret, now, 30)).toEqual({ ...claims, epoch: 3 });
    const [v, , sig] = issued.split('.');
    const bumped = Buffer.from(JSON.stringify({ w: 'w1', c: 'c1', i: claims.iat, e: 4 })).toString('base64url');
    expect(verifyVisitorToken(`${v}.${bumped}.${sig}`, secret, now, 30)).toBeNull();
  });

  it('rejects a token whose claims were changed', () => {
    const [v, , sig] = signVisitorToken(claims, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ w: 'w1', c: 'someone-else', i: claims.iat })).toString('base64url');
    expect(verifyVisitorToken(`${v}.${forged}.${sig}`, secret, now, 30)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyVisitorToken(signVisitorToken(claims, 'x'.repeat(40)), secret, now, 30)).toBeNull();
  });

  it('rejects an expired token', () => {
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect(verifyVisitorToken(signVisitorToken(claims, secret), secret, later, 30)).toBeNull();
  });

  it('rejects garbage without throwing', () => {
    for (const t of ['', 'v1', 'v1..', 'v2.a.b', 'v1.%%%.abc', `v1.${Buffer.from('nope').toString('base64url')}.x`]) {
      expect(verifyVisitorToken(t, secret, now, 30)).toBeNull();
    }
  });
});
