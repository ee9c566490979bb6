import { IdentitySecretResponse, LogoUploadQuery, UpdateWorkspaceBody, WorkspaceSettingsResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { acceptImageUploads, uploadedBytes } from '../files/index.ts';
import { identitySecret, rotateIdentitySecret, updateWorkspaceSettings, uploadLogo, workspaceSettings } from './settings.ts';

export function workspaceRoutes(app: FastifyInstance, services: Services) {
  acceptImageUploads(app);
  route(app, services, {
    method: 'GET',
    url: '/api/v1/workspace',
    tag: 'workspace',
    summary:
      'Workspace settings: name, greeting, logo, widget colour, currency, languages, time zone, opening hours and holidays, idle and presence times, reply promise, allowed origins',
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
    method: 'PUT',
    url: '/api/v1/workspace/logo',
    tag: 'workspace',
    summary:
      "Upload the workspace's logo, shown in the widget: the image itself as the body, sent as image/* (PNG, JPEG, GIF or WebP by its bytes, up to 2 MiB) (admins)",
    auth: 'agent',
    query: LogoUploadQuery,
    responses: { 200: WorkspaceSettingsResponse },
    handler: async ({ actor, query, request }) => ({
      workspace: await uploadLogo(services, actor, { bytes: uploadedBytes(request.body), name: query.name }),
    }),
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
