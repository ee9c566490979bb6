import type { IceServer } from '@warmline/shared';
import type { Config } from '../../core/config.ts';

/**
 * The STUN and TURN servers a call's browsers use, from configuration (`STUN_URLS`). On loopback none is needed.
 * Asked once per call party, so short-lived TURN credentials can be issued here per call.
 */
export function iceServers(config: Pick<Config, 'stunUrls'>, _party: { workspaceId: string; id: string }): IceServer[] {
  return config.stunUrls.length ? [{ urls: config.stunUrls }] : [];
}
