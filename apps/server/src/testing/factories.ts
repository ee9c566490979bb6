import { createHash, randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AgentRole, Capacity, Presence, SessionResponse, WidgetSessionResponse } from '@warmline/shared';
import { hashPassword } from '../modules/auth/index.ts';
import { agents, setPresence, teams } from '../modules/teams/index.ts';
import { newWorkspaceKey, type OpeningHours, type WorkspaceRecord, workspaces } from '../modules/workspaces/index.ts';
import type { TestServer } from './testServer.ts';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

export async function buildWorkspace(t: TestServer, overrides: Partial<{ name: string; allowedOrigins: string[] }> = {}) {
  const workspace = await workspaces.create(t.db, {
    name: overrides.name ?? `Shop ${randomUUID().slice(0, 6)}`,
    key: newWorkspaceKey(),
  });
  if (overrides.allowedOrigins) await workspaces.setAllowedOrigins(t.db, workspace.id, overrides.allowedOrigins);
  return { ...workspace, allowedOrigins: overrides.allowedOrigins ?? [] } satisfies WorkspaceRecord;
}

export async function buildAgent(
  t: TestServer,
  workspace: { id: string },
  overrides: Partial<{
    role: AgentRole;
    presence: Presence;
    displayName: string;
    email: string;
    /** How the agent is routed, set before they become available (which fills their free capacity). */
    capacity: Capacity;
    skills: string[];
    languages: string[];
  }> = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = overrides.email ?? `agent-${randomUUID()}@example.com`;
  const agent = await agents.create(t.db, {
    workspaceId: workspace.id,
    email,
    displayName: overrides.displayName ?? 'Amina Odhiambo',
    role: overrides.role ?? 'agent',
    passwordHash: await passwordHash,
  });
  const actor = { kind: 'agent', workspaceId: workspace.id, agentId: agent.id, role: agent.role } as const;
  const { capacity, skills, languages } = overrides;
  if (capacity || skills || languages) await agents.updateRouting(t.db, workspace.id, agent.id, { capacity, skills, languages });
  if (overrides.presence && overrides.presence !== 'offline') await setPresence(t, actor, overrides.presence);
  return { ...agent, email, password: PASSWORD, actor };
}

/** A team with routing settings and members (as an admin would set them up). */
export async function buildTeam(
  t: TestServer,
  workspace: { id: string },
  overrides: Partial<{
    name: string;
    targetSeconds: number;
    offerChoicesAfterSeconds: number;
    continuityGraceSeconds: number;
    members: Array<{ id: string }>;
  }> = {},
) {
  const { members = [], name = `Team ${randomUUID().slice(0, 6)}`, ...settings } = overrides;
  const team = await teams.create(t.db, workspace.id, { name, ...settings });
  if (members.length)
    await teams.setMembers(
      t.db,
      workspace.id,
      team.id,
      members.map((m) => m.id),
    );
  return (await teams.byId(t.db, workspace.id, team.id))!;
}

/** Open every day, all day. */
export const ALWAYS_OPEN: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00', '24:00']]),
);

export async function setOpeningHours(t: TestServer, workspace: { id: string }, openingHours: OpeningHours, timezone = 'UTC') {
  await workspaces.setHours(t.db, workspace.id, { timezone, openingHours });
}

/** How long an agent whose last connection dropped stays available before they are set away. */
export async function setPresenceGrace(t: TestServer, workspace: { id: string }, seconds: number) {
  await workspaces.setPresenceTimes(t.db, workspace.id, { presenceGraceSeconds: seconds });
}

/**
 * Runs every due job of the workspace to completion. The server's own runner polls too: a job it took is
 * locked until it commits, so waiting for those locks means its effects are visible when this returns.
 */
