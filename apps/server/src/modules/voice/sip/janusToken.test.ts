import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { janusToken } from './janusToken.ts';

describe("Janus tokens for an agent's phone line", () => {
  it('names the expiry, the realm and the SIP plugin only, signed with the shared secret', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const { token, expiresAt } = janusToken('a-janus-token-secret-0123', 3600, now);
    const claims = `${now.getTime() / 1000 + 3600},janus,janus.plugin.sip`;
    expect(token).toBe(`${claims}:${createHmac('sha1', 'a-janus-token-secret-0123').update(claims).digest('base64')}`);
    expect(expiresAt).toEqual(new Date(now.getTime() + 3_600_000));
  });
});
