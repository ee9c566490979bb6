import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

describe(`time to human on the live queue, by way in (${backend})`, () => {
  it('walk-ins count from check-in to being called to the counter, beside chat and calls; those still in line do not count yet', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await buildAgent(t, workspace, { role: 'admin', displayName: 'Amina Odhiambo', presence: 'available' });
    const admin = client(t, await signIn(t, amina));
    const slug = `westlands-${randomUUID().slice(0, 8)}`;
    const created = await admin.post('/api/v1/locations', {
      slug,
      name: 'Westlands',
      timezone: 'UTC',
      openingHours: ALWAYS_OPEN,
      services: [{ name: 'Returns', typicalMinutes: 10 }],
      staffIds: [amina.id],
    });
    expect(created.status).toBe(201);
    const location = created.body.location as { id: string; services: Array<{ id: string }> };
    const kiosk = client(t, { from: '127.0.0.21' });
    for (const name of ['Sam Otieno', 'Wanjiru Kamau']) {
      const checkIn = { clientId: randomUUID(), name, serviceId: location.services[0]!.id };
      expect((await kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, checkIn)).status).toBe(201);
    }
    expect((await admin.post(`/api/v1/locations/${location.id}/call-next`, {})).status).toBe(200);

    const chat = await buildConversation(t, workspace, 'Is my parcel on its way?');
    const replied = await admin.post(`/api/v1/conversations/${chat.conversationId}/messages`, {
      clientId: newClientId(),
      body: 'Hello, I am Amina: let me look.',
    });
    expect(replied.status).toBe(201);

    const overview = (await admin.get('/api/v1/supervisor/overview')).body;
    const today = overview.timeToHuman.today;
    expect(today.byChannel.walkIn).toEqual({ count: 1, medianSeconds: expect.any(Number) });
    expect(today.byChannel.walkIn.medianSeconds).toBeGreaterThanOrEqual(0);
    expect(today.byChannel.chat.count).toBe(1);
    expect(today.byChannel.phone).toEqual({ count: 0, medianSeconds: null });
    // The walk-in's visit is a conversation too: it counts in the total like any other way in.
    expect(today.count).toBe(2);
  });
});
