import { hmacSha1Base64 } from '../turn/turnCredentials.ts';

/**
 * A Janus API token in its signed-token scheme (`token_auth_secret`): `<expiry>,janus,janus.plugin.sip:<signature>`,
 * the signature base64(HMAC-SHA1(secret, the part before the colon)). Janus checks it without calling us, lets it
 * attach only to the SIP plugin, and refuses it after the expiry.
 */
export function janusToken(secret: string, ttlSeconds: number, now: Date): { token: string; expiresAt: Date } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const claims = `${expiry},janus,janus.plugin.sip`;
  return { token: `${claims}:${hmacSha1Base64(secret, claims)}`, expiresAt: new Date(expiry * 1000) };
}
