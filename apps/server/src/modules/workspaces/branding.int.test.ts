import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

const images = {
  /** A 1×1 PNG. */
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  /** A 1×1 GIF. */
  gif: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=', 'base64'),
  html: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
};

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** PUT /api/v1/workspace/logo with the image's own bytes, as the settings screen sends a chosen file. */
async function uploadLogo(who: Signed, bytes: Buffer, type = 'image/png') {
  const res = await fetch(`${t.url}/api/v1/workspace/logo?name=logo.png`, {
    method: 'PUT',
    headers: { 'content-type': type, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    body: bytes,
  });
  return {
    status: res.status,
    body: (await res.json()) as { workspace: { logoUrl: string | null }; error?: { message: string } },
  };
}

describe(`workspace branding and the widget's config (${backend})`, () => {
  it("an admin sets the greeting, colour, logo, currency, languages and holidays, and the widget's public config follows", async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const res = await client(t, admin).patch('/api/v1/workspace', {
      name: 'Rosie’s Bakery',
      greeting: 'Hello! Rosie or Sam will answer you.',
      widgetColor: '#1F5F8B',
      currency: 'KES',
      languages: ['en', 'sw-ke'],
      holidays: [
        { date: '2026-12-26', name: 'Boxing Day', hours: null },
        { date: '2026-12-24', name: 'Christmas Eve', hours: ['09:00', '12:00'] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.workspace).toMatchObject({
      greeting: 'Hello! Rosie or Sam will answer you.',
      widgetColor: '#1f5f8b',
      currency: 'KES',
      languages: ['en', 'sw-KE'],
      holidays: [
        { date: '2026-12-24', name: 'Christmas Eve', hours: ['09:00', '12:00'] },
        { date: '2026-12-26', name: 'Boxing Day', hours: null },
      ],
      logoUrl: null,
    });
    const logo = await uploadLogo(admin, images.png);
    expect(logo.status).toBe(200);
    expect(logo.body.workspace.logoUrl).toMatch(/^\/files\/[A-Za-z0-9_-]{32}$/);
    expect((await fetch(`${t.url}${logo.body.workspace.logoUrl}`)).status).toBe(200);

    const config = await fetch(`${t.url}/api/v1/widget/config/${workspace.key}`);
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('public, max-age=60');
    expect(config.headers.get('access-control-allow-origin')).toBe('*');
    expect(await config.json()).toEqual({
      name: 'Rosie’s Bakery',
      greeting: 'Hello! Rosie or Sam will answer you.',
      color: '#1f5f8b',
      logoUrl: logo.body.workspace.logoUrl,
    });
    expect((await fetch(`${t.url}/api/v1/widget/config/wk_nobody`)).status).toBe(404);

    // A new logo replaces the old, which is no longer served; removing it leaves none.
    const second = await uploadLogo(admin, images.gif, 'image/gif');
    expect((await fetch(`${t.url}${logo.body.workspace.logoUrl}`)).status).toBe(404);
    const removed = await client(t, admin).patch('/api/v1/workspace', { logoUrl: null });
    expect(removed.body.workspace.logoUrl).toBeNull();
    expect((await fetch(`${t.url}${second.body.workspace.logoUrl}`)).status).toBe(404);
  });

  it('refuses bad settings with a 400 naming the field, and changes nothing', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const before = (await client(t, admin).get('/api/v1/workspace')).body.workspace;
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ widgetColor: 'orange' }, /widgetColor is a colour written as #RRGGBB/],
      [{ widgetColor: '#ffe08a' }, /widgetColor is too light/],
      [{ allowedOrigins: ['https://shop.example/checkout'] }, /allowedOrigins are website origins/],
      [{ allowedOrigins: ['ftp://shop.example'] }, /allowedOrigins are website origins/],
      [{ timezone: 'Europe/Atlantis' }, /timezone must be an IANA time zone/],
      [{ openingHours: { wed: ['18:00', '08:00'] } }, /open before it closes/],
      [{ currency: 'XYZ' }, /currency is a three-letter ISO 4217 code/],
      [{ currency: 'eur' }, /currency is a three-letter ISO 4217 code/],
      [{ languages: [] }, /languages needs at least one language/],
      [{ languages: ['en', 'not a language'] }, /languages: "not a language" is not a language tag/],
      [{ holidays: [{ date: '2026-02-30', name: 'Nowhere day', hours: null }] }, /holidays: a date is YYYY-MM-DD/],
      [
        {
          holidays: [
            { date: '2026-12-25', name: 'Christmas', hours: null },
            { date: '2026-12-25', name: 'Christmas again', hours: ['10:00', '12:00'] },
          ],
        },
        /holidays: 2026-12-25 is listed twice/,
      ],
      [{ holidays: [{ date: '2026-12-31', name: 'New Year’s Eve', hours: ['15:00', '10:00'] }] }, /open before it closes/],
      [{ greeting: '   ' }, /greeting must not be empty/],
      [{ logoUrl: 'https://elsewhere.example/logo.png' }, /logoUrl/],
    ];
    for (const [patch, message] of refusals) {
      const res = await client(t, admin).patch('/api/v1/workspace', { name: 'Half-written', ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.error.message, JSON.stringify(patch)).toMatch(message);
    }
    const notAnImage = await uploadLogo(admin, images.html, 'image/png');
    expect(notAnImage.status).toBe(400);
    expect((await client(t, admin).get('/api/v1/workspace')).body.workspace).toEqual(before);
  });

  it('refuses people who are not admins with a 403 that says why, and another workspace’s admin finds nothing', async () => {
    const workspace = await buildWorkspace(t);
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor' }));
    const agent = await signIn(t, await buildAgent(t, workspace, { role: 'agent' }));
    for (const who of [supervisor, agent]) {
      const patch = await client(t, who).patch('/api/v1/workspace', { widgetColor: '#1f5f8b' });
      expect(patch.status).toBe(403);
      expect(patch.body.error.message).toBe('Only admins can change workspace settings.');
      expect((await uploadLogo(who, images.png)).status).toBe(403);
      expect((await client(t, who).get('/api/v1/workspace/identity-secret')).status).toBe(403);
      expect((await client(t, who).post('/api/v1/workspace/identity-secret/rotate')).status).toBe(403);
    }
    const outsider = await signIn(t, await buildAgent(t, await buildWorkspace(t), { role: 'admin' }));
    await client(t, outsider).patch('/api/v1/workspace', { greeting: 'Not yours' });
    const config = (await (await fetch(`${t.url}/api/v1/widget/config/${workspace.key}`)).json()) as { greeting: string };
    expect(config.greeting).not.toBe('Not yours');
  });

  it('no callback is offered on a holiday', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const today = t.now().toISOString().slice(0, 10);
    const allDay = ['00:00', '24:00'];
    const everyDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]));
    await client(t, admin).patch('/api/v1/workspace', {
      timezone: 'UTC',
      openingHours: everyDay,
      holidays: [{ date: today, name: 'Founders’ Day', hours: null }],
    });
    const { visitorToken } = await buildConversation(t, workspace, 'Could you call me today?');
    const { windows } = (await client(t, { visitorToken }).get('/api/v1/widget/callback-windows')).body;
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((w: { start: string }) => w.start.slice(0, 10) !== today)).toBe(true);
  });
});
