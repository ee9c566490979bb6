import { describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, buildWorkspace, client, signIn } from '../../../testing/factories.ts';
import { backend, testServer } from '../../../testing/testServer.ts';

const t = await testServer();

type Entry = { kind: string; body: string; channel: string; event: { type: string; data: Record<string, unknown> } | null };

describe(`calls on the phone line go on the customer's timeline (${backend})`, () => {
  it('an answered call from the line: on the customer’s phone conversation, theirs under way, with who and how long', async () => {
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' }));
    const api = client(t, amina);
    const kamau = (await api.post('/api/v1/customers', { name: 'Kamau Otieno', phone: '+254712345678' })).body.customer;
    const logged = await api.post('/api/v1/voice/phone-calls', {
      customerId: kamau.id,
      direction: 'in',
      number: '+254712345678',
      answeredAt: '2026-01-05T10:00:00Z',
      endedAt: '2026-01-05T10:03:05Z',
    });
    expect(logged.status).toBe(201);
    expect(logged.body.entry.body).toBe('Phone call from +254712345678, answered by Amina Odhiambo · 3 min 05 s');
    const conversation = (await api.get(`/api/v1/conversations/${logged.body.conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ channel: 'phone', status: 'active', assignee: { displayName: 'Amina Odhiambo' } });

    // A second call joins the same open phone conversation; a call out that nobody answered says so.
    const again = await api.post('/api/v1/voice/phone-calls', {
      customerId: kamau.id,
      direction: 'out',
      number: '+254712345678',
      answeredAt: null,
      endedAt: '2026-01-05T11:00:00Z',
    });
    expect(again.body.conversationId).toBe(logged.body.conversationId);
    const entries = (await api.get(`/api/v1/conversations/${logged.body.conversationId}/entries`)).body.entries as Entry[];
    expect(entries.filter((e) => e.event?.type === 'phone_call').map((e) => e.body)).toEqual([
      'Phone call from +254712345678, answered by Amina Odhiambo · 3 min 05 s',
      'Amina Odhiambo called +254712345678: no answer',
    ]);
    expect(entries.find((e) => e.event?.type === 'phone_call')!.event!.data).toMatchObject({ durationSeconds: 185 });
  });

  it('refused with what is wrong: times the wrong way round, a call in the future, another workspace’s customer', async () => {
    const workspace = await buildWorkspace(t);
    const api = client(t, await signIn(t, await buildAgent(t, workspace)));
    const customer = (await api.post('/api/v1/customers', { name: 'Wanjiru' })).body.customer;
    const elsewhere = await buildWorkspace(t);
    const abroad = await buildConversation(t, elsewhere, 'hello');
    const otherCustomer = (
      await client(t, await signIn(t, await buildAgent(t, elsewhere))).get(`/api/v1/conversations/${abroad.conversationId}`)
    ).body.conversation.customer.id as string;
    const call = { customerId: customer.id, direction: 'in', number: '+254700000001' };
    const cases: Array<[object, number, RegExp]> = [
      [
        { ...call, answeredAt: '2026-01-05T10:05:00Z', endedAt: '2026-01-05T10:00:00Z' },
        400,
        /answeredAt must be before endedAt/,
      ],
      [{ ...call, answeredAt: null, endedAt: '2099-01-01T00:00:00Z' }, 400, /endedAt is in the future/],
      [{ ...call, direction: 'sideways', answeredAt: null, endedAt: '2026-01-05T10:00:00Z' }, 400, /direction must be in or out/],
      [{ ...call, customerId: otherCustomer, answeredAt: null, endedAt: '2026-01-05T10:00:00Z' }, 404, /not found/i],
    ];
    for (const [body, status, message] of cases) {
      const res = await api.post('/api/v1/voice/phone-calls', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await api.get('/api/v1/conversations?view=all')).body.conversations).toEqual([]);
  });
});
