import { AcceptInvitationBody, ChangePasswordBody, InvitationPreview, SessionResponse, SignInBody } from '@warmline/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { agents, presentAgent } from '../teams/index.ts';
import { acceptInvitation, changePassword, previewInvitation, type SignedIn, signIn, signOut } from './auth.ts';
import { checkSameOrigin, SESSION_COOKIE } from './authenticate.ts';

export function authRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  const startSession = (reply: FastifyReply, signedIn: SignedIn) => {
    reply.setCookie(SESSION_COOKIE, signedIn.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // Secure whenever Warmline is served over https (what a proxy in front says of the scheme is not asked).
      secure: services.config.publicUrl.startsWith('https://'),
      maxAge: services.config.sessionTtlHours * 3600,
    });
    return {
      agent: presentAgent(signedIn.agent),
      workspace: {
        id: signedIn.workspace.id,
        name: signedIn.workspace.name,
        key: signedIn.workspace.key,
        idleAwayMinutes: signedIn.workspace.idleAwayMinutes,
      },
      csrfToken: signedIn.session.csrfToken,
      emailReady: services.config.smtp !== null,
    };
  };

  route(app, services, {
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    tag: 'auth',
    summary: 'Sign in with email and password',
    auth: 'none',
    body: SignInBody,
    responses: { 200: SessionResponse },
    handler: async ({ body, request, reply }) => {
      checkSameOrigin(services, request);
      const perWindow = services.config.signInLimitPer15Min;
      await limiter.hit(`sign-in:${request.ip}:${body.email.toLowerCase()}`, perWindow, 15 * 60);
      await limiter.hit(`sign-in:${request.ip}`, perWindow * 5, 15 * 60);
      return startSession(reply, await signIn(services, body));
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/auth/sign-out',
    tag: 'auth',
    summary: 'Sign out of this session',
    auth: 'agent',
    responses: { 204: null },
    handler: async ({ session, reply }) => {
      await signOut(services, session.session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/auth/password',
    tag: 'auth',
    summary: 'Change my password; every other session of mine ends',
    auth: 'agent',
    body: ChangePasswordBody,
    responses: { 204: null },
    handler: async ({ body, session }) => {
      // Guessing the current password from a stolen session is limited as guessing it at sign-in is.
      await limiter.hit(`password:${session.session.agentId}`, services.config.signInLimitPer15Min, 15 * 60);
      await changePassword(services, session.session, body);
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/auth/session',
    tag: 'auth',
    summary: 'The signed-in agent, workspace and CSRF token',
    auth: 'agent',
    responses: { 200: SessionResponse },
    handler: async ({ actor, session }) => {
      const agent = (await agents.byId(services.db, actor.workspaceId, actor.agentId))!;
      return {
        agent: presentAgent(agent),
        workspace: session.workspace,
        csrfToken: session.session.csrfToken,
        emailReady: services.config.smtp !== null,
      };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/auth/invitations/:token',
    tag: 'auth',
    summary: 'What an invitation link is for',
    auth: 'none',
    params: z.object({ token: z.string().min(1).max(200) }),
    responses: { 200: InvitationPreview },
    handler: async ({ params, request }) => {
      await limiter.hit(`invitation:${request.ip}`, 60, 60);
      return previewInvitation(services, params.token);
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/auth/accept-invitation',
    tag: 'auth',
    summary: 'Create an account from an invitation and sign in',
    auth: 'none',
    body: AcceptInvitationBody,
    responses: { 200: SessionResponse },
    handler: async ({ body, request, reply }) => {
      checkSameOrigin(services, request);
      await limiter.hit(`invitation:${request.ip}`, 60, 60);
      return startSession(reply, await acceptInvitation(services, body));
    },
  });
}
