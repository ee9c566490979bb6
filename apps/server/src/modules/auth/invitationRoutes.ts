import { InvitationResponse, InviteAgentBody } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { inviteAgent } from './auth.ts';

export function invitationRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'POST',
    url: '/api/v1/agents/invitations',
    tag: 'agents',
    summary: 'Invite a colleague (admins)',
    auth: 'agent',
    body: InviteAgentBody,
    responses: { 201: InvitationResponse },
    handler: async ({ actor, body, reply }) => {
      const invitation = await inviteAgent(services, actor, { email: body.email, role: body.role });
      reply.code(201);
      return { invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } };
    },
  });
}
