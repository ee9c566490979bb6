import { randomUUID } from 'node:crypto';
import type { AgentRole, Presence, SessionResponse, WidgetSessionResponse } from '@warmline/shared';
import { hashPassword } from '../src/commands/auth.ts';
import { setPresence } from '../src/commands/presence.ts';
import { newWorkspaceKey } from '../src/commands/workspaces.ts';
import { agents } from '../src/repositories/agents.ts';
import { type WorkspaceRecord, workspaces } from '../src/repositories/workspaces.ts';
import type { TestServer } from './testServer.ts';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

export async function buildWorkspace(t: TestServer, overrides: Partial<{ name: string; allowedOrigins: string[] }> = {}) {
  const workspace = await workspaces.create(t.db, { name: overrides.name ?? `Shop ${randomUUID().slice(0, 6)}`, key: newWorkspaceKey() });
  if (overrides.allowedOrigins) await workspaces.setAllowedOrigins(t.db, workspace.id, overrides.allowedOrigins);
  return { ...workspace, allowedOrigins: overrides.allowedOrigins ?? [] } satisfies WorkspaceRecord;
}

export async function buildAgent(
  t: TestServer,
  workspace: { id: string },
  overrides: Partial<{ role: AgentRole; presence: Presence; displayName: string; email: string }> = {},
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
  if (overrides.presence && overrides.presence !== 'offline') await setPresence(t, actor, overrides.presence);
  return { ...agent, email, password: PASSWORD, actor };
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
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await res.json()) as SessionResponse;
  return { cookie, csrfToken: session.csrfToken, session };
}

/** A visitor opening the widget on a website. */
export async function buildVisitor(t: TestServer, workspace: { key: string }): Promise<WidgetSessionResponse> {
  const res = await fetch(`${t.url}/api/v1/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceKey: workspace.key }),
  });
  if (res.status !== 200) throw new Error(`widget session failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as WidgetSessionResponse;
}

/** A small fetch wrapper: JSON in, `{status, body, headers}` out. */
export function client(t: TestServer, auth: { cookie?: string; csrfToken?: string; visitorToken?: string } = {}) {
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.csrfToken && method !== 'GET' ? { 'x-csrf-token': auth.csrfToken } : {}),
        ...(auth.visitorToken ? { authorization: `Bearer ${auth.visitorToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) => call('PUT', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', url, body ?? {}, headers),
    raw: call,
  };
}

export const newClientId = () => randomUUID();
