import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from './core/http/route.ts';
import { declaredPages, pagePolicy, webPaths } from './pages.ts';
import { ALWAYS_OPEN, buildAgent, buildWorkspace, client, PASSWORD, request, signIn } from './testing/factories.ts';
import { backend, type TestServer, testServer } from './testing/testServer.ts';

let t: TestServer;
/** A real store and ticket, for the kiosk and "your turn" pages; unknown ones are asked for too (a polite 404). */
const store = { slug: `store-${randomUUID().slice(0, 8)}`, token: '', wall: '' };
beforeAll(async () => {
  t = await testServer();
  // The demo page signs in its member only on the demo workspace; any workspace serves the page itself.
  const workspace = await buildWorkspace(t);
  const admin = await buildAgent(t, workspace, { role: 'admin' });
  const signed = client(t, await signIn(t, { email: admin.email, password: PASSWORD }));
  const created = await signed.post('/api/v1/locations', {
    slug: store.slug,
    name: 'Westlands',
    timezone: 'UTC',
    openingHours: ALWAYS_OPEN,
    services: [{ name: 'Repairs', typicalMinutes: 10 }],
  });
  const checkIn = await client(t).post(`/api/v1/store/locations/${store.slug}/check-ins`, {
    clientId: randomUUID(),
    name: 'Halima',
    serviceId: created.body.location.services[0].id,
  });
  store.token = checkIn.body.ticket.token;
  // A team's delight wall shared by its public link.
  const team = await signed.post('/api/v1/teams', { name: 'Care' });
  store.wall = new URL((await signed.post(`/api/v1/delight/walls/${team.body.team.id}/share`)).body.share.url).pathname;
});

/** A Content-Security-Policy header as directive → its sources. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const NO_SUCH_STORE = `/kiosk/${encodeURIComponent('<b>nowhere</b>')}`;
const NO_SUCH_TICKET = '/ticket/not-a-ticket';
const NO_SUCH_BOOKING = '/book/nowhere';
const NO_SUCH_WALL = '/wall/not-a-wall';
const NO_SUCH_SURVEY = encodeURIComponent('<b>not.a.survey</b>');

/** Where each declared page is asked for: `*` stands for any path under it, so a few of those, odd ones included. */
function urlsOf(page: string): string[] {
  if (page === '/kiosk/:slug') return [`/kiosk/${store.slug}`, `/kiosk/${store.slug}?lang=sw&via=phone`, NO_SUCH_STORE];
  if (page === '/book/:slug') return [`/book/${store.slug}`, `/book/${store.slug}?lang=es&appointment=made-up`, NO_SUCH_BOOKING];
  if (page === '/ticket/:token') return [`/ticket/${store.token}`, NO_SUCH_TICKET];
  if (page === '/wall/:token') return [store.wall, NO_SUCH_WALL];
  if (page === '/s/:token' || page === '/survey/:token') return [page.replace(':token', NO_SUCH_SURVEY)];
  if (!page.endsWith('*')) return page === '/demo' ? ['/demo', '/demo?member=1'] : [page];
  const base = page.slice(0, -1);
  return [`${base}sign-in`, `${base}conversations/${encodeURIComponent('<script>alert(1)</script>')}`, `${base}no/such/screen`];
}

const pageUrls = () => declaredPages(t.http.app).flatMap(urlsOf);

