import { UpdateWorkspaceBody, WorkspaceSettingsResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../commands/context.ts';
import { updateWorkspaceSettings, workspaceSettings } from '../../commands/workspaces.ts';
import { route } from '../route.ts';

export function workspaceRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/workspace',
    tag: 'workspace',
    summary: 'Workspace settings: time zone, opening hours, idle and presence times, reply promise',
    auth: 'agent',
    responses: { 200: WorkspaceSettingsResponse },
    handler: async ({ actor }) => ({ workspace: await workspaceSettings(services, actor) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/workspace',
    tag: 'workspace',
    summary: 'Change workspace settings (admins)',
    auth: 'agent',
    body: UpdateWorkspaceBody,
    responses: { 200: WorkspaceSettingsResponse },
    handler: async ({ actor, body }) => ({ workspace: await updateWorkspaceSettings(services, actor, body) }),
  });
}
