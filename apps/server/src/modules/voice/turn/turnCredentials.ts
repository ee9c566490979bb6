import { createHmac } from 'node:crypto';

/** One entry of RTCConfiguration.iceServers. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface TurnCredentials {
  username: string;
  credential: string;
  expiresAt: Date;
}

/**
 * Short-lived TURN credentials in coturn's REST shared-secret scheme (`use-auth-secret`): the username is
 * `<expiry unix seconds>:<identity>` and the password base64(HMAC-SHA1(secret, username)). coturn checks both
 * without calling us, and refuses them once the expiry has passed.
 */
export function turnCredentials(secret: string, identity: string, ttlSeconds: number, now: Date): TurnCredentials {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  // A colon would be read as the end of the expiry by coturn; the identity is only a label in its logs.
  const username = `${expiry}:${identity.replaceAll(':', '_')}`;
  return { username, credential: hmacSha1Base64(secret, username), expiresAt: new Date(expiry * 1000) };
}

/** base64(HMAC-SHA1(secret, text)): how coturn and Janus both check a credential Warmline signed. */
export function hmacSha1Base64(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text).digest('base64');
}

export interface IceSettings {
  stunUrls: string[];
  turnUrls: string[];
  turnSecret: string | undefined;
  turnTtlSeconds: number;
}

/** The ICE servers a browser in a call gets: the STUN servers as they are, the TURN servers with fresh credentials. */
export function iceServersFor(settings: IceSettings, identity: string, now: Date): IceServer[] {
  const servers: IceServer[] = [];
  if (settings.stunUrls.length > 0) servers.push({ urls: [...settings.stunUrls] });
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    const { username, credential } = turnCredentials(settings.turnSecret, identity, settings.turnTtlSeconds, now);
    servers.push({ urls: [...settings.turnUrls], username, credential });
  }
  return servers;
}
