import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { backend, testServer } from '../../testing/testServer.ts';

const t = await testServer();
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let amina: Signed;
let elsewhere: Signed;

const images = {
  /** A 1×1 PNG. */
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  gif: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=', 'base64'),
  html: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/auth/session")</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
};
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  workspace = await buildWorkspace(t);
  amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' }));
  elsewhere = await signIn(t, await buildAgent(t, await buildWorkspace(t), { displayName: 'Bo Elsewhere' }));
});

type Who = Signed | { visitorToken: string } | null;
const authOf = (who: Who): Record<string, string> =>
  !who
    ? {}
    : 'cookie' in who
      ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken }
      : { authorization: `Bearer ${who.visitorToken}` };

/** An upload as the widget and the agent app send one: the file as the body, its name and type in the query. */
async function upload(who: Who, url: string, bytes: Buffer, file: { name?: string; type?: string } = {}) {
  const query = new URLSearchParams(Object.entries(file).filter(([, v]) => v !== undefined) as [string, string][]);
  const res = await fetch(`${t.url}${url}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...authOf(who) },
    body: bytes,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered
  return { status: res.status, body: (await res.json()) as any };
}

async function download(who: Who, url: string) {
  const res = await fetch(`${t.url}${url}`, { headers: authOf(who) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const headersOf = (res: { headers: Headers }) =>
  Object.fromEntries(
    ['content-type', 'x-content-type-options', 'content-security-policy', 'content-disposition', 'cache-control'].map((h) => [
      h,
      res.headers.get(h),
    ]),
  );

async function storedCount(): Promise<number> {
  const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from attachments where workspace_id = $1', [
    workspace.id,
  ]);
  return row!.n;
}

describe(`attachments in conversations (${backend})`, () => {
  it('a customer sends a photo with no words; the agent sees it on the entry and downloads it inline, inert', async () => {
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const up = await upload(visitor, '/api/v1/widget/attachments', images.png, {
      name: 'C:\\Users\\me\\broken lamp.png',
      type: 'image/png',
    });
    expect(up.status).toBe(201);
    const id = up.body.attachment.id as string;
    expect(up.body.attachment).toEqual({
      id,
      name: 'broken lamp.png',
      type: 'image/png',
      size: images.png.length,
      url: `/api/v1/widget/attachments/${id}`,
    });
    const sent = await client(t, visitor).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: '',
      attachmentIds: [id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.entry.attachments).toEqual([up.body.attachment]);

    const entries = (await client(t, amina).get(`/api/v1/conversations/${chat.conversationId}/entries`)).body.entries;
    const entry = entries.find((e: { id: string }) => e.id === sent.body.entry.id);
    expect(entry.attachments).toEqual([{ ...up.body.attachment, url: `/api/v1/attachments/${id}` }]);
    const inbox = (await client(t, amina).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation;
    expect(inbox.lastMessage.body).toBe('📎 broken lamp.png');

    const file = await download(amina, `/api/v1/attachments/${id}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(images.png)).toBe(true);
    expect(headersOf(file)).toEqual({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `inline; filename="broken lamp.png"; filename*=UTF-8''broken%20lamp.png`,
      'cache-control': 'private, max-age=31536000, immutable',
    });
    expect((await download(visitor, `/api/v1/widget/attachments/${id}`)).bytes.equals(images.png)).toBe(true);
  });

  it('an agent sends a PDF; the customer sees it on their timeline and downloads it as an attachment, never inline', async () => {
    const chat = await buildConversation(t, workspace);
    const up = await upload(amina, `/api/v1/conversations/${chat.conversationId}/attachments`, pdf, {
      name: 'invoice.pdf',
      type: 'application/pdf',
    });
    expect(up.status).toBe(201);
    const id = up.body.attachment.id as string;
    const sent = await client(t, amina).post(`/api/v1/conversations/${chat.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Here is your invoice',
      attachmentIds: [id],
    });
    expect(sent.status).toBe(201);
    const visitor = { visitorToken: chat.visitorToken };
    const mine = await client(t, visitor).get(`/api/v1/widget/conversations/${chat.conversationId}/entries`);
    const reply = mine.body.entries.find((e: { id: string }) => e.id === sent.body.entry.id);
    expect(reply.attachments).toEqual([
      { id, name: 'invoice.pdf', type: 'application/pdf', size: pdf.length, url: `/api/v1/widget/attachments/${id}` },
    ]);
    const file = await download(visitor, reply.attachments[0].url);
    expect(file.bytes.equals(pdf)).toBe(true);
    expect(headersOf(file)).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`,
    });
  });

  it('the bytes decide: a declared type they disagree with, a page, a drawing and unknown bytes are refused with 400, and nothing is stored', async () => {
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const before = await storedCount();
    const refused: Array<[Buffer, string | undefined, string]> = [
      [
        images.png,
        'application/pdf',
        'The file was sent as PDF document, but its bytes are a PNG image: nothing was kept. Send it with its own type.',
      ],
      [
        pdf,
        'image/jpeg',
        'The file was sent as JPEG image, but its bytes are a PDF document: nothing was kept. Send it with its own type.',
      ],
      [
        images.html,
        'application/pdf',
        'This kind of file is not accepted (its bytes decide, not its name or declared type): send an image (PNG, JPEG, GIF, WebP), a PDF, a plain text file, or a Word or Excel document.',
      ],
      [
        images.svg,
        'text/plain',
        'This kind of file is not accepted (its bytes decide, not its name or declared type): send an image (PNG, JPEG, GIF, WebP), a PDF, a plain text file, or a Word or Excel document.',
      ],
      [
        randomBytes(500),
        undefined,
        'This kind of file is not accepted (its bytes decide, not its name or declared type): send an image (PNG, JPEG, GIF, WebP), a PDF, a plain text file, or a Word or Excel document.',
      ],
      [Buffer.alloc(0), 'text/plain', 'The file is empty: send its bytes.'],
    ];
    for (const [bytes, type, message] of refused) {
      const res = await upload(visitor, '/api/v1/widget/attachments', bytes, { name: 'file', ...(type ? { type } : {}) });
      expect({ type, status: res.status, error: res.body.error }).toEqual({
        type,
        status: 400,
        error: { code: 'invalid', message },
      });
    }
    // Browsers declare octet-stream for what they do not know: the bytes alone decide then.
    const undeclared = await upload(visitor, '/api/v1/widget/attachments', pdf, { name: 'scan' });
    expect(undeclared.body.attachment).toMatchObject({ name: 'scan.pdf', type: 'application/pdf' });
    expect(await storedCount()).toBe(before + 1);
  });

  it('names are cleaned: no path, no control or bidi characters, at most 120 characters, and an extension the type agrees with', async () => {
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const names: Array<[string, string]> = [
      ['../../etc/\u202Egnp.exe', 'gnp.exe.pdf'],
      ['invoice.pdf\u0007\u200F.exe', 'invoice.pdf.exe.pdf'],
      ['..', 'file.pdf'],
      [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(120)}.pdf`],
    ];
    for (const [name, kept] of names) {
      const res = await upload(visitor, '/api/v1/widget/attachments', pdf, { name, type: 'application/pdf' });
      expect({ name, kept: res.body.attachment?.name ?? res.body }).toEqual({ name, kept });
    }
  });

  it('a file over 10 MiB is a 413 naming the limit, a message carries at most 5 files, and an upload needs the visitor token', async () => {
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const before = await storedCount();
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - pdf.length, 0x20)]);
    const res = await upload(visitor, '/api/v1/widget/attachments', big, { type: 'application/pdf' });
    expect(res).toEqual({
      status: 413,
      body: {
        error: { code: 'payload_too_large', message: 'The file is over the 10 MiB limit.', details: { limitBytes: 10485760 } },
      },
    });
    expect((await upload(null, '/api/v1/widget/attachments', pdf)).status).toBe(401);
    expect(await storedCount()).toBe(before);

    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(visitor, '/api/v1/widget/attachments', pdf)).body.attachment.id);
    const six = await client(t, visitor).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'all of them',
      attachmentIds: ids,
    });
    expect(six.status).toBe(400);
    expect(six.body.error.message).toBe('attachmentIds may hold at most 5 files: a message carries no more');
  });

  it("attachment ids that are not the sender's own for this conversation, or were sent already, are refused and nothing is written", async () => {
    const a = await buildConversation(t, workspace);
    const b = await buildConversation(t, workspace);
    const visitorA = { visitorToken: a.visitorToken };
    const visitorB = { visitorToken: b.visitorToken };
    const ofA = (await upload(visitorA, '/api/v1/widget/attachments', pdf)).body.attachment.id as string;
    const agentsForA = (await upload(amina, `/api/v1/conversations/${a.conversationId}/attachments`, pdf)).body.attachment
      .id as string;
    const otherShop = await buildConversation(t, { key: elsewhere.session.workspace.key });
    const ofElsewhere = (await upload({ visitorToken: otherShop.visitorToken }, '/api/v1/widget/attachments', pdf)).body
      .attachment.id as string;
    const refusal = (id: string) => `attachmentIds: ${id} is not a file you uploaded for this conversation and have not sent yet`;

    const tries: Array<[Who, string, string]> = [
      [visitorB, '/api/v1/widget/messages', ofA],
      [visitorB, '/api/v1/widget/messages', ofElsewhere],
      [visitorA, '/api/v1/widget/messages', agentsForA],
      [amina, `/api/v1/conversations/${b.conversationId}/messages`, agentsForA],
      [amina, `/api/v1/conversations/${a.conversationId}/messages`, ofA],
      [elsewhere, `/api/v1/conversations/${otherShop.conversationId}/messages`, agentsForA],
    ];
    for (const [who, url, id] of tries) {
      const res = await client(t, who ?? {}).post(url, { clientId: newClientId(), body: 'see attached', attachmentIds: [id] });
      expect({ url, status: res.status, message: res.body.error?.message }).toEqual({ url, status: 400, message: refusal(id) });
    }
    // Sent once, it cannot go again with another message; resending the same message is answered as before.
    const clientId = newClientId();
    const first = await client(t, visitorA).post('/api/v1/widget/messages', { clientId, body: 'receipt', attachmentIds: [ofA] });
    expect(first.status).toBe(201);
    const resend = await client(t, visitorA).post('/api/v1/widget/messages', { clientId, body: 'receipt', attachmentIds: [ofA] });
    expect({ status: resend.status, id: resend.body.entry.id }).toEqual({ status: 200, id: first.body.entry.id });
    const again = await client(t, visitorA).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'again',
      attachmentIds: [ofA],
    });
    expect({ status: again.status, message: again.body.error?.message }).toEqual({ status: 400, message: refusal(ofA) });
    const agentsEntries = (await client(t, amina).get(`/api/v1/conversations/${b.conversationId}/entries`)).body.entries;
    expect(agentsEntries.filter((e: { body: string }) => e.body === 'see attached')).toEqual([]);
  });

  it("downloads are for those who may see the conversation: another shop, another visitor, and a note's files for the customer are 404", async () => {
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const sentByCustomer = (await upload(visitor, '/api/v1/widget/attachments', images.gif, { type: 'image/gif' })).body
      .attachment.id;
    await client(t, visitor).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'photo',
      attachmentIds: [sentByCustomer],
    });
    const inNote = (await upload(amina, `/api/v1/conversations/${chat.conversationId}/attachments`, pdf)).body.attachment.id;
    const note = await client(t, amina).post(`/api/v1/conversations/${chat.conversationId}/notes`, {
      clientId: newClientId(),
      body: 'internal copy',
      attachmentIds: [inNote],
    });
    expect(note.body.entry.attachments[0].id).toBe(inNote);
    const notSentYet = (await upload(amina, `/api/v1/conversations/${chat.conversationId}/attachments`, pdf)).body.attachment.id;
    const neighbour = await buildConversation(t, workspace);
    const colleague = await signIn(t, await buildAgent(t, workspace, { displayName: 'Cleo Colleague' }));

    const answers = {
      'agent of the shop, the photo': await download(amina, `/api/v1/attachments/${sentByCustomer}`),
      'agent of another shop': await download(elsewhere, `/api/v1/attachments/${sentByCustomer}`),
      'another visitor': await download({ visitorToken: neighbour.visitorToken }, `/api/v1/widget/attachments/${sentByCustomer}`),
      "the customer, a note's file": await download(visitor, `/api/v1/widget/attachments/${inNote}`),
      'a colleague, a file not sent yet': await download(colleague, `/api/v1/attachments/${notSentYet}`),
      'its uploader, a file not sent yet': await download(amina, `/api/v1/attachments/${notSentYet}`),
      'a made-up id': await download(amina, '/api/v1/attachments/00000000-0000-4000-8000-000000000000'),
      'no session': await download(null, `/api/v1/attachments/${sentByCustomer}`),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.status]))).toEqual({
      'agent of the shop, the photo': 200,
      'agent of another shop': 404,
      'another visitor': 404,
      "the customer, a note's file": 404,
      'a colleague, a file not sent yet': 404,
      'its uploader, a file not sent yet': 200,
      'a made-up id': 404,
      'no session': 401,
    });
  });

  it("erasing a customer takes their conversation's files with the words: the bytes leave the storage, and links answer 404", async () => {
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin', displayName: 'Ada Admin' }));
    const chat = await buildConversation(t, workspace);
    const visitor = { visitorToken: chat.visitorToken };
    const theirs = (await upload(visitor, '/api/v1/widget/attachments', images.png, { type: 'image/png' })).body.attachment.id;
    await client(t, visitor).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'my address label',
      attachmentIds: [theirs],
    });
    const ours = (await upload(amina, `/api/v1/conversations/${chat.conversationId}/attachments`, pdf)).body.attachment.id;
    await client(t, amina).post(`/api/v1/conversations/${chat.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'your invoice',
      attachmentIds: [ours],
    });
    const keys = (
      await t.db.query<{ key: string }>('select storage_key as key from attachments where id = any($1::uuid[])', [[theirs, ours]])
    ).map((r) => r.key);
    expect(await Promise.all(keys.map(async (k) => (await t.storage.get(k)) !== null))).toEqual([true, true]);

    const customerId = (await client(t, amina).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation.customer.id;
    expect((await client(t, admin).post(`/api/v1/customers/${customerId}/erase`)).status).toBe(200);

    expect(await Promise.all(keys.map((k) => t.storage.get(k)))).toEqual([null, null]);
    expect((await download(amina, `/api/v1/attachments/${theirs}`)).status).toBe(404);
    expect((await download(amina, `/api/v1/attachments/${ours}`)).status).toBe(404);
    const entries = (await client(t, amina).get(`/api/v1/conversations/${chat.conversationId}/entries`)).body.entries;
    expect(entries.filter((e: { attachments?: unknown }) => e.attachments)).toEqual([]);
  });

  it('files on a reply that goes by email are refused with a 400 saying so, and may go as a note instead', async () => {
    const chat = await buildConversation(t, workspace);
    const left = await client(t, { visitorToken: chat.visitorToken }).post('/api/v1/widget/leave-message', {
      conversationId: chat.conversationId,
      email: 'wanjiru@example.com',
    });
    expect(left.status).toBe(200);
    const url = `/api/v1/conversations/${chat.conversationId}`;
    const id = (await upload(amina, `${url}/attachments`, pdf)).body.attachment.id;
    const reply = await client(t, amina).post(`${url}/messages`, {
      clientId: newClientId(),
      body: 'Invoice attached',
      attachmentIds: [id],
    });
    expect({ status: reply.status, message: reply.body.error?.message }).toEqual({
      status: 400,
      message:
        'Files cannot go by email yet: this reply goes by email to wanjiru@example.com. Send the words alone, or add the files as an internal note.',
    });
    const note = await client(t, amina).post(`${url}/notes`, {
      clientId: newClientId(),
      body: 'Invoice for the file',
      attachmentIds: [id],
    });
    expect(note.status).toBe(201);
  });
});
