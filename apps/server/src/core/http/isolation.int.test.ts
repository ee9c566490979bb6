import { ClientFrame } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildVisitor,
  buildWorkspace,
  newAddress,
  newClientId,
  request,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import {
  type Ask,
  bodyTargets,
  type Insider,
  ISOLATION_CASES,
  type IsolationCase,
  targetOf,
} from '../../testing/isolationCases.ts';
import { jsonSchemaOf, sample } from '../../testing/schemaSamples.ts';
import { agentSocket, closedWithin, openSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, testServer } from '../../testing/testServer.ts';
import { buildVictim, leaked, type Victim } from '../../testing/victim.ts';
import { declaredRoutes } from './route.ts';

// Generated from the route registry and ClientFrame: every route and frame is tried by four outsiders.
const t = await testServer();
const routes = declaredRoutes(t.http.app);
const keyOf = (spec: { method: string; url: string }) => `${spec.method} ${spec.url}`;

/** Another shop on the same server: its admins and its visitors go looking for the victim's data. */
let foreign: Awaited<ReturnType<typeof buildWorkspace>>;
beforeAll(async () => {
  foreign = await buildWorkspace(t);
});
/** An admin of the other shop, new for each test (what one does to their own account stays with that test). */
const foreignAdmin = async () => signIn(t, await buildAgent(t, foreign, { role: 'admin', displayName: 'Bo Elsewhere' }));

type Caller = Signed | { visitorToken: string } | null;

function send(who: Caller, method: string, url: string, body?: unknown, contentType?: string) {
  const headers: Record<string, string> = {};
  if (who && 'cookie' in who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrfToken });
  if (who && 'visitorToken' in who) headers.authorization = `Bearer ${who.visitorToken}`;
  if (contentType) headers['content-type'] = contentType;
  return request(t, method, url, method === 'GET' ? undefined : (body ?? {}), { headers, from: newAddress() });
}

function insiderOf(v: Victim, who: Insider): Caller {
  return who === 'visitor' ? { visitorToken: v.visitorToken } : v[who];
}

/** Each row of every table of the victim's workspace, as text. */
async function rowsOf(workspaceId: string): Promise<Set<string>> {
  const tables = await t.db.query<{ name: string }>(
    `select table_name as name from information_schema.columns
     where column_name = 'workspace_id' and table_schema = current_schema() order by table_name`,
  );
  const rows = await t.db.query<{ row: string }>(
    tables
      .map((x) => `select '${x.name}: ' || row_to_json(x)::text as row from "${x.name}" x where workspace_id = $1`)
      .join(' union all '),
    [workspaceId],
  );
  return new Set(rows.map((r) => r.row));
}

/** The request a route's case makes against the victim: its path, query and body, and whether it names the restricted conversation. */
async function requestFor(spec: (typeof routes)[number], c: IsolationCase, v: Victim, ask: Ask) {
  const path = spec.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(targetOf(spec.url, name, v)));
  const query = new URLSearchParams(
    c.query?.(v) ?? ((spec.query ? sample(jsonSchemaOf(spec.query)) : {}) as Record<string, string>),
  );
  let body = c.body ? await c.body(v, ask) : spec.body ? sample(jsonSchemaOf(spec.body)) : undefined;
  if (!c.body && body && typeof body === 'object') {
    const targets = bodyTargets(v);
    body = Object.fromEntries(Object.entries(body).map(([k, value]) => [k, targets[k] ?? value]));
  }
  const url = `${path}${query.size ? `?${query}` : ''}`;
  const namesConversation =
    spec.url.includes('conversations/:id') ||
    (typeof body === 'object' && (body as Record<string, unknown>)?.conversationId === v.ids.conversationId);
  return { url, body, namesConversation };
}

/** What is wrong with an answer, or nothing. */
function check(
  what: string,
  res: { status: number; body: unknown },
  status: number | 'any',
  secrets: readonly string[],
): string[] {
  const problems: string[] = [];
  const said = JSON.stringify(res.body)?.slice(0, 160);
  if (status === 'any' ? res.status >= 500 : res.status !== status)
    problems.push(`${what}: expected ${status}, got ${res.status} ${said}`);
  if (status === 404 && (res.body as { error?: { code?: string } })?.error?.code !== 'not_found')
    problems.push(`${what}: a 404 must be a plain not_found, got ${said}`);
  const words = leaked(res.body, secrets);
  if (words.length) problems.push(`${what}: the answer holds ${words.join(', ')}`);
  return problems;
}

