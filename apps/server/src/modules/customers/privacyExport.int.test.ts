import { beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, client, newClientId, type Signed } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { customerOf, shop, useServer } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

const HERS = ['Erin Export', 'erin.export@example.com', 'Riverside Drive', '+254700111222', 'Gold plan'];
const HIS = ['Oscar Other', 'oscar.other@example.com', 'my gate code is 4471'];

/** Erin and Oscar buy for the same household; each has written, an agent left a note on Erin's chat. */
async function household() {
  const s = await shop();
  const as = (who: Signed) => client(t, who);
  const ok = async (res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    // biome-ignore lint/suspicious/noExplicitAny: the setup reads what the API answered
    return r.body as any;
  };
  const erin = await buildConversation(t, s.workspace, 'Please deliver to 12 Riverside Drive');
  const oscar = await buildConversation(t, s.workspace, `Hello, ${HIS[2]}`);
  const erinId = await customerOf(s.admin, erin.conversationId);
  const oscarId = await customerOf(s.admin, oscar.conversationId);
  await ok(as(s.admin).patch(`/api/v1/customers/${erinId}`, { name: HERS[0] }));
  await ok(as(s.admin).post(`/api/v1/customers/${erinId}/identities`, { kind: 'email', value: HERS[1] }));
  await ok(as(s.admin).patch(`/api/v1/customers/${oscarId}`, { name: HIS[0] }));
  await ok(as(s.admin).post(`/api/v1/customers/${oscarId}/identities`, { kind: 'email', value: HIS[1] }));
  await ok(as(s.admin).post('/api/v1/attributes', { key: 'plan', label: 'Plan', type: 'text' }));
  await ok(as(s.admin).patch(`/api/v1/customers/${erinId}`, { attributes: { plan: HERS[4] } }));
  const org = (await ok(as(s.admin).post('/api/v1/organizations', { name: 'The Riverside household', kind: 'household' })))
    .organization.id;
  await ok(as(s.admin).put(`/api/v1/organizations/${org}/members/${erinId}`, { role: 'buyer' }));
  await ok(as(s.admin).put(`/api/v1/organizations/${org}/members/${oscarId}`, { role: 'user' }));
  const url = `/api/v1/conversations/${erin.conversationId}`;
  await ok(as(s.admin).post(`${url}/notes`, { clientId: newClientId(), body: 'Oscar Other says she is often out' }));
  const windows = await ok(client(t, { visitorToken: erin.visitorToken }).get('/api/v1/widget/callback-windows'));
  await ok(
    client(t, { visitorToken: erin.visitorToken }).post('/api/v1/widget/callback', {
      conversationId: erin.conversationId,
      phone: HERS[3],
      windowStart: windows.windows[0].start,
      windowEnd: windows.windows[0].end,
    }),
  );
  return { ...s, erin, erinId, oscar, oscarId, org, as };
}

describe(`privacy: a person's export and erasure (${backend})`, () => {
  it("a privacy export holds everything Warmline keeps about the person and nothing of anyone else's", async () => {
    const h = await household();
    // A file she sent: the export names it with its message (the bytes are downloaded as on the timeline).
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const erin = client(t, { visitorToken: h.erin.visitorToken });
    const up = await erin.upload('/api/v1/widget/attachments', pdf, { name: 'erin-receipt.pdf', type: 'application/pdf' });
    const fileId = up.body.attachment.id as string;
    const sent = await erin.post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'My receipt',
      attachmentIds: [fileId],
    });
    expect(sent.status).toBe(201);
    const res = await h.as(h.supervisor).get(`/api/v1/customers/${h.erinId}/export`);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const word of [...HERS, 'Please deliver to 12 Riverside Drive', 'The Riverside household', 'erin-receipt.pdf', fileId])
      expect(text).toContain(word);
    for (const word of [...HIS, h.oscarId, h.oscar.conversationId]) expect(text).not.toContain(word);
    // An agent's internal note on her chat names Oscar: it is the team's, not hers, and it is not in her export.
    expect(text).not.toContain('often out');
  });

  it('after erasure nothing finds her: search, lists, exports, timelines and the audit keep only that it happened', async () => {
    const h = await household();
    expect((await h.as(h.admin).post(`/api/v1/customers/${h.erinId}/erase`)).status).toBe(200);
    const reads = [
      `/api/v1/search?q=${encodeURIComponent('Erin Export')}`,
      `/api/v1/search?q=${encodeURIComponent('erin.export@example.com')}`,
      '/api/v1/search?q=Riverside',
      `/api/v1/customers?q=${encodeURIComponent('Erin')}`,
      '/api/v1/customers',
      '/api/v1/exports/customers?format=csv',
      '/api/v1/exports/customers?format=json',
      '/api/v1/exports/conversations?format=csv',
      '/api/v1/exports/conversations?format=json',
      `/api/v1/customers/${h.erinId}`,
      `/api/v1/customers/${h.erinId}/timeline`,
      `/api/v1/customers/${h.erinId}/export`,
      `/api/v1/organizations/${h.org}`,
      `/api/v1/organizations/${h.org}/timeline`,
      `/api/v1/conversations/${h.erin.conversationId}/entries`,
      '/api/v1/conversations?view=all',
      '/api/v1/supervisor/overview',
      '/api/v1/alerts',
    ];
    for (const path of reads) {
      const res = await h.as(h.admin).get(path);
      expect(res.status, path).toBe(200);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      for (const word of HERS) expect(text, `${path} still holds ${word}`).not.toContain(word);
    }
    // Oscar is untouched: the erasure was hers alone.
    const his = await h.as(h.admin).get(`/api/v1/customers/${h.oscarId}/export`);
    expect(JSON.stringify(his.body)).toContain(HIS[2]);
    const log = await t.db.query<{ action: string; data: unknown }>(
      `select action, data from audit_log where workspace_id = $1 and subject_id = $2 order by id`,
      [h.workspace.id, h.erinId],
    );
    // The export read above is audited too: that it happened, by whom, never what it held.
    expect(log.map((l) => l.action)).toEqual(['customer.erased', 'customer.exported']);
    for (const word of HERS) expect(JSON.stringify(log)).not.toContain(word);
  });
});
