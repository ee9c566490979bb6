import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../core/context.ts';
import { route } from '../../../core/http/route.ts';
import { iceServersFor } from './turnCredentials.ts';

export const IceServersResponse = z.object({
  iceServers: z.array(
    z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() }),
  ),
  /** When the TURN credentials stop working; a browser asks again before placing or answering a later call. */
  expiresAt: z.iso.datetime(),
});

/** The STUN and TURN servers for a call, with TURN credentials made for the one asking. */
function iceServersReply(services: Services, identity: string) {
  const now = services.now();
  return {
    iceServers: iceServersFor(services.config, identity, now),
    expiresAt: new Date(now.getTime() + services.config.turnTtlSeconds * 1000).toISOString(),
  };
}

/**
 * ICE servers for agents (session cookie) and for visitors in the widget (visitor token). Credentials are
 * short-lived and never stored: coturn checks them against the shared secret.
 */
export function iceServerRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/voice/ice-servers',
    tag: 'voice',
    summary: 'STUN and TURN servers for a call, with TURN credentials valid for TURN_TTL_SECONDS',
    auth: 'agent',
    responses: { 200: IceServersResponse },
    handler: async ({ actor, reply }) => {
      reply.header('cache-control', 'no-store');
      return iceServersReply(services, `agent-${actor.agentId}`);
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/voice/ice-servers',
    tag: 'widget',
    summary: "STUN and TURN servers for a visitor's call, with TURN credentials valid for TURN_TTL_SECONDS",
    auth: 'visitor',
    responses: { 200: IceServersResponse },
    handler: async ({ actor, reply }) => {
      reply.header('cache-control', 'no-store');
      return iceServersReply(services, `customer-${actor.customerId}`);
    },
  });
}
