import {
  AgentParams,
  AgentResponse,
  AgentsResponse,
  AvatarUploadQuery,
  SetPresenceBody,
  UpdateAgentBody,
  UpdateMeBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { acceptImageUploads, type FetchingServices, uploadedBytes } from '../files/index.ts';
import { agents } from './agentsRepository.ts';
import { setPresence } from './presence.ts';
import { presentAgent } from './presentAgent.ts';
import { updateProfile, uploadAvatar } from './profile.ts';
import { updateAgentRouting } from './teamsAndAgents.ts';

/** How many photos an agent may have Warmline fetch, or upload, per hour: each fetch is a request to another server. */
const PHOTOS_PER_HOUR = 20;

export function agentRoutes(app: FastifyInstance, services: FetchingServices, limiter: RateLimiter) {
  acceptImageUploads(app);

  route(app, services, {
    method: 'GET',
    url: '/api/v1/agents',
    tag: 'agents',
    summary: 'Everyone in the workspace, with presence and load',
    auth: 'agent',
    responses: { 200: AgentsResponse },
    handler: async ({ actor }) => ({ agents: (await agents.list(services.db, actor.workspaceId)).map(presentAgent) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/agents/me',
    tag: 'agents',
    summary:
      "Change your display name, photo or missed-contact emails: a photo's http(s) address is fetched once and served by Warmline from then on",
    auth: 'agent',
    body: UpdateMeBody,
    responses: { 200: AgentResponse },
    handler: async ({ actor, body }) => {
      if (/^https?:/i.test(body.avatarUrl ?? '')) await limiter.hit(`avatar:${actor.agentId}`, PHOTOS_PER_HOUR, 3600);
      return { agent: await updateProfile(services, actor, body) };
    },
  });

  route(app, services, {
    method: 'PUT',
    url: '/api/v1/agents/me/avatar',
    tag: 'agents',
    summary:
      'Upload your photo: the image itself as the body, sent as image/* (PNG, JPEG, GIF or WebP by its bytes, up to 2 MiB)',
    auth: 'agent',
    query: AvatarUploadQuery,
    responses: { 200: AgentResponse },
    handler: async ({ actor, query, request }) => {
      await limiter.hit(`avatar:${actor.agentId}`, PHOTOS_PER_HOUR, 3600);
      return { agent: await uploadAvatar(services, actor, { bytes: uploadedBytes(request.body), name: query.name }) };
    },
  });

  route(app, services, {
    method: 'PUT',
    url: '/api/v1/agents/me/presence',
    tag: 'agents',
    summary: 'Set your presence; becoming available picks up waiting conversations',
    auth: 'agent',
    body: SetPresenceBody,
    responses: { 200: AgentResponse },
    handler: async ({ actor, body }) => ({ agent: presentAgent(await setPresence(services, actor, body.presence)) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/agents/:id',
    tag: 'agents',
    summary: "Set a colleague's role, capacity per channel, skills and languages (admins)",
    auth: 'agent',
    params: AgentParams,
    body: UpdateAgentBody,
    responses: { 200: AgentResponse },
    handler: async ({ actor, params, body }) => ({ agent: await updateAgentRouting(services, actor, params.id, body) }),
  });
}
