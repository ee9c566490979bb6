import { describe, expect, it } from 'vitest';
import { signLink } from '../store/index.ts';
import { invitationOfToken, surveyToken } from './surveyToken.ts';

const SECRET = 'a-secret-of-this-instance';
const ID = '5b0c6f1e-2d4a-4c3b-9e8f-0a1b2c3d4e5f';
const EXPIRES = new Date('2031-02-01T00:00:00Z');
const BEFORE = new Date('2031-01-20T00:00:00Z');

describe('survey links', () => {
  it('a link opens the invitation it was made for, until it expires', () => {
    const token = surveyToken(SECRET, ID, EXPIRES);
    expect(invitationOfToken(SECRET, token, BEFORE)).toEqual({ invitationId: ID });
    expect(invitationOfToken(SECRET, token, EXPIRES)).toBe('expired');
    expect(invitationOfToken(SECRET, token, new Date('2031-03-01T00:00:00Z'))).toBe('expired');
  });

  it('the same invitation always gets the same link', () => {
    expect(surveyToken(SECRET, ID, EXPIRES)).toBe(surveyToken(SECRET, ID, EXPIRES));
  });

  it('a changed id, expiry or signature opens nothing', () => {
    const token = surveyToken(SECRET, ID, EXPIRES);
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const otherId = `${id.slice(0, -1)}${id.endsWith('f') ? 'e' : 'f'}`;
    expect(invitationOfToken(SECRET, `${otherId}.${expiry}.${signature}`, BEFORE)).toBeNull();
    // A longer life is not granted by editing the date.
    expect(invitationOfToken(SECRET, `${id}.${Number(expiry) + 86_400 * 365}.${signature}`, BEFORE)).toBeNull();
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(invitationOfToken(SECRET, `${id}.${expiry}.${flipped}`, BEFORE)).toBeNull();
    expect(invitationOfToken(SECRET, `${id}.${expiry}.${signature.slice(0, 10)}`, BEFORE)).toBeNull();
  });

  it('a link signed with another secret, or for another purpose, opens no survey', () => {
    expect(invitationOfToken(SECRET, surveyToken('another-instance', ID, EXPIRES), BEFORE)).toBeNull();
    expect(invitationOfToken(SECRET, signLink(SECRET, 'walk-in-ticket', ID, EXPIRES), BEFORE)).toBeNull();
  });

  it('garbage and very long tokens open nothing', () => {
    for (const token of ['', '.', 'abc', `${ID}..`, `${ID}.12x.sig`, 'x'.repeat(5000), `${ID}.1.2.3`]) {
      expect(invitationOfToken(SECRET, token, BEFORE)).toBeNull();
    }
  });
});
