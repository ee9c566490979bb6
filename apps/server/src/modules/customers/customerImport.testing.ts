import type { ImportReport } from '@warmline/shared';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { buildAgent, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import type { TestServer } from '../../testing/testServer.ts';
import { attributeDefinitions } from './repository/attributes.ts';
import { customers } from './repository/customers.ts';

let t: TestServer;
/** The server the helpers talk to (the one test server of this worker). */
export function useServer(server: TestServer) {
  t = server;
}

/** Sends a file as the agent app does: the raw bytes, with content-type text/csv. */
export async function postCsv(who: Signed, file: string | Buffer) {
  const res = await fetch(`${t.url}/api/v1/imports/customers`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'text/csv' },
    body: file,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered
  return { status: res.status, body: (await res.json()) as any };
}

export async function importing(who: Signed, file: string | Buffer): Promise<ImportReport> {
  const res = await postCsv(who, file);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

// biome-ignore lint/suspicious/noExplicitAny: exports are read as the JSON the server wrote
export async function exported(who: Signed, what: 'customers' | 'conversations'): Promise<any[]> {
  const res = await client(t, who).get(`/api/v1/exports/${what}?format=json`);
  expect(res.status).toBe(200);
  return res.body[what];
}

export async function exportedCsv(who: Signed, what: 'customers' | 'conversations') {
  const res = await client(t, who).get(`/api/v1/exports/${what}?format=csv`);
  expect(res.status).toBe(200);
  return { res, records: parse(res.body as string, { columns: true }) as Array<Record<string, string>> };
}

/** A shop with an admin signed in, an agent who can own customers, and a typed custom attribute. */
export async function shop() {
  const workspace = await buildWorkspace(t);
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
  const owner = await buildAgent(t, workspace, { displayName: 'Jonas Berg' });
  await attributeDefinitions.put(t.db, workspace.id, {
    key: 'plan',
    label: 'Plan',
    type: 'choice',
    choices: ['bread club', 'wholesale'],
  });
  return { workspace, admin, owner };
}

/** A customer already known to the workspace by one contact point, proven unless told otherwise. */
export async function customerWith(
  workspace: { id: string },
  kind: 'email' | 'phone' | 'external',
  value: string,
  opts: { name?: string | null; verified?: boolean } = {},
) {
  const customer = await customers.create(t.db, workspace.id, { name: opts.name ?? null });
  await customers.addIdentity(t.db, workspace.id, { customerId: customer.id, kind, value, verified: opts.verified ?? true });
  return customer;
}

export async function customerCount(workspaceId: string) {
  const [row] = await t.db.query<{ customers: number; identities: number; organizations: number; audits: number }>(
    `select (select count(*)::int from customers where workspace_id = $1) as customers,
            (select count(*)::int from identities where workspace_id = $1) as identities,
            (select count(*)::int from organizations where workspace_id = $1) as organizations,
            (select count(*)::int from audit_log where workspace_id = $1 and action = 'customers.imported') as audits`,
    [workspaceId],
  );
  return row!;
}
