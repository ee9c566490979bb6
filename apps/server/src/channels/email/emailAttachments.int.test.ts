import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../core/storage/fileStorage.ts';
import { buildAgent, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import { type Mail, startTestReceiver } from '../../testing/inboundMail.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { waitFor } from '../../testing/voiceLab/labProcess.ts';

const MiB = 1024 * 1024;

let t: TestServer;
let inbound: Awaited<ReturnType<typeof startTestReceiver>>;
let elsewhere: Signed;
beforeAll(async () => {
  t = await testServer();
  // Large enough for an 11 MiB file, base64-encoded.
  inbound = await startTestReceiver(t, 20 * MiB);
  elsewhere = await signIn(t, await buildAgent(t, await buildWorkspace(t), { displayName: 'Bo Elsewhere' }));
});
afterAll(() => inbound?.close());

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const page = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/auth/session")</script></body></html>');

/** A workspace whose help address is forwarded to Warmline, an agent of it, and a customer who writes in. */
async function shop() {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  const agent = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina Odhiambo', presence: 'available' }));
  const address = `help-${randomUUID().slice(0, 8)}@rosies.test`;
  inbound.settings.addresses.push({ address, workspaceKey: workspace.key, teamId: null });
  const sam = `sam-${randomUUID().slice(0, 8)}@example.com`;
  const mail = (more: Partial<Mail>): Mail => ({
    from: { name: 'Sam Baker', address: sam },
    to: address,
    subject: 'Photos of the cake',
    text: 'Hello, the cake arrived broken: the photos and the receipt are attached.',
    messageId: `<${randomUUID()}@example.com>`,
    ...more,
  });
  return { workspace, agent, mail };
}

type Carried = { id: string; name: string; type: string; size: number; url: string };
type EntryView = {
  id: string;
  kind: string;
  body: string;
  author: { kind: string };
  event: { type: string; data: Record<string, unknown> } | null;
  attachments?: Carried[];
};

/** The customer's message an email became, as its workspace's agent reads it, and the timeline it is on. */
async function messageOf(workspaceId: string, agent: Signed, messageId: string): Promise<EntryView & { timeline: EntryView[] }> {
  const [kept] = await t.db.query<{ conversationId: string }>(
    'select conversation_id as "conversationId" from inbound_emails where workspace_id = $1 and message_id = $2',
    [workspaceId, messageId],
  );
  expect(kept, 'the email should have been stored').toBeDefined();
  const res = await client(t, agent).get(`/api/v1/conversations/${kept!.conversationId}/entries`);
  expect(res.status).toBe(200);
  const messages = (res.body.entries as EntryView[]).filter((e) => e.kind === 'message' && e.author.kind === 'customer');
  expect(messages).toHaveLength(1);
  return { ...messages[0]!, timeline: res.body.entries };
}

/** The line under an email that names its files not kept (agents only). */
const notKeptLine = (timeline: EntryView[]) => timeline.filter((e) => e.event?.type === 'email_files_not_kept');

async function download(who: Signed, url: string) {
  const res = await fetch(`${t.url}${url}`, { headers: { cookie: who.cookie } });
  const headers = Object.fromEntries(
    ['content-type', 'content-disposition', 'x-content-type-options', 'content-security-policy'].map((h) => [
      h,
      res.headers.get(h),
    ]),
  );
  return { status: res.status, headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function filesOf(workspaceId: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from attachments where workspace_id = $1', [
    workspaceId,
  ]);
  return row!.n;
}

/** The storage, counting what is put and deleted, and failing every put while `failing` is set. */
function watchedStorage() {
  const real = t.storage;
  const seen = { put: [] as string[], deleted: [] as string[], failing: false };
  const watched: FileStorage = {
    kind: real.kind,
    async put(key, bytes, type) {
      if (seen.failing) throw new Error('the disk is full');
      await real.put(key, bytes, type);
      seen.put.push(key);
    },
    get: (key) => real.get(key),
    async delete(key) {
      seen.deleted.push(key);
      await real.delete(key);
    },
  };
  t.storage = watched;
  return { seen, restore: () => (t.storage = real) };
}

describe(`an inbound email's attachments (${backend})`, () => {
  it("keeps every file on the email's message, downloadable by the workspace's agents, inert; another workspace gets 404", async () => {
    const { workspace, agent, mail } = await shop();
    const email = mail({
      html: '<p>Hello, the cake arrived broken: <img src="cid:cake@sam"></p>',
      attachments: [
        { filename: 'receipt.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'order.html', content: page, contentType: 'text/html' },
        { filename: 'cake.png', content: png, contentType: 'image/png', cid: 'cake@sam' },
      ],
    });
    await inbound.send(email);
    const message = await messageOf(workspace.id, agent, email.messageId!);
    expect(message.body).toContain('the cake arrived broken');
    expect(message.attachments?.map(({ name, type, size }) => ({ name, type, size }))).toEqual([
      { name: 'cake.png', type: 'image/png', size: png.length },
      { name: 'receipt.pdf', type: 'application/pdf', size: pdf.length },
      { name: 'order.html', type: 'application/octet-stream', size: page.length },
    ]);
    expect(notKeptLine(message.timeline)).toEqual([]);
    const [image, receipt, other] = message.attachments!;
    const inert = { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" };

    const got = await download(agent, receipt!.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.headers).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`,
      ...inert,
    });
    // A page is never served as one: its bytes download, typed as nothing a browser runs.
    const html = await download(agent, other!.url);
    expect(html.bytes.equals(page)).toBe(true);
    expect(html.headers).toEqual({
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="order.html"; filename*=UTF-8''order.html`,
      ...inert,
    });
    // An image recognised by its bytes is shown on the timeline, as the chat's are.
    const picture = await download(agent, image!.url);
    expect(picture.bytes.equals(png)).toBe(true);
    expect(picture.headers).toEqual({
      'content-type': 'image/png',
      'content-disposition': `inline; filename="cake.png"; filename*=UTF-8''cake.png`,
      ...inert,
    });

    for (const file of message.attachments!) expect((await download(elsewhere, file.url)).status).toBe(404);
  });

  it('refuses a file over 10 MiB, named in a line under the email for agents, and keeps the rest', async () => {
    const { workspace, agent, mail } = await shop();
    const email = mail({
      attachments: [
        { filename: 'holiday-video.mov', content: Buffer.alloc(11 * MiB, 7), contentType: 'video/quicktime' },
        { filename: 'receipt.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    });
    await inbound.send(email);
    const message = await messageOf(workspace.id, agent, email.messageId!);
    expect(message.attachments?.map((a) => a.name)).toEqual(['receipt.pdf']);
    expect(message.body).toBe('Photos of the cake\n\nHello, the cake arrived broken: the photos and the receipt are attached.');
    expect(notKeptLine(message.timeline).map((e) => ({ body: e.body, data: e.event!.data }))).toEqual([
      {
        body: 'Not kept from this email: holiday-video.mov (11 MB, over the 10 MB limit for one file). Ask the customer for it another way if needed.',
        data: {
          entryId: message.id,
          files: [{ name: 'holiday-video.mov', why: '11 MB, over the 10 MB limit for one file' }],
        },
      },
    ]);
    expect(await filesOf(workspace.id)).toBe(1);
  });

  it('cleans hostile names: no path, no NUL, no right-to-left override', async () => {
    const { workspace, agent, mail } = await shop();
    const email = mail({
      attachments: [
        { filename: '../../etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n', contentType: 'text/plain' },
        { filename: 'invoice\u0000.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: '\u202Eexe.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: '\u202Efdp.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0, 3]), contentType: 'application/pdf' },
      ],
    });
    await inbound.send(email);
    const message = await messageOf(workspace.id, agent, email.messageId!);
    expect(message.attachments?.map(({ name, type }) => ({ name, type }))).toEqual([
      { name: 'passwd.txt', type: 'text/plain' },
      { name: 'invoice.pdf', type: 'application/pdf' },
      { name: 'exe.pdf', type: 'application/pdf' },
      { name: 'fdp.exe', type: 'application/octet-stream' },
    ]);
    const program = await download(agent, message.attachments![3]!.url);
    expect(program.headers['content-disposition']).toBe(`attachment; filename="fdp.exe"; filename*=UTF-8''fdp.exe`);
    const [row] = await t.db.query<{ names: string[] }>(
      'select array_agg(name order by name) as names from attachments where workspace_id = $1',
      [workspace.id],
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what must not be there
    expect(row!.names.join('|')).not.toMatch(/[/\\\u0000\u202A-\u202E\u2066-\u2069]/);
  });

  it('keeps the first 20 files of an email and names the others under it', async () => {
    const { workspace, agent, mail } = await shop();
    const email = mail({
      attachments: Array.from({ length: 22 }, (_, i) => ({
        filename: `page-${i + 1}.txt`,
        content: `page ${i + 1}`,
        contentType: 'text/plain',
      })),
    });
    await inbound.send(email);
    const message = await messageOf(workspace.id, agent, email.messageId!);
    expect(message.attachments?.map((a) => a.name)).toEqual(Array.from({ length: 20 }, (_, i) => `page-${i + 1}.txt`));
    expect(notKeptLine(message.timeline).map((e) => e.body)).toEqual([
      'Not kept from this email: page-21.txt (past the 20 files kept from one email); page-22.txt (past the 20 files kept from one email). Ask the customer for them another way if needed.',
    ]);
    expect(await filesOf(workspace.id)).toBe(20);
  });

  it('an email whose files cannot be stored is not acknowledged (451) and leaves nothing; sent again, it is stored once', async () => {
    const { workspace, agent, mail } = await shop();
    const email = mail({
      attachments: [
        { filename: 'receipt.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'cake.png', content: png, contentType: 'image/png' },
      ],
    });
    const storage = watchedStorage();
    try {
      storage.seen.failing = true;
      const refused = await inbound.send(email).then(
        () => null,
        (err: { responseCode?: number }) => err.responseCode,
      );
      expect(refused).toBe(451);
      const [kept] = await t.db.query<{ n: number }>('select count(*)::int as n from inbound_emails where workspace_id = $1', [
        workspace.id,
      ]);
      expect({ emails: kept!.n, files: await filesOf(workspace.id) }).toEqual({ emails: 0, files: 0 });

      storage.seen.failing = false;
      await inbound.send(email);
      // The sending server's retry of an email already stored: its bytes are put, then let go again.
      await inbound.send(email);
      expect(storage.seen.put).toHaveLength(4);
      expect(storage.seen.deleted).toEqual(storage.seen.put.slice(2));
    } finally {
      storage.restore();
    }
    const message = await messageOf(workspace.id, agent, email.messageId!);
    expect(message.attachments?.map((a) => a.name)).toEqual(['receipt.pdf', 'cake.png']);
    expect(await filesOf(workspace.id)).toBe(2);
  });

  it("erasing the customer deletes their emails' files, rows and bytes", async () => {
    const { workspace, agent, mail } = await shop();
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const email = mail({ attachments: [{ filename: 'passport.pdf', content: pdf, contentType: 'application/pdf' }] });
    await inbound.send(email);
    const [file] = (await messageOf(workspace.id, agent, email.messageId!)).attachments!;
    const [row] = await t.db.query<{ key: string; customerId: string }>(
      'select storage_key as key, uploaded_by as "customerId" from attachments where id = $1',
      [file!.id],
    );
    expect((await t.storage.get(row!.key))?.equals(pdf)).toBe(true);
    expect((await client(t, admin).post(`/api/v1/customers/${row!.customerId}/erase`)).status).toBe(200);
    expect(await filesOf(workspace.id)).toBe(0);
    expect((await download(agent, file!.url)).status).toBe(404);
    // The bytes go once the erasure has committed.
    await waitFor('the bytes to be deleted', async () => (await t.storage.get(row!.key)) === null);
  });
});