export async function runDueJobs(t: TestServer, workspace: { id: string }) {
  for (;;) {
    await t.jobs!.runDue(workspace.id);
    const left = await t.db.query(
      `select id from jobs where workspace_id = $1 and status = 'pending' and run_at <= $2 for update`,
      [workspace.id, t.now()],
    );
    if (!left.length) return;
  }
}

export interface Signed {
  cookie: string;
  csrfToken: string;
  session: SessionResponse;
}

/** Signs in over HTTP, as the agent app does. */
export async function signIn(t: TestServer, who: { email: string; password: string }): Promise<Signed> {
  const res = await fetch(`${t.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = (await res.json()) as SessionResponse;
  return { cookie, csrfToken: session.csrfToken, session };
}

/**
 * A visitor opening the widget on a website. Each visitor comes from its own address, as different people on
 * the web do, so per-IP limits (shared by every test file, and by every run when Redis holds them) never trip.
 */
export async function buildVisitor(t: TestServer, workspace: { key: string }): Promise<WidgetSessionResponse> {
  const res = await request(t, 'POST', '/api/v1/widget/session', { workspaceKey: workspace.key }, { from: newAddress() });
  if (res.status !== 200) throw new Error(`widget session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as WidgetSessionResponse;
}

/** A visitor who has written once: their conversation exists. */
export async function buildConversation(t: TestServer, workspace: { key: string }, body = 'Hello, I need help with my order') {
  const visitor = await buildVisitor(t, workspace);
  const res = await client(t, { visitorToken: visitor.visitorToken }).post('/api/v1/widget/messages', {
    clientId: newClientId(),
    body,
  });
  if (res.status !== 201) throw new Error(`first message failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    visitor,
    visitorToken: visitor.visitorToken,
    conversationId: res.body.entry.conversationId as string,
    entry: res.body.entry,
  };
}

/** A loopback address of its own (127.x.y.z): a distinct client IP for per-IP rate limits. */
export function newAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered
  body: any;
  headers: Headers;
}

/** One HTTP request over node:http (which, unlike fetch, can choose the source address). */
export function request(
  t: TestServer,
  method: string,
  url: string,
  body?: unknown,
  opts: { headers?: Record<string, string>; from?: string } = {},
): Promise<Reply> {
  const payload =
    body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const target = new URL(url, t.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method,
        localAddress: opts.from,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }
            : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, body: json, headers });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The loopback address a visitor calls from unless a test says otherwise: their own, the same on every call. */
function addressOfVisitor(visitorToken: string): string {
  const digest = createHash('sha256').update(visitorToken).digest();
  return `127.${1 + (digest[0]! % 254)}.${digest[1]!}.${1 + (digest[2]! % 254)}`;
}

/**
 * A small HTTP client: JSON in, `{status, body, headers}` out. `from` picks the caller's address; a visitor calls
 * from an address of their own (as people on the web do), so per-address limits, which every test file shares
 * through Redis, trip only where a test means them to.
 */
export function client(t: TestServer, auth: { cookie?: string; csrfToken?: string; visitorToken?: string; from?: string } = {}) {
  const from = auth.from ?? (auth.visitorToken ? addressOfVisitor(auth.visitorToken) : undefined);
  const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(t, method, url, body, {
      from,
      headers: {
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.csrfToken && method !== 'GET' ? { 'x-csrf-token': auth.csrfToken } : {}),
        ...(auth.visitorToken ? { authorization: `Bearer ${auth.visitorToken}` } : {}),
        ...headers,
      },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) => call('PUT', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', url, body ?? {}, headers),
    /** A file as the widget and the agent app upload one: its bytes as the body, its name and type in the query. */
    upload: (url: string, bytes: Buffer, file: { name?: string; type?: string } = {}) => {
      const query = new URLSearchParams(Object.entries(file).filter((e): e is [string, string] => e[1] !== undefined));
      return call('POST', `${url}?${query}`, bytes, { 'content-type': 'application/octet-stream' });
    },
    raw: call,
  };
}

export const newClientId = () => randomUUID();
