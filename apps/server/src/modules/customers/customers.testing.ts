// Helpers shared by the customer integration tests: a shop of three people, a website's signed user, a visitor.
import { createHmac } from 'node:crypto';
import type { CustomerProfile } from '@warmline/shared';
import { expect } from 'vitest';
import {
  buildAgent,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  request,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import type { TestServer } from '../../testing/testServer.ts';
import { workspaces } from '../workspaces/index.ts';

let t: TestServer;
/** The server the helpers talk to (the one test server of this worker). */
export function useServer(server: TestServer) {
  t = server;
}

/** A shop with an admin, a supervisor and an agent, signed in. */
export async function shop() {
  const workspace = await buildWorkspace(t);
  await workspaces.updateSettings(t.db, workspace.id, { phoneCountry: 'KE' });
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada Admin' }));
  const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor', displayName: 'Sam Supervisor' }));
  const agentRecord = await buildAgent(t, workspace, { role: 'agent', displayName: 'Jonas Agent' });
  const agent = await signIn(t, agentRecord);
  return { workspace, admin, supervisor, agent, agentRecord, as: (who: Signed) => client(t, who) };
}

/** What a website's server computes for its signed-in user. */
export async function userHash(admin: Signed, userId: string): Promise<string> {
  const { body } = await client(t, admin).get('/api/v1/workspace/identity-secret');
  return createHmac('sha256', body.secret).update(userId).digest('hex');
}

export async function widgetSession(workspaceKey: string, extra: Record<string, unknown> = {}) {
  return request(t, 'POST', '/api/v1/widget/session', { workspaceKey, ...extra }, { from: newAddress() });
}

export async function say(visitorToken: string, body: string) {
  const res = await client(t, { visitorToken }).post('/api/v1/widget/messages', { clientId: newClientId(), body });
  expect(res.status).toBe(201);
  return res.body.entry.conversationId as string;
}

export async function customerOf(who: Signed, conversationId: string): Promise<string> {
  const res = await client(t, who).get(`/api/v1/conversations/${conversationId}`);
  expect(res.status).toBe(200);
  return res.body.conversation.customer.id;
}

export async function profile(who: Signed, customerId: string): Promise<CustomerProfile> {
  const res = await client(t, who).get(`/api/v1/customers/${customerId}`);
  expect(res.status).toBe(200);
  return res.body.customer;
}
