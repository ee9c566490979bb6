import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildWorkspace, client, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

describe(`teams and their targets (${backend})`, () => {
  it('an admin creates a team with a chat target and per-channel targets, and changes them', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const created = await client(t, admin).post('/api/v1/teams', {
      name: 'Phones',
      targetSeconds: 90,
      channelTargets: { phone: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.body.team).toMatchObject({ name: 'Phones', targetSeconds: 90, channelTargets: { phone: 30 } });
    const changed = await client(t, admin).patch(`/api/v1/teams/${created.body.team.id}`, {
      channelTargets: { phone: 45, email: 7200 },
    });
    expect(changed.body.team.channelTargets).toEqual({ phone: 45, email: 7200 });
  });

  it('refuses a target under ten seconds, an unknown channel and a duplicate name, creating nothing', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const tooShort = await client(t, admin).post('/api/v1/teams', { name: 'Fast', channelTargets: { phone: 5 } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.message).toMatch(/at least 10 seconds/);
    expect((await client(t, admin).post('/api/v1/teams', { name: 'Odd', channelTargets: { pigeon: 60 } })).status).toBe(400);
    expect((await client(t, admin).post('/api/v1/teams', { name: 'Billing' })).status).toBe(201);
    const again = await client(t, admin).post('/api/v1/teams', { name: 'billing' });
    expect(again.status).toBe(409);
    expect((await client(t, admin).get('/api/v1/teams')).body.teams.map((team: { name: string }) => team.name)).toEqual([
      'Billing',
    ]);
  });
});
