import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

describe(`workspace settings (${backend})`, () => {
  it('an admin sets the idle-away time and opening hours, and callbacks follow the new hours', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const closedAllWeek = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    const res = await client(t, admin).patch('/api/v1/workspace', {
      idleAwayMinutes: 15,
      timezone: 'Africa/Nairobi',
      openingHours: closedAllWeek,
    });
    expect(res.status).toBe(200);
    expect(res.body.workspace).toMatchObject({ idleAwayMinutes: 15, timezone: 'Africa/Nairobi', openingHours: closedAllWeek });
    expect((await client(t, admin).get('/api/v1/auth/session')).body.workspace.idleAwayMinutes).toBe(15);

    const { visitorToken } = await buildConversation(t, workspace, 'Can you call me?');
    const windows = await client(t, { visitorToken }).get('/api/v1/widget/callback-windows');
    expect(windows.body).toEqual({ timezone: 'Africa/Nairobi', windows: [] });
  });

  it('refuses a non-admin, an unknown time zone and hours that close before they open, changing nothing', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const agent = await signIn(t, await buildAgent(t, workspace, { role: 'agent' }));
    const before = (await client(t, admin).get('/api/v1/workspace')).body.workspace;

    expect((await client(t, agent).patch('/api/v1/workspace', { idleAwayMinutes: 1 })).status).toBe(403);
    const zone = await client(t, admin).patch('/api/v1/workspace', { timezone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toMatch(/IANA time zone/);
    const hours = await client(t, admin).patch('/api/v1/workspace', { openingHours: { mon: ['17:00', '09:00'] } });
    expect(hours.status).toBe(400);
    expect(hours.body.error.message).toMatch(/open before it closes/);
    const format = await client(t, admin).patch('/api/v1/workspace', { openingHours: { tue: ['9am', '5pm'] } });
    expect(format.status).toBe(400);
    expect(format.body.error.message).toMatch(/HH:MM/);
    const idle = await client(t, admin).patch('/api/v1/workspace', { idleAwayMinutes: 0 });
    expect(idle.status).toBe(400);

    expect((await client(t, admin).get('/api/v1/workspace')).body.workspace).toEqual(before);
  });
});
