import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, newClientId, signIn } from '../../testing/factories.ts';
import { agentSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** Every REST route the server declares in apps/server/src/http/routes, as OpenAPI paths. */
const API_ROUTES = [
  'get /api/v1/locations',
  'post /api/v1/locations',
  'put /api/v1/locations/{id}',
  'get /api/v1/locations/{id}/queue',
  'post /api/v1/locations/{id}/call-next',
  'post /api/v1/walk-ins/{id}/end',
  'post /api/v1/walk-ins/{id}/hand-on',
  'post /api/v1/appointments/{id}/start',
  'post /api/v1/conversations/{id}/appointments',
  'get /api/v1/store/locations/{slug}',
  'post /api/v1/store/locations/{slug}/check-ins',
  'get /api/v1/store/tickets/{token}',
  'post /api/v1/store/tickets/{token}/step-out',
  'post /api/v1/store/tickets/{token}/come-back',
  'post /api/v1/store/tickets/{token}/cancel',
  'get /api/v1/store/locations/{slug}/availability',
  'post /api/v1/store/locations/{slug}/appointments',
  'get /api/v1/store/appointments/{token}',
  'post /api/v1/store/appointments/{token}/reschedule',
  'post /api/v1/store/appointments/{token}/cancel',
  'get /api/v1/widget/locations',
  'post /api/v1/widget/store-visit',
  'post /api/v1/voice/line/missed-calls',
  'post /api/v1/auth/sign-in',
  'post /api/v1/auth/sign-out',
  'post /api/v1/auth/password',
  'get /api/v1/auth/session',
  'get /api/v1/auth/invitations/{token}',
  'post /api/v1/auth/accept-invitation',
  'get /api/v1/agents',
  'post /api/v1/agents/invitations',
  'patch /api/v1/agents/me',
  'put /api/v1/agents/me/avatar',
  'put /api/v1/agents/me/presence',
  'patch /api/v1/agents/{id}',
  'delete /api/v1/agents/{id}',
  'get /api/v1/teams',
  'post /api/v1/teams',
  'patch /api/v1/teams/{id}',
  'put /api/v1/teams/{id}/members',
  'patch /api/v1/conversations/{id}',
  'post /api/v1/conversations/{id}/transfer',
  'post /api/v1/conversations/{id}/transfer/accept',
  'post /api/v1/conversations/{id}/transfer/decline',
  'get /api/v1/supervisor/overview',
  'get /api/v1/reports/{figure}',
  'get /api/v1/reports/{figure}.csv',
  'get /api/v1/reports/{figure}/conversations',
  'get /api/v1/workspace',
  'patch /api/v1/workspace',
  'get /api/v1/widget/callback-windows',
  'post /api/v1/widget/callback',
  'get /api/v1/conversations',
  'get /api/v1/conversations/counts',
  'get /api/v1/conversations/{id}',
  'get /api/v1/conversations/{id}/entries',
  'post /api/v1/conversations/{id}/messages',
  'post /api/v1/conversations/{id}/notes',
  'post /api/v1/conversations/{id}/assign',
  'post /api/v1/conversations/{id}/resolve',
  'post /api/v1/conversations/{id}/reopen',
  'post /api/v1/widget/session',
  'post /api/v1/widget/messages',
  'get /api/v1/widget/conversations/{id}/entries',
  'post /api/v1/widget/leave-message',
  'get /api/v1/widget/wait',
  'get /api/v1/workspace/identity-secret',
  'post /api/v1/workspace/identity-secret/rotate',
  'put /api/v1/workspace/logo',
  'get /api/v1/widget/config/{key}',
  'get /api/v1/customers',
  'post /api/v1/customers',
  'get /api/v1/customers/{id}',
  'patch /api/v1/customers/{id}',
  'post /api/v1/customers/{id}/identities',
  'delete /api/v1/customers/{id}/identities/{identityId}',
  'post /api/v1/customers/{id}/notes',
  'get /api/v1/customers/{id}/timeline',
  'post /api/v1/customers/{id}/merge',
  'post /api/v1/customer-merges/{id}/undo',
  'get /api/v1/customers/{id}/export',
  'post /api/v1/customers/{id}/erase',
  'get /api/v1/search',
  'get /api/v1/attributes',
  'post /api/v1/attributes',
  'delete /api/v1/attributes/{key}',
  'get /api/v1/organizations',
  'post /api/v1/organizations',
  'get /api/v1/organizations/{id}',
  'patch /api/v1/organizations/{id}',
  'put /api/v1/organizations/{id}/members/{customerId}',
  'delete /api/v1/organizations/{id}/members/{customerId}',
  'get /api/v1/organizations/{id}/timeline',
  'post /api/v1/imports/customers',
  'get /api/v1/exports/customers',
  'get /api/v1/exports/conversations',
  'get /api/v1/alerts',
  'get /api/v1/email/mailboxes',
  'get /api/v1/conversations/{id}/entries/{seq}/email',
  'post /api/v1/alerts/{id}/acknowledge',
  'get /api/v1/conversations/{id}/recovery',
  'post /api/v1/conversations/{id}/service-failure',
  'post /api/v1/conversations/{id}/recovery',
  'get /api/v1/calls',
  'post /api/v1/conversations/{id}/attachments',
  'get /api/v1/attachments/{id}',
  'post /api/v1/widget/attachments',
  'get /api/v1/widget/attachments/{id}',
  'get /api/v1/calls/{id}',
  'post /api/v1/calls/{id}/wrap-up',
  'get /api/v1/conversations/{id}/calls',
  'get /api/v1/voice/ice-servers',
  'get /api/v1/widget/voice/ice-servers',
  'get /api/v1/voice/phone-line',
  'post /api/v1/voice/dial',
  'post /api/v1/conversations/{id}/callback/ring',
  'post /api/v1/conversations/{id}/callback/outcome',
  'post /api/v1/voice/inbound-calls',
  'post /api/v1/voice/phone-calls',
  'get /api/v1/tags',
  'post /api/v1/conversations/{id}/tags',
  'delete /api/v1/conversations/{id}/tags/{tag}',
  'get /api/v1/saved-replies',
  'post /api/v1/saved-replies',
  'patch /api/v1/saved-replies/{id}',
  'delete /api/v1/saved-replies/{id}',
  'post /api/v1/saved-replies/{id}/use',
];

describe(`operating the server (${backend})`, () => {
  it('flushes every commit to the disk before it is acknowledged (the embedded database too)', async () => {
    const [settings] = await t.db.query<{ fsync: string; synchronousCommit: string }>(
      `select current_setting('fsync') as fsync, current_setting('synchronous_commit') as "synchronousCommit"`,
    );
    expect(settings).toEqual({ fsync: 'on', synchronousCommit: 'on' });
  });

  it('health and readiness report the database and the bus', async () => {
    const health = await client(t).get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await client(t).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: true, bus: true });
  });

  it('metrics are Prometheus text with warmline_ series', async () => {
    await client(t).get('/healthz');
    const res = await client(t).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^# HELP warmline_/m);
    expect(res.body).toMatch(/^# TYPE warmline_http_request_duration_seconds histogram$/m);
    expect(res.body).toMatch(/^warmline_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+$/m);
  });

  it('the OpenAPI 3.1 document lists every API route, with the schemas that validate requests', async () => {
    const res = await client(t).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual([...API_ROUTES].sort());

    const messages = doc.paths['/api/v1/conversations/{id}/messages'].post;
    const schema = messages.requestBody.content['application/json'].schema;
    expect(messages.requestBody.required).toBe(true);
    expect(schema.required).toEqual(expect.arrayContaining(['clientId', 'body']));
    expect(schema.properties.clientId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(messages.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(messages.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/widget/messages'].post.security).toEqual([{ visitorToken: [] }]);
    // Every write that takes a body documents it.
    for (const route of ['post /api/v1/auth/sign-in', 'post /api/v1/widget/leave-message', 'put /api/v1/agents/me/presence']) {
      const [method, path] = route.split(' ') as [string, string];
      expect(doc.paths[path][method].requestBody.content['application/json'].schema.required.length).toBeGreaterThan(0);
    }
  });

  it('an unknown route is a 404 in the one JSON error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/conversations/x/explode'],
      ['DELETE', '/api/v1/conversations'],
    ] as const) {
      const res = await client(t).raw(method, url, method === 'GET' ? undefined : {});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining(url.split('?')[0]!) } });
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
  });

  it('a browser asking for an unknown page gets a page saying so; the API and programs still get JSON', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await fetch(`${t.url}/nope?x=<script>`, { headers: { accept: browser } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('<h1>Nothing lives here</h1>');
    expect(html).toContain('href="/app"');
    expect(html).not.toContain('<script>');

    for (const [url, accept] of [
      ['/nope', 'application/json'],
      ['/nope', '*/*'],
      ['/api/v1/nope', browser],
    ] as const) {
      const res = await fetch(`${t.url}${url}`, { headers: { accept } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type'), `${url} ${accept}`).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('message bodies are stored and returned exactly as written, never mangled', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace, { presence: 'available' }));
    const { conversationId, visitorToken } = await buildConversation(t, workspace, 'hi');
    const agentSocketOpen = await agentSocket(t, signed);
    const visitorSocketOpen = await visitorSocket(t, visitorToken);
    const bodies = [
      '<img src=x onerror=alert(1)>',
      '<script>alert("x")</script> & &amp; "quotes" \'single\'',
      '  leading spaces\n\n\ttabs and blank lines  ',
      'Ünïcödé — 你好 — 🙂👍🏽 — \u200b zero width',
    ];
    for (const body of bodies) {
      const fromVisitor = await client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: newClientId(), body });
      expect(fromVisitor.body.entry.body).toBe(body);
      const fromAgent = await client(t, signed).post(`/api/v1/conversations/${conversationId}/messages`, {
        clientId: newClientId(),
        body,
      });
      expect(fromAgent.body.entry.body).toBe(body);
      const live = await agentSocketOpen.next('entry', (f) => f.entry.id === fromVisitor.body.entry.id);
      expect(live.entry.body).toBe(body);
      const toVisitor = await visitorSocketOpen.next('entry', (f) => f.entry.id === fromAgent.body.entry.id);
      expect(toVisitor.entry.body).toBe(body);
    }
    const stored = (await client(t, signed).get(`/api/v1/conversations/${conversationId}/entries`)).body.entries;
    const messages = stored.filter((e: { kind: string }) => e.kind === 'message').map((e: { body: string }) => e.body);
    expect(messages).toEqual(['hi', ...bodies.flatMap((b) => [b, b])]);
    const seen = (await client(t, { visitorToken }).get(`/api/v1/widget/conversations/${conversationId}/entries`)).body.entries;
    expect(seen.filter((e: { kind: string }) => e.kind === 'message').map((e: { body: string }) => e.body)).toEqual(messages);
    const listed = (await client(t, signed).get('/api/v1/conversations')).body.conversations.find(
      (c: { id: string }) => c.id === conversationId,
    );
    expect(listed.lastMessage.body).toBe(bodies.at(-1));
    agentSocketOpen.close();
    visitorSocketOpen.close();
  });

  it('responses carry x-content-type-options: nosniff, errors and JSON alike', async () => {
    const workspace = await buildWorkspace(t);
    const signed = await signIn(t, await buildAgent(t, workspace));
    const responses = await Promise.all([
      client(t).get('/healthz'),
      client(t).get('/api/v1/openapi.json'),
      client(t).get('/api/v1/agents'),
      client(t, signed).get('/api/v1/agents'),
      client(t).get('/no/such/page'),
      client(t).post('/api/v1/widget/session', '{oops'),
      client(t).get('/metrics'),
    ]);
    for (const res of responses) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(responses[3]!.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