describe(`nobody gets in where they don't belong, on every route (${backend})`, () => {
  it('every declared route has an isolation case, and every case a route', () => {
    const declared = routes.map(keyOf);
    expect(declared.filter((k) => !ISOLATION_CASES[k])).toEqual([]);
    expect(Object.keys(ISOLATION_CASES).filter((k) => !declared.includes(k))).toEqual([]);
    expect(declared.length).toBeGreaterThan(60);
  });

  for (const spec of routes) {
    const key = keyOf(spec);
    const c = ISOLATION_CASES[key] ?? {};
    if (c.open) {
      const open = c.open;
      it(`${key} is open (${open.why}): a stranger gets ${open.status} and nothing of the customer`, async () => {
        const v = await buildVictim(t);
        const path = spec.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(open.params?.(v)[name] ?? 'x'));
        const query = open.query ? `?${new URLSearchParams(open.query(v))}` : '';
        const res = await send(null, spec.method, `${path}${query}`, open.body?.(v));
        expect(check('a stranger', res, open.status, v.secrets.ofTheCustomer)).toEqual([]);
      });
      continue;
    }
    const who =
      spec.auth === 'agent'
        ? "another workspace's admin, an agent outside the restricted team"
        : 'another visitor, a visitor of another workspace';
    it(`${key}: ${who} get 404 and nothing of it, a stranger 401; who may, is answered`, async () => {
      const v = await buildVictim(t);
      const ask: Ask = (insider, method, url, body) => send(insiderOf(v, insider), method, url, body);
      const { url, body, namesConversation } = await requestFor(spec, c, v, ask);
      const call = (caller: Caller) => send(caller, spec.method, url, body, c.contentType);
      const before = await rowsOf(v.workspace.id);
      const problems: string[] = [];
      const all = v.secrets.ofTheWorkspace;

      problems.push(...check('no credentials', await call(null), 401, all));
      if (spec.auth === 'agent') {
        problems.push(...check("a visitor's token", await call({ visitorToken: v.visitorToken }), 401, all));
        const elsewhere = await foreignAdmin();
        const hasTarget = spec.url.includes(':') && c.names !== 'view';
        problems.push(...check("another workspace's admin", await call(elsewhere), hasTarget ? 404 : 'any', all));
        if (spec.method !== 'GET') {
          // Cross-site request forgery: the admin's own cookie, sent without the token, or from another site.
          const { cookie, csrfToken } = v.admin;
          const forged = (headers: Record<string, string>) =>
            request(t, spec.method, url, body ?? {}, {
              headers: { cookie, ...(c.contentType ? { 'content-type': c.contentType } : {}), ...headers },
              from: newAddress(),
            });
          problems.push(...check('a cookie without the CSRF token', await forged({}), 403, all));
          problems.push(...check('a wrong CSRF token', await forged({ 'x-csrf-token': `${csrfToken}x` }), 403, all));
          const elsewhereSite = await forged({ 'x-csrf-token': csrfToken, origin: 'https://evil.example' });
          problems.push(...check('a request from another site', elsewhereSite, 403, all));
        }
      } else {
        problems.push(...check("an agent's cookie", await call(v.admin), 401, all));
        const abroad = await buildVisitor(t, foreign);
        problems.push(...check("another workspace's visitor", await call(abroad), namesConversation ? 404 : 'any', all));
        problems.push(
          ...check(
            'another visitor',
            await call({ visitorToken: v.neighbourToken }),
            namesConversation ? 404 : 'any',
            v.secrets.ofTheCustomer,
          ),
        );
      }
      const after = await rowsOf(v.workspace.id);
      problems.push(...[...before].filter((row) => !after.has(row)).map((row) => `an outsider changed ${row.slice(0, 160)}`));

      // The control: the same request from someone who may make it is answered, so the refusals above are about access.
      const insider = c.insider ?? (spec.auth === 'visitor' ? 'visitor' : 'admin');
      const answer = await call(insiderOf(v, insider));
      if (answer.status >= 300)
        problems.push(`the ${insider} (control): got ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 160)}`);
      const shown = c.shows?.(v) ?? [];
      const missing = shown.filter((s) => !leaked(answer.body, [s]).length);
      if (missing.length) problems.push(`the ${insider} (control): the answer lacks ${missing.join(', ')}`);

      if (spec.auth === 'agent') {
        const res = await call(v.outsider);
        problems.push(
          ...check('an agent outside the restricted team', res, namesConversation ? 404 : 'any', v.secrets.ofTheConversation),
        );
      }
      expect(problems).toEqual([]);
    });
  }
});

