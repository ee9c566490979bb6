import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Services } from './core/context.ts';
import { DEMO_MEMBER, DEMO_WORKSPACE_KEY } from './demo.ts';
import { userHashFor } from './modules/customers/index.ts';
import { workspaces } from './modules/workspaces/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webPaths = {
  agentDist: path.join(root, 'apps/agent/dist'),
  widgetScript: path.join(root, 'apps/widget/dist/widget.js'),
  demoPage: path.join(root, 'apps/widget/demo.html'),
  avatars: path.join(root, 'apps/server/public/avatars'),
};

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const missingBuild = (what: string) =>
  `<!doctype html><meta charset="utf-8"><title>Warmline</title><p style="font:16px system-ui;margin:3rem">The ${what} has not been built yet. Run <code>npm run build</code>.</p>`;

/** The agent app, the widget script, the demo storefront and the demo avatars. */
export async function pageRoutes(app: FastifyInstance, services: Services) {
  await app.register(fastifyStatic, { root: webPaths.avatars, prefix: '/avatars/', decorateReply: false });
  if (fs.existsSync(path.join(webPaths.agentDist, 'assets'))) {
    await app.register(fastifyStatic, {
      root: path.join(webPaths.agentDist, 'assets'),
      prefix: '/app/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const agentIndex = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const html = readOrNull(path.join(webPaths.agentDist, 'index.html'));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-frame-options', 'DENY')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      )
      .send(html ?? missingBuild('agent app'));
  };
  app.get('/', async (_request, reply) => reply.redirect('/app'));
  app.get('/app', agentIndex);
  app.get('/app/*', agentIndex);

  app.get('/widget.js', async (_request, reply) => {
    const script = readOrNull(webPaths.widgetScript);
    if (!script)
      return reply
        .code(503)
        .send({ error: { code: 'unavailable', message: 'The widget has not been built. Run npm run build.' } });
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(script);
  });

  // The demo storefront, anonymous or (?member=1) signed in as its member: the page's server signs the
  // member's id with the workspace identity secret, exactly as a real shop's server would.
  app.get('/demo', async (request, reply) => {
    const page = readOrNull(webPaths.demoPage) ?? missingBuild('demo page');
    const workspace = (await workspaces.byKey(services.db, DEMO_WORKSPACE_KEY)) ?? (await workspaces.first(services.db));
    const key = workspace?.key ?? '';
    const signedIn = (request.query as Record<string, unknown>).member === '1' && workspace?.key === DEMO_WORKSPACE_KEY;
    let user = '';
    let account = '<a class="account" href="/demo?member=1">Sign in as Halima (demo)</a>';
    if (signedIn && workspace) {
      const hash = userHashFor(await workspaces.identitySecret(services.db, workspace.id), DEMO_MEMBER.userId);
      user = ` data-user-id="${escapeHtml(DEMO_MEMBER.userId)}" data-user-hash="${hash}" data-user-name="${escapeHtml(DEMO_MEMBER.name)}" data-user-email="${escapeHtml(DEMO_MEMBER.email)}"`;
      account = `<span class="account">Signed in as <b>${escapeHtml(DEMO_MEMBER.name)}</b> <a href="/demo">Sign out</a></span>`;
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        page
          .replaceAll('__WARMLINE_WORKSPACE_KEY__', escapeHtml(key))
          .replace('__WARMLINE_USER__', user)
          .replace('__WARMLINE_ACCOUNT__', account),
      );
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
