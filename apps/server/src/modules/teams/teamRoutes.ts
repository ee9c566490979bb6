import { TeamBody, TeamMembersBody, TeamParams, TeamResponse, TeamsResponse, UpdateTeamBody } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { createTeam, listTeams, setTeamMembers, updateTeam } from './teamsAndAgents.ts';

export function teamRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/teams',
    tag: 'teams',
    summary: 'Teams with their routing settings and members',
    auth: 'agent',
    responses: { 200: TeamsResponse },
    handler: async ({ actor }) => ({ teams: await listTeams(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/teams',
    tag: 'teams',
    summary: 'Create a team (admins)',
    auth: 'agent',
    body: TeamBody,
    responses: { 201: TeamResponse },
    handler: async ({ actor, body, reply }) => {
      reply.code(201);
      return { team: await createTeam(services, actor, body) };
    },
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/teams/:id',
    tag: 'teams',
    summary: "Change a team's name, time-to-human target, choice threshold or continuity grace (admins)",
    auth: 'agent',
    params: TeamParams,
    body: UpdateTeamBody,
    responses: { 200: TeamResponse },
    handler: async ({ actor, params, body }) => ({ team: await updateTeam(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'PUT',
    url: '/api/v1/teams/:id/members',
    tag: 'teams',
    summary: "Set a team's members (admins)",
    auth: 'agent',
    params: TeamParams,
    body: TeamMembersBody,
    responses: { 200: TeamResponse },
    handler: async ({ actor, params, body }) => ({ team: await setTeamMembers(services, actor, params.id, body.agentIds) }),
  });
}