/** The frame of each type, naming the victim's restricted conversation where the type names one. */
function frameFor(option: (typeof ClientFrame.options)[number], v: Victim): Record<string, unknown> {
  const frame = sample(jsonSchemaOf(option)) as Record<string, unknown>;
  if ('conversationId' in frame) frame.conversationId = v.ids.conversationId;
  if ('conversations' in frame) frame.conversations = { [v.ids.conversationId]: 0 };
  if ('clientId' in frame) frame.clientId = newClientId();
  if ('body' in frame) frame.body = 'let me in';
  return frame;
}

describe(`nobody gets in where they don't belong, on every socket frame (${backend})`, () => {
  it('sockets without credentials are closed as unauthenticated', async () => {
    for (const path of ['/ws/agent', '/ws/visitor', '/ws/visitor?token=', '/ws/visitor?token=forged.token']) {
      expect((await closedWithin(openSocket(t, path))).code, path).toBe(4401);
    }
  });

  for (const option of ClientFrame.options) {
    const type = option.shape.type.value;
    it(`a "${type}" frame from another workspace's admin and visitor, an agent outside the team or another visitor gets nothing of the conversation, now or later`, async () => {
      const v = await buildVictim(t);
      const abroad = await buildVisitor(t, foreign);
      const snoops: Array<{ who: string; socket: TestSocket; secrets: readonly string[] }> = [
        {
          who: "another workspace's admin",
          socket: await agentSocket(t, await foreignAdmin()),
          secrets: v.secrets.ofTheWorkspace,
        },
        { who: 'an agent outside the team', socket: await agentSocket(t, v.outsider), secrets: v.secrets.ofTheConversation },
        { who: 'another visitor', socket: await visitorSocket(t, v.neighbourToken), secrets: v.secrets.ofTheCustomer },
        {
          who: "another workspace's visitor",
          socket: await visitorSocket(t, abroad.visitorToken),
          secrets: v.secrets.ofTheWorkspace,
        },
      ];
      const member = await agentSocket(t, v.member);
      const customer = await visitorSocket(t, v.visitorToken);
      const frame = frameFor(option, v);
      const namesConversation = 'conversationId' in frame || 'conversations' in frame;
      for (const { socket } of snoops) socket.send(frame);
      for (const { socket } of snoops) await socket.sync();

      // Later: the assignee writes. Those who may read it are told; the snoops are not.
      const later = `later-${newClientId()}`;
      member.send({ type: 'send', clientId: newClientId(), conversationId: v.ids.conversationId, body: later });
      await member.next('ack', (f) => f.entry.body === later);
      await customer.next('entry', (f) => f.entry.body === later);
      const problems: string[] = [];
      for (const { who, socket, secrets } of snoops) {
        await socket.sync();
        // A refusal may name the id the snoop sent itself; nothing else of the conversation may reach them.
        const told = namesConversation ? secrets.filter((s) => s !== v.ids.conversationId) : secrets;
        const words = leaked(socket.frames, [...told, later]);
        if (words.length) problems.push(`${who} was sent ${words.join(', ')}`);
        const refused = socket.frames.some((f) => f.type === 'error' && f.error.code === 'not_found');
        if (namesConversation && !refused) problems.push(`${who} was not told "not found"`);
        socket.close();
      }
      member.close();
      customer.close();
      expect(problems).toEqual([]);
    });
  }
});
