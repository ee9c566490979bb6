import type { FastifyRequest } from 'fastify';
import type { Services } from '../../core/context.ts';
import type { WorkspaceRecord } from '../../modules/workspaces/index.ts';
import { isOwnOrigin } from './authenticate.ts';

/**
 * Whether the page asking may embed this workspace's widget: any page while its admins have listed no website,
 * then only the listed ones and Warmline's own pages (the demo). A request without an Origin (no browser page)
 * is not a page embedding anything; what it may do, its token says.
 */
export function mayEmbed(services: Services, request: FastifyRequest, workspace: Pick<WorkspaceRecord, 'allowedOrigins'>) {
  const origin = request.headers.origin;
  if (!origin || !workspace.allowedOrigins.length || workspace.allowedOrigins.includes(origin)) return true;
  return isOwnOrigin(services, request);
}
