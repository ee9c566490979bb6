import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, turnCredentials } from './turnCredentials.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const NOW_UNIX = NOW.getTime() / 1000;

describe('TURN credentials in the coturn REST shared-secret scheme', () => {
  it('names the expiry and the person, and signs that name with the shared secret', () => {
    const { username, credential, expiresAt } = turnCredentials('a-shared-secret-0123', 'agent-42', 600, NOW);
    expect(username).toBe(`${NOW_UNIX + 600}:agent-42`);
    expect(credential).toBe(createHmac('sha1', 'a-shared-secret-0123').update(username).digest('base64'));
    expect(expiresAt).toEqual(new Date(NOW.getTime() + 600_000));
  });

  it('matches the value coturn computes for a known secret and username', () => {
    // coturn: base64(hmac-sha1(static-auth-secret, "<expiry>:<user>")), checked with openssl dgst -sha1 -hmac.
    expect(turnCredentials('north', 'amina', 0, new Date(1_700_000_000_000)).credential).toBe('07+QH3s/354b1ZvG0+5M3qJ8Vys=');
  });

  it('keeps a colon in the identity from being read as the end of the expiry', () => {
    const { username } = turnCredentials('a-shared-secret-0123', 'visitor:7', 60, NOW);
    expect(username).toBe(`${NOW_UNIX + 60}:visitor_7`);
  });

  it('gives different passwords for different secrets and different people', () => {
    const a = turnCredentials('a-shared-secret-0123', 'agent-1', 600, NOW).credential;
    expect(turnCredentials('another-secret-4567', 'agent-1', 600, NOW).credential).not.toBe(a);
    expect(turnCredentials('a-shared-secret-0123', 'agent-2', 600, NOW).credential).not.toBe(a);
  });
});

describe('the ICE servers a browser in a call is given', () => {
  const settings = {
    stunUrls: ['stun:turn.example.com:3478'],
    turnUrls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349?transport=tcp'],
    turnSecret: 'a-shared-secret-0123',
    turnTtlSeconds: 600,
  };

  it('lists STUN as it is and TURN with credentials that expire after the configured time', () => {
    const servers = iceServersFor(settings, 'agent-42', NOW);
    expect(servers).toEqual([
      { urls: ['stun:turn.example.com:3478'] },
      {
        urls: settings.turnUrls,
        username: `${NOW_UNIX + 600}:agent-42`,
        credential: turnCredentials(settings.turnSecret, 'agent-42', 600, NOW).credential,
      },
    ]);
  });

  it('is empty when no STUN or TURN server is configured (calls then work on direct paths only)', () => {
    expect(iceServersFor({ stunUrls: [], turnUrls: [], turnSecret: undefined, turnTtlSeconds: 600 }, 'a', NOW)).toEqual([]);
  });

  it('offers STUN alone when only STUN is configured', () => {
    expect(iceServersFor({ ...settings, turnUrls: [], turnSecret: undefined }, 'a', NOW)).toEqual([
      { urls: ['stun:turn.example.com:3478'] },
    ]);
  });
});
