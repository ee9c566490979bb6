import { IdentitySecretResponse, UpdateWorkspaceBody, WorkspaceSettingsResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { identitySecret, rotateIdentitySecret, updateWorkspaceSettings, workspaceSettings } from './settings.ts';

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

  route(app, services, {
    method: 'GET',
    url: '/api/v1/workspace/identity-secret',
    tag: 'workspace',
    summary: 'The secret your website signs its signed-in users with: userHash = HMAC-SHA256(secret, userId) as hex (admins)',
    auth: 'agent',
    responses: { 200: IdentitySecretResponse },
    handler: async ({ actor }) => ({ secret: await identitySecret(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/workspace/identity-secret/rotate',
    tag: 'workspace',
    summary: 'Replace the identity secret; hashes made with the old one stop verifying (admins)',
    auth: 'agent',
    responses: { 200: IdentitySecretResponse },
    handler: async ({ actor }) => ({ secret: await rotateIdentitySecret(services, actor) }),
  });
}