/** Every GET that is not a page: the API's declared routes (ids filled in), system routes, files, and no route at all. */
function otherUrls(): string[] {
  const api = declaredRoutes(t.http.app)
    .filter((r) => r.method === 'GET')
    .map((r) => r.url.replace(/:[A-Za-z]+/g, 'no-such-id'));
  const assets = path.join(webPaths.agentDist, 'assets');
  const built = fs.existsSync(assets) ? fs.readdirSync(assets).slice(0, 1) : [];
  return [
    ...api,
    '/',
    '/healthz',
    '/readyz',
    '/api/v1/openapi.json',
    '/widget.js',
    '/avatars/amina.svg',
    '/avatars/nobody.svg',
    ...built.map((file) => `/app/assets/${file}`),
    '/app/assets/nothing-here.js',
    '/ws/agent',
    '/ws/visitor',
    '/nothing/here',
    `/api/v1/${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  ];
}

describe(`every HTML page carries a strict Content-Security-Policy (${backend})`, () => {
  it('the pages are the agent app (any path under it), the demo shop, the kiosk, the booking page, the "your turn" page, a shared delight wall and the survey page, each served as HTML', async () => {
    expect(declaredPages(t.http.app)).toEqual([
      '/app',
      '/app/*',
      '/demo',
      '/kiosk/:slug',
      '/book/:slug',
      '/ticket/:token',
      '/wall/:token',
      '/s/:token',
      '/survey/:token',
    ]);
    for (const url of pageUrls()) {
      const res = await request(t, 'GET', url);
      // An unknown store or ticket is a page too: a kind one, with its 404.
      expect(res.status, url).toBe(
        [NO_SUCH_STORE, NO_SUCH_TICKET, NO_SUCH_BOOKING, NO_SUCH_WALL].includes(url) || url.endsWith(NO_SUCH_SURVEY) ? 404 : 200,
      );
      expect(res.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
    }
  });

  it('scripts only from Warmline, no plugins, never framed, no base or foreign form targets, connections only home', async () => {
    const socket = `ws://${new URL(t.config.publicUrl).host}`;
    // The test server has a phone line: the agent app (and only it) may also reach its Janus, and nothing else.
    const janus = new URL(t.config.phoneLine!.janusUrl).origin;
    for (const url of pageUrls()) {
      const res = await request(t, 'GET', url);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'none'"]);
      expect(csp.get('form-action'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('connect-src'), url).toEqual(url.startsWith('/app') ? ["'self'", socket, janus] : ["'self'", socket]);
      expect(csp.get('img-src'), url).toEqual(["'self'", 'https:', 'data:', 'blob:']);
      // Inline style only by the hash of the page's own <style> blocks; never 'unsafe-inline' or 'unsafe-eval'.
      for (const source of csp.get('style-src') ?? []) expect(source, url).toMatch(/^'self'$|^'sha256-[A-Za-z0-9+/]+=*'$/);
      expect(res.headers.get('content-security-policy'), url).not.toMatch(/unsafe-|\*/);
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('the agent app also forbids turning any string into HTML or script (Trusted Types), but for the email frame', async () => {
    for (const url of urlsOf('/app/*')) {
      const csp = directives((await request(t, 'GET', url)).headers.get('content-security-policy'));
      expect(csp.get('require-trusted-types-for'), url).toEqual(["'script'"]);
      expect(csp.get('trusted-types'), url).toEqual(['email-frame']);
    }
  });

  it('each page needs nothing its policy refuses: no inline script or handler, no style attribute, every <style> by hash', async () => {
    for (const url of pageUrls()) {
      const res = await request(t, 'GET', url);
      const html = String(res.body);
      const styleSrc = directives(res.headers.get('content-security-policy')).get('style-src') ?? [];
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag, url).toMatch(/\bsrc=/);
      expect(html, url).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, url).not.toMatch(/\sstyle\s*=/i);
      expect(html, url).not.toMatch(/javascript:/i);
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        expect(styleSrc, url).toContain(`'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
      }
    }
  });

  it('the demo shop opens the chat from marked elements and passes its signed-in member as data, not script', async () => {
    const html = String((await request(t, 'GET', '/demo')).body);
    expect(html.match(/data-warmline-open/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).toMatch(/<script src="\/widget\.js" data-workspace="[^"]+"/);
  });

  it('no other answer is HTML: API, system routes, files and unknown paths are JSON, script or image', async () => {
    for (const url of otherUrls()) {
      const res = await request(t, 'GET', url);
      const type = res.headers.get('content-type') ?? '';
      expect(type, url).not.toMatch(/html/i);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      // Errors with a body, the API and the health routes answer JSON; a socket route asked without an upgrade, nothing.
      if (res.body !== null && (res.status >= 400 || url.startsWith('/api/') || url.endsWith('z'))) {
        expect(type, url).toMatch(/^application\/json\b/);
      }
    }
  });

  it('a demo avatar opened on its own may run nothing', async () => {
    const res = await request(t, 'GET', '/avatars/amina.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('sandbox')).toBe(true);
  });

  it('behind https the policy lets the app reach only its own origin over wss', () => {
    const csp = directives(pagePolicy('<style>p{color:red}</style>', 'https://help.example.com'));
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://help.example.com']);
    const hash = createHash('sha256').update('p{color:red}').digest('base64');
    expect(csp.get('style-src')).toEqual(["'self'", `'sha256-${hash}'`]);
  });
});
