import { AgentParams } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { removeAgent } from './agentRemoval.ts';

/**
 * Removing a colleague lives here, not beside the other agent routes (teams): it puts their conversations back
 * in the queue, which the teams module, below conversations, cannot reach.
 */
export function agentRemovalRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/agents/:id',
    tag: 'agents',
    summary:
      'Remove someone who left (admins): they can no longer sign in, their sessions end, their open conversations go back to the queue; what they wrote keeps their name',
    auth: 'agent',
    params: AgentParams,
    responses: { 204: null },
    handler: async ({ actor, params }) => {
      await removeAgent(services, actor, params.id);
    },
  });
}
