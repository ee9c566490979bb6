import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AgentActor, AgentSession, Authenticator, Services, VisitorActor } from '../../core/context.ts';
import { AppError, Unauthenticated } from '../../core/errors.ts';
import { currentSession } from './auth.ts';
import { visitorFromToken } from './visitors.ts';

export const SESSION_COOKIE = 'wl_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A signed-in agent from the session cookie. Writes must also carry the session's CSRF token in
 * `X-CSRF-Token`, and come from our own origin when the browser says where they come from.
 */
export async function requireAgent(
  services: Services,
  request: FastifyRequest,
): Promise<{ actor: AgentActor; session: AgentSession }> {
  const token = request.cookies[SESSION_COOKIE];
  const current = token ? await currentSession(services, token) : null;
  if (!current) throw new Unauthenticated();
  if (!SAFE_METHODS.has(request.method)) {
    checkSameOrigin(services, request);
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, current.session.csrfToken)) {
      throw new AppError('forbidden', 403, 'Missing or wrong X-CSRF-Token header. Reload the page and try again.');
    }
  }
  const { agent, session, workspace } = current;
  return {
    actor: { kind: 'agent', workspaceId: agent.workspaceId, agentId: agent.id, role: agent.role },
    session: {
      session,
      workspace: { id: workspace.id, name: workspace.name, key: workspace.key, idleAwayMinutes: workspace.idleAwayMinutes },
    },
  };
}

/** A visitor from `Authorization: Bearer <visitor token>`. */
export async function requireVisitor(services: Services, request: FastifyRequest): Promise<VisitorActor> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) throw new Unauthenticated('A visitor token is required (Authorization: Bearer <token>).');
  return visitorFromToken(services, match[1]!);
}

/**
 * True when a request comes from our own pages (or from no browser at all: cookies are not sent cross-site
 * without an Origin). Our origin is PUBLIC_URL's, or plain http to the Host asked for.
 */
export function isOwnOrigin(services: Services, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  return !origin || origin === new URL(services.config.publicUrl).origin || origin === `http://${request.headers.host}`;
}

/** Cookie-authenticated writes from another site are refused even before the CSRF token is checked. */
export function checkSameOrigin(services: Services, request: FastifyRequest): void {
  if (!isOwnOrigin(services, request)) {
    throw new AppError('forbidden', 403, `Requests from ${request.headers.origin} are not allowed.`);
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Agents by their session cookie, visitors by their token: what every route and socket asks. */
export const authenticator: Authenticator = { agent: requireAgent, visitor: requireVisitor };
