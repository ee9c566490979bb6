import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { buildAgent, buildWorkspace, client, newAddress, signIn } from './factories.ts';
import type { TestServer } from './testServer.ts';

export const WEEKDAYS_9_TO_5 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00', '17:00']]));

/** A shop with a store in Westlands: Amina (an admin) and Brian work there; Chebet works elsewhere. */
export async function buildWestlands(t: TestServer, clock: { set(at: Date): void }) {
  clock.set(new Date('2031-01-08T07:00:00Z')); // 10:00 in Nairobi
  const workspace = await buildWorkspace(t);
  const amina = await buildAgent(t, workspace, { role: 'admin', displayName: 'Amina Odhiambo', presence: 'available' });
  const brian = await buildAgent(t, workspace, { displayName: 'Brian Kiprop', presence: 'available' });
  const chebet = await buildAgent(t, workspace, { displayName: 'Chebet Wanjiru', presence: 'available' });
  const admin = client(t, await signIn(t, amina));
  const slug = `westlands-${randomUUID().slice(0, 8)}`;
  const created = await admin.post('/api/v1/locations', {
    slug,
    name: 'Westlands',
    address: 'Sarit Centre, Nairobi',
    timezone: 'Africa/Nairobi',
    openingHours: WEEKDAYS_9_TO_5,
    services: [
      { name: 'Returns', typicalMinutes: 10 },
      { name: 'Advice', typicalMinutes: 20 },
    ],
    staffIds: [amina.id, brian.id],
  });
  expect(created.status).toBe(201);
  const location = created.body.location as { id: string; services: Array<{ id: string; name: string }> };
  const returns = location.services.find((s) => s.name === 'Returns')!;
  const kiosk = client(t, { from: newAddress() });
  const checkIn = (name: string, extra: Record<string, unknown> = {}) =>
    kiosk.post(`/api/v1/store/locations/${slug}/check-ins`, { clientId: randomUUID(), name, serviceId: returns.id, ...extra });
  return {
    workspace,
    slug,
    location,
    returns,
    admin,
    amina,
    brianApi: client(t, await signIn(t, brian)),
    chebetApi: client(t, await signIn(t, chebet)),
    brian,
    kiosk,
    checkIn,
  };
}
