import type { IceServer } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import { iceServersFor } from './turn/turnCredentials.ts';

/**
 * The STUN and TURN servers a call's browsers use (`STUN_URLS`, `TURN_URLS`): TURN credentials are issued per call
 * party and expire after `TURN_TTL_SECONDS`. On loopback none is needed.
 */
export function iceServers(services: Pick<Services, 'config' | 'now'>, party: { workspaceId: string; id: string }): IceServer[] {
  return iceServersFor(services.config, `call-${party.id}`, services.now());
}
