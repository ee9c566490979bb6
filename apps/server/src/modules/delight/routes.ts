import {
  ConversationParams,
  DecideDelightBody,
  DelightMomentParams,
  DelightMomentResponse,
  DelightMomentsResponse,
  DelightWallResponse,
  DelightWallsResponse,
  MarkDelightBody,
  WallParams,
  WallShareResponse,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { conversationMoments, decideMoment, markMessage } from './moments.ts';
import { getWall, listWalls, revokeWallShare, shareWall } from './walls.ts';

/** Moments of delight: marked on customers' messages, suggested from warm words and surveys, kept on teams' walls. */
export function delightRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id/delight',
    tag: 'delight',
    summary: "A conversation's moments of delight: kept, suggested (to keep or dismiss) and dismissed",
    auth: 'agent',
    params: ConversationParams,
    responses: { 200: DelightMomentsResponse },
    handler: async ({ actor, params }) => ({ moments: await conversationMoments(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/delight',
    tag: 'delight',
    summary:
      "Mark a customer's message as a moment of delight (keep: true), or unmark it (keep: false); their words are kept as written now",
    auth: 'agent',
    params: ConversationParams,
    body: MarkDelightBody,
    responses: { 200: DelightMomentResponse },
    handler: async ({ actor, params, body }) => ({
      moment: await markMessage(services, actor, { conversationId: params.id, seq: body.seq, keep: body.keep }),
    }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/delight/moments/:id',
    tag: 'delight',
    summary:
      "Keep a suggested moment (it goes on the team's wall) or dismiss it (never suggested again): the conversation's agent, supervisors, admins",
    auth: 'agent',
    params: DelightMomentParams,
    body: DecideDelightBody,
    responses: { 200: DelightMomentResponse },
    handler: async ({ actor, params, body }) => ({
      moment: await decideMoment(services, actor, { id: params.id, status: body.status }),
    }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/delight/walls',
    tag: 'delight',
    summary: 'The teams whose delight walls you may open, with how many moments each keeps and how many wait for you',
    auth: 'agent',
    responses: { 200: DelightWallsResponse },
    handler: async ({ actor }) => ({ walls: await listWalls(services, actor) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/delight/walls/:id',
    tag: 'delight',
    summary: "A team's delight wall: kept moments with the customer's words and first name, the agent, the date",
    auth: 'agent',
    params: WallParams,
    responses: { 200: DelightWallResponse },
    handler: async ({ actor, params }) => ({ wall: await getWall(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/delight/walls/:id/share',
    tag: 'delight',
    summary: "Share a team's wall by a public, read-only link (supervisors, admins); answers the open link if there is one",
    auth: 'agent',
    params: WallParams,
    responses: { 200: WallShareResponse },
    handler: async ({ actor, params }) => ({ share: await shareWall(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/delight/walls/:id/share',
    tag: 'delight',
    summary: "Stop sharing a team's wall: its link opens nothing from now on (supervisors, admins)",
    auth: 'agent',
    params: WallParams,
    responses: { 200: WallShareResponse },
    handler: async ({ actor, params }) => {
      await revokeWallShare(services, actor, params.id);
      return { share: null };
    },
  });
}
