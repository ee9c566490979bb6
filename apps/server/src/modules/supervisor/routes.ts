import { SupervisorOverview } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { supervisorOverview } from './supervisor.ts';

export function supervisorRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/supervisor/overview',
    tag: 'supervisor',
    summary: 'The live queue, agents with status and load, and time to human today (supervisors and admins)',
    auth: 'agent',
    responses: { 200: SupervisorOverview },
    handler: async ({ actor }) => supervisorOverview(services, actor),
  });
}
