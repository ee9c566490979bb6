import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { EMAIL_FRAME_STYLES } from '@warmline/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from './core/context.ts';
import { escapeHtml } from './core/html.ts';
import { DEMO_MEMBER, DEMO_WORKSPACE_KEY } from './demo.ts';
import { userHashFor } from './modules/customers/index.ts';
import { workspaces } from './modules/workspaces/index.ts';
import { plainDemoPage } from './plainDemoPage.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webPaths = {
  agentDist: path.join(root, 'apps/agent/dist'),
  widgetScript: path.join(root, 'apps/widget/dist/widget.js'),
  demoPage: path.join(root, 'apps/widget/demo.html'),
  avatars: path.join(root, 'apps/server/public/avatars'),
  storeDist: path.join(root, 'apps/store/dist'),
};

export function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export const missingBuild = (what: string) =>
  `<!doctype html><meta charset="utf-8"><title>Warmline</title><style>p{font:16px system-ui;margin:3rem}</style><p>The ${what} has not been built yet. Run <code>npm run build</code>.</p>`;

const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

/** The one Trusted Types policy the agent app may create (apps/agent/src/components/EmailFrame.tsx). */
const EMAIL_FRAME_POLICY = 'email-frame';

/**
 * The Content-Security-Policy of every HTML page Warmline serves. Scripts come only from Warmline itself (no
 * inline script or handler, no eval); stylesheets too, and a page's own `<style>` blocks by their hash. Style
 * set from script through the CSSOM (React's `style` props, the widget's constructed stylesheet) is not inline
 * style and needs nothing more. Connections go only back to Warmline (`'self'`, and the public origin's
 * WebSocket scheme spelled out for browsers that do not read `'self'` as covering ws/wss); no plugins; no
 * page is ever framed. `trustedTypes` also forbids parsing any string as HTML from script, for pages whose
 * code never does (the agent app renders everything as text) — but for one named policy, `email-frame`, through which
 * the agent app hands a received email's server-sanitised HTML to a frame sandboxed from everything (`srcdoc`); that
 * frame inherits this policy, so the hashes of its fixed style blocks (`EMAIL_FRAME_STYLES`) are listed too.
 *
 * @example pagePolicy('<style>p{}</style>', 'https://help.example') // "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-…'; …"
 */
export function pagePolicy(html: string, publicUrl: string, opts: { trustedTypes?: boolean; connectTo?: string[] } = {}): string {
  const styleHashes = [
    ...[...html.matchAll(INLINE_STYLE)].map((m) => m[1]!),
    ...(opts.trustedTypes ? EMAIL_FRAME_STYLES : []),
  ].map((style) => ` 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${[...new Set(styleHashes)].join('')}`,
    // blob: for the widget's thumbnails of files in a conversation, fetched with the visitor's token.
    "img-src 'self' https: data: blob:",
    `connect-src 'self' ${[socketOrigin(publicUrl), ...(opts.connectTo ?? [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.trustedTypes) policy.push("require-trusted-types-for 'script'", `trusted-types ${EMAIL_FRAME_POLICY}`);
  return policy.join('; ');
}

/** The public origin with its WebSocket scheme: wss for https, ws for http. */
function socketOrigin(publicUrl: string): string {
  const url = new URL(publicUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/** Sends an HTML page with its policy: never framed (frame-ancestors and, for older browsers, X-Frame-Options). */
export function sendPage(
  reply: FastifyReply,
  services: Services,
  html: string,
  opts: { cacheControl: string; trustedTypes?: boolean; phoneLine?: boolean },
): FastifyReply {
  // The agent app's phone line talks to Janus (docs/phone-lines.md): its socket is the one other place it connects.
  const janus = opts.phoneLine && services.config.phoneLine ? [new URL(services.config.phoneLine.janusUrl).origin] : [];
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', opts.cacheControl)
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .header(
      'content-security-policy',
      pagePolicy(html, services.config.publicUrl, { trustedTypes: opts.trustedTypes, connectTo: janus }),
    )
    .send(html);
}

/** What a demo avatar (an SVG, a document of its own when opened directly) may do: show itself, nothing more. */
const IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

const htmlRoutes = new WeakMap<FastifyInstance, string[]>();

/** The URLs of the HTML pages pageRoutes declared on `app` (`*` where any path follows): what the security test asks. */
export function declaredPages(app: FastifyInstance): readonly string[] {
  return htmlRoutes.get(app) ?? [];
}

export function page(
  app: FastifyInstance,
  url: string,
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) {
  const urls = htmlRoutes.get(app) ?? [];
  htmlRoutes.set(app, urls);
  urls.push(url);
  app.get(url, handler);
}

/** The agent app, the widget script, the demo storefront and the demo avatars. */
export async function pageRoutes(app: FastifyInstance, services: Services) {
  await app.register(fastifyStatic, {
    root: webPaths.avatars,
    prefix: '/avatars/',
    decorateReply: false,
    setHeaders: (reply) => reply.header('content-security-policy', IMAGE_POLICY),
  });
  if (fs.existsSync(path.join(webPaths.agentDist, 'assets'))) {
    await app.register(fastifyStatic, {
      root: path.join(webPaths.agentDist, 'assets'),
      prefix: '/app/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const agentIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
    const html = readOrNull(path.join(webPaths.agentDist, 'index.html')) ?? missingBuild('agent app');
    return sendPage(reply, services, html, { cacheControl: 'no-cache', trustedTypes: true, phoneLine: true });
  };
  app.get('/', async (_request, reply) => reply.redirect('/app'));
  page(app, '/app', agentIndex);
  page(app, '/app/*', agentIndex);

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
  page(app, '/demo', async (request, reply) => {
    const workspace = (await workspaces.byKey(services.db, DEMO_WORKSPACE_KEY)) ?? (await workspaces.first(services.db));
    if (workspace?.key !== DEMO_WORKSPACE_KEY)
      return sendPage(reply, services, plainDemoPage(workspace), { cacheControl: 'no-store' });
    const template = readOrNull(webPaths.demoPage) ?? missingBuild('demo page');
    const key = workspace.key;
    const signedIn = (request.query as Record<string, unknown>).member === '1';
    let user = '';
    let account = '<a class="account" href="/demo?member=1">Sign in as Halima (demo)</a>';
    if (signedIn) {
      const hash = userHashFor(await workspaces.identitySecret(services.db, workspace.id), DEMO_MEMBER.userId);
      user = ` data-user-id="${escapeHtml(DEMO_MEMBER.userId)}" data-user-hash="${hash}" data-user-name="${escapeHtml(DEMO_MEMBER.name)}" data-user-email="${escapeHtml(DEMO_MEMBER.email)}"`;
      account = `<span class="account">Signed in as <b>${escapeHtml(DEMO_MEMBER.name)}</b> <a href="/demo">Sign out</a></span>`;
    }
    const html = template
      .replaceAll('__WARMLINE_WORKSPACE_KEY__', escapeHtml(key))
      .replace('__WARMLINE_USER__', user)
      .replace('__WARMLINE_ACCOUNT__', account);
    return sendPage(reply, services, html, { cacheControl: 'no-store' });
  });
}
