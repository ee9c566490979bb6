import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../../core/http/rateLimit.ts';
import type { OutboundNetwork } from '../../core/http/safeFetch.ts';
import { createMetrics } from '../../core/metrics.ts';
import { buildHttpApp } from '../../httpApp.ts';
import { buildAgent, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { images } from './images.testing.ts';
import type { FetchingServices } from './index.ts';

const t = await testServer();
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let amina: Signed;
let bo: Signed;

beforeAll(async () => {
  workspace = await buildWorkspace(t);
  amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' }));
  bo = await signIn(t, await buildAgent(t, await buildWorkspace(t), { displayName: 'Bo Lindqvist' }));
});

/** PUT /api/v1/agents/me/avatar with raw bytes, as the agent app sends a chosen file. */
async function upload(server: { url: string }, who: Signed | null, bytes: Buffer, type: string, name?: string) {
  const res = await fetch(
    `${server.url}/api/v1/agents/me/avatar${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`,
    {
      method: 'PUT',
      headers: { 'content-type': type, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}) },
      body: bytes,
    },
  );
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered
  return { status: res.status, body: (await res.json()) as any };
}

/** A stored file as anyone's browser fetches it: no session. */
async function served(path: string) {
  const res = await fetch(`${t.url}${path}`);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The workspace's stored files, and the agent's photo: what "nothing stored" is measured by. */
async function state(who: Signed) {
  const [row] = await t.db.query<{ files: number }>('select count(*)::int as files from files where workspace_id = $1', [
    who.session.workspace.id,
  ]);
  const me = await client(t, who).get('/api/v1/auth/session');
  return { files: row!.files, avatarUrl: me.body.agent.avatarUrl as string | null };
}

describe(`stored files: agents' photos (${backend})`, () => {
  it('an uploaded PNG is stored under a random key and served inert, with its cleaned name, to anyone', async () => {
    const res = await upload(t, amina, images.png, 'image/png', '../../C:\\photos/me\u202Egnp.exe\u0007.png');
    expect(res.status).toBe(200);
    const path = res.body.agent.avatarUrl as string;
    expect(path).toMatch(/^\/files\/[A-Za-z0-9_-]{32}$/);
    const [row] = await t.db.query<{ workspaceId: string; contentType: string; byteSize: number; name: string }>(
      `select workspace_id as "workspaceId", content_type as "contentType", byte_size as "byteSize", original_name as name
       from files where key = $1`,
      [path.slice('/files/'.length)],
    );
    expect(row).toEqual({
      workspaceId: workspace.id,
      contentType: 'image/png',
      byteSize: images.png.length,
      name: 'megnp.exe.png',
    });

    const file = await served(path);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(images.png)).toBe(true);
    expect(
      Object.fromEntries(
        [
          'content-type',
          'x-content-type-options',
          'content-security-policy',
          'cache-control',
          'content-disposition',
          'cross-origin-resource-policy',
        ].map((h) => [h, file.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=31536000, immutable',
      'content-disposition': `inline; filename="megnp.exe.png"; filename*=UTF-8''megnp.exe.png`,
      'cross-origin-resource-policy': 'cross-origin',
    });
  });

  it('the bytes decide the type, never the name or the declared type: a JPEG sent as image/png is served as a JPEG', async () => {
    for (const [bytes, sent, type] of [
      [images.jpeg, 'image/png', 'image/jpeg'],
      [images.gif, 'image/gif', 'image/gif'],
      [images.webp, 'image/jpeg', 'image/webp'],
    ] as const) {
      const res = await upload(t, amina, bytes, sent, 'photo.png');
      expect(res.status).toBe(200);
      const file = await served(res.body.agent.avatarUrl);
      expect({ type: file.headers.get('content-type'), same: file.bytes.equals(bytes) }).toEqual({ type, same: true });
      expect(file.headers.get('content-disposition')).toMatch(/^inline;/);
    }
  });

  it('SVG, HTML sent as a PNG, and bytes of no known image are refused with a 400, and nothing is stored', async () => {
    const before = await state(amina);
    const refused = [
      [
        images.svg,
        'image/svg+xml',
        'photo.svg',
        'SVG images are not accepted, as they can carry scripts: send a PNG, JPEG, GIF or WebP image.',
      ],
      [
        images.svgWithProlog,
        'image/png',
        'photo.png',
        'SVG images are not accepted, as they can carry scripts: send a PNG, JPEG, GIF or WebP image.',
      ],
      [images.html, 'image/png', 'photo.png', 'This is an HTML page, not an image: send a PNG, JPEG, GIF or WebP image.'],
      [
        images.pngSignatureThenHtml,
        'image/png',
        'photo.png',
        'This is not a PNG, JPEG, GIF or WebP image (its bytes decide, not its name or declared type).',
      ],
      [
        randomBytes(300),
        'image/jpeg',
        'photo.jpg',
        'This is not a PNG, JPEG, GIF or WebP image (its bytes decide, not its name or declared type).',
      ],
      [Buffer.alloc(0), 'image/png', 'photo.png', 'The image is empty: send its bytes.'],
    ] as const;
    for (const [bytes, type, name, message] of refused) {
      const res = await upload(t, amina, bytes, type, name);
      expect({ name, type, status: res.status, error: res.body.error }).toEqual({
        name,
        type,
        status: 400,
        error: { code: 'invalid', message },
      });
    }
    expect(await state(amina)).toEqual(before);
  });

  it('an image over 2 MiB is a 413 naming the limit, and nothing is stored; one of exactly 2 MiB is kept', async () => {
    const before = await state(amina);
    const over = Buffer.concat([images.png, Buffer.alloc(2 * 1024 * 1024 + 1 - images.png.length)]);
    const res = await upload(t, amina, over, 'image/png');
    expect(res).toEqual({
      status: 413,
      body: {
        error: { code: 'payload_too_large', message: 'The image is over the 2 MiB limit.', details: { limitBytes: 2097152 } },
      },
    });
    expect(await state(amina)).toEqual(before);
    const exact = await upload(t, amina, over.subarray(0, 2 * 1024 * 1024), 'image/png');
    expect(exact.status).toBe(200);
    expect((await served(exact.body.agent.avatarUrl)).bytes).toHaveLength(2 * 1024 * 1024);
  });

  it('an upload needs a signed-in agent and the CSRF token, and the image itself as the body', async () => {
    const before = await state(amina);
    expect((await upload(t, null, images.png, 'image/png')).status).toBe(401);
    expect((await upload(t, { ...amina, csrfToken: 'wrong' }, images.png, 'image/png')).status).toBe(403);
    const json = await client(t, amina).put('/api/v1/agents/me/avatar', { image: images.png.toString('base64') });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toBe(
      'Send the image itself as the request body, with content-type image/png, image/jpeg, image/gif or image/webp.',
    );
    expect(await state(amina)).toEqual(before);
  });

  it('an agent uploads or imports at most 20 photos an hour (429 with Retry-After); a colleague is not held back', async () => {
    const busy = await signIn(t, await buildAgent(t, workspace, { displayName: 'Busy Bee' }));
    const colleague = await signIn(t, await buildAgent(t, workspace, { displayName: 'Calm Colleague' }));
    for (let i = 0; i < 20; i++) expect((await upload(t, busy, images.png, 'image/png')).status).toBe(200);
    const limited = await upload(t, busy, images.png, 'image/png');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const imported = await client(t, busy).patch('/api/v1/agents/me', { avatarUrl: 'https://photos.example.com/me.png' });
    expect(imported.status).toBe(429);
    expect(Number(imported.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await upload(t, colleague, images.png, 'image/png')).status).toBe(200);
  });

  it('keys are random and unguessable; an unknown or malformed key is a 404; a replaced photo is let go', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 5; i++) paths.push((await upload(t, amina, images.png, 'image/png')).body.agent.avatarUrl);
    expect(new Set(paths).size).toBe(5);
    // Each upload replaced the one before: only the last is still served.
    expect(await Promise.all(paths.map(async (p) => (await served(p)).status))).toEqual([404, 404, 404, 404, 200]);
    for (const path of [
      `/files/${randomBytes(24).toString('base64url')}`,
      '/files/abc',
      '/files/..%2F..%2Fetc%2Fpasswd',
      "/files/x' or '1'='1",
    ]) {
      const res = await served(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const cleared = await client(t, amina).patch('/api/v1/agents/me', { avatarUrl: null });
    expect(cleared.body.agent.avatarUrl).toBeNull();
    expect((await served(paths[4]!)).status).toBe(404);
  });

  it("reading is by key alone (photos are shown to customers without a session); writing is the workspace's own", async () => {
    const mine = (await upload(t, amina, images.gif, 'image/gif')).body.agent.avatarUrl as string;
    // Anyone with the address sees the photo, as customers' browsers on other websites do.
    expect((await served(mine)).status).toBe(200);
    // Another workspace's agent cannot take it as theirs, nor, by replacing it, make it go.
    const taken = await client(t, bo).patch('/api/v1/agents/me', { avatarUrl: mine });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toBe(
      'avatarUrl: give the http or https address of a photo, or upload one (PUT /api/v1/agents/me/avatar).',
    );
    expect((await upload(t, bo, images.png, 'image/png')).status).toBe(200);
    expect((await served(mine)).status).toBe(200);
  });

  it('the photo Warmline serves now, and the pictures it ships, are kept as they are when the profile is saved', async () => {
    const mine = (await upload(t, amina, images.png, 'image/png')).body.agent.avatarUrl as string;
    const saved = await client(t, amina).patch('/api/v1/agents/me', { displayName: 'Amina O.', avatarUrl: mine });
    expect(saved.body.agent).toMatchObject({ displayName: 'Amina O.', avatarUrl: mine });
    expect((await served(mine)).status).toBe(200);
    const shipped = await client(t, amina).patch('/api/v1/agents/me', { avatarUrl: '/avatars/amina.svg' });
    expect(shipped.body.agent.avatarUrl).toBe('/avatars/amina.svg');
    expect((await served('/avatars/amina.svg')).status).toBe(200);
    expect((await served(mine)).status).toBe(404);
  });

  it('an avatarUrl that is not http(s) is a 400 saying what is wrong, and nothing is fetched or stored', async () => {
    const before = await state(amina);
    const wrong = {
      'javascript:alert(document.cookie)': 'must be an http or https address, not javascript:',
      'JavaScript:alert(1)': 'must be an http or https address, not javascript:',
      'java\tscript:alert(1)': 'must be an http or https address, not javascript:',
      'data:image/png;base64,iVBORw0KGgo=': 'must be an http or https address, not data:',
      'vbscript:msgbox(1)': 'must be an http or https address, not vbscript:',
      'file:///etc/passwd': 'must be an http or https address, not file:',
      'ftp://photos.example/me.png': 'must be an http or https address, not ftp:',
      '//photos.example/me.png': 'must be an absolute http or https address such as https://example.com/photo.png',
      '/etc/passwd': 'must be an absolute http or https address such as https://example.com/photo.png',
      'https://me:secret@photos.example/me.png': 'must not carry a user name or password',
    };
    for (const [avatarUrl, says] of Object.entries(wrong)) {
      const res = await client(t, amina).patch('/api/v1/agents/me', { avatarUrl });
      expect({ avatarUrl, status: res.status, message: res.body.error?.message }).toEqual({
        avatarUrl,
        status: 400,
        message: `body.avatarUrl: ${says}`,
      });
    }
    expect(await state(amina)).toEqual(before);
  });
});

describe(`a photo imported from its address (${backend})`, () => {
  // The web as this test sees it: photos.example is a public address whose connections reach a local server,
  // inside.example resolves into the private network. The local server itself listens on 127.0.0.1.
  const PUBLIC = '93.184.215.14';
  let photos: http.Server;
  let photosPort: number;
  const asked: string[] = [];
  const dialed: string[] = [];
  let app: Awaited<ReturnType<typeof startWith>>;

  /** The whole HTTP app once more, on the test server's services, with its own way to the network. */
  async function startWith(outbound: OutboundNetwork) {
    const services: FetchingServices = { ...t, outbound };
    const built = await buildHttpApp(services, { limiter: memoryRateLimiter(), metrics: createMetrics(), nodeId: t.node.id });
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    return { ...built, server: { ...t, url } satisfies TestServer };
  }

  beforeAll(async () => {
    photos = http.createServer((req, res) => {
      asked.push(`${req.headers.host}${req.url}`);
      if (req.url === '/me.png') res.writeHead(200, { 'content-type': 'image/png' }).end(images.png);
      else if (req.url === '/page.png') res.writeHead(200, { 'content-type': 'image/png' }).end(images.html);
      else if (req.url === '/drawing.svg') res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(images.svg);
      else if (req.url === '/huge.png') res.writeHead(200).end(Buffer.concat([images.png, Buffer.alloc(3 * 1024 * 1024)]));
      else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
      else if (req.url === '/to-inside') res.writeHead(301, { location: 'http://inside.example/me.png' }).end();
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', resolve));
    photosPort = (photos.address() as net.AddressInfo).port;
    const names: Record<string, string[]> = { 'photos.example': [PUBLIC], 'inside.example': ['10.0.0.7'] };
    app = await startWith({
      lookup: async (hostname) => {
        const found = names[hostname];
        if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return found.map((address) => ({ address, family: 4 as const }));
      },
      connect: (target) => {
        dialed.push(`${target.address}:${target.port}`);
        if (target.address !== PUBLIC) throw new Error(`only ${PUBLIC} is reachable in this test, not ${target.address}`);
        return net.connect({ host: '127.0.0.1', port: photosPort });
      },
    });
  });

  afterAll(async () => {
    await app.gateway.close();
    await app.app.close();
    await new Promise((resolve) => photos.close(resolve));
  });

  const patch = (who: Signed, avatarUrl: string) => client(app.server, who).patch('/api/v1/agents/me', { avatarUrl });

  it('is fetched once, stored, and served by Warmline: customers never load the third party', async () => {
    asked.length = 0;
    const res = await patch(amina, 'http://photos.example/me.png');
    expect(res.status).toBe(200);
    const path = res.body.agent.avatarUrl as string;
    expect(path).toMatch(/^\/files\/[A-Za-z0-9_-]{32}$/);
    expect(asked).toEqual(['photos.example/me.png']);
    const file = await served(path);
    expect({ status: file.status, type: file.headers.get('content-type'), same: file.bytes.equals(images.png) }).toEqual({
      status: 200,
      type: 'image/png',
      same: true,
    });
    const [row] = await t.db.query<{ name: string }>('select original_name as name from files where key = $1', [path.slice(7)]);
    expect(row!.name).toBe('me.png');
  });

  it('an address on this machine, a name resolving into the private network, and a redirect to the metadata address are refused with 400, and nothing is stored', async () => {
    const before = await state(amina);
    asked.length = 0;
    dialed.length = 0;
    const refused = {
      [`http://127.0.0.1:${photosPort}/me.png`]: `The address http://127.0.0.1:${photosPort}/me.png points into a private network and is not fetched.`,
      [`http://2130706433:${photosPort}/me.png`]: `The address http://2130706433:${photosPort}/me.png points into a private network and is not fetched.`,
      'http://inside.example/me.png':
        'The address http://inside.example/me.png points into a private network and is not fetched.',
      'http://photos.example/to-metadata':
        'The address http://169.254.169.254/latest/meta-data/iam/ (redirected from http://photos.example/to-metadata) points into a private network and is not fetched.',
      'http://photos.example/to-inside':
        'The address http://inside.example/me.png (redirected from http://photos.example/to-inside) points into a private network and is not fetched.',
    };
    for (const [avatarUrl, message] of Object.entries(refused)) {
      const res = await patch(amina, avatarUrl);
      expect({ avatarUrl, status: res.status, error: res.body.error }).toEqual({
        avatarUrl,
        status: 400,
        error: { code: 'invalid', message, details: expect.objectContaining({ reason: 'private_address' }) },
      });
    }
    // Only the two redirecting addresses were asked, on the public address; nothing reached 127.0.0.1 or 10.0.0.7.
    expect(asked).toEqual(['photos.example/to-metadata', 'photos.example/to-inside']);
    expect(dialed).toEqual([`${PUBLIC}:80`, `${PUBLIC}:80`]);
    expect(await state(amina)).toEqual(before);
  });

  it('an address that gives a page, an SVG, a 404 or more than 2 MiB is refused with 400, and nothing is stored', async () => {
    const before = await state(amina);
    const refused = {
      'http://photos.example/page.png':
        'The address http://photos.example/page.png did not give an image. This is an HTML page, not an image: send a PNG, JPEG, GIF or WebP image.',
      'http://photos.example/drawing.svg':
        'The address http://photos.example/drawing.svg did not give an image. SVG images are not accepted, as they can carry scripts: send a PNG, JPEG, GIF or WebP image.',
      'http://photos.example/gone.png': 'The address http://photos.example/gone.png answered HTTP 404, not an image.',
      'http://photos.example/huge.png': 'The address http://photos.example/huge.png sent more than 2 MiB; nothing was kept.',
      'http://nowhere.example/me.png': 'The address http://nowhere.example/me.png could not be found: no such host.',
    };
    for (const [avatarUrl, message] of Object.entries(refused)) {
      const res = await patch(amina, avatarUrl);
      expect({ avatarUrl, status: res.status, message: res.body.error?.message }).toEqual({ avatarUrl, status: 400, message });
    }
    expect(await state(amina)).toEqual(before);
  });
});
