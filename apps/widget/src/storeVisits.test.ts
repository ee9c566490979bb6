import { describe, expect, it, vi } from 'vitest';
import { type Api, ApiError, type StoreLocation } from './api.ts';
import { StoreVisits } from './storeVisits.ts';

const westlands: StoreLocation = {
  id: 'loc-1',
  slug: 'westlands',
  name: 'Westlands',
  address: 'Sarit Centre',
  timezone: 'Africa/Nairobi',
  services: [{ id: 'svc-1', name: 'Advice', typicalMinutes: 20 }],
};
const visit = { locationId: 'loc-1', serviceId: 'svc-1', start: '2031-01-08T12:00:00Z', agentId: null, contact: '' };

function setup(api: Partial<Api>, token: string | null = 'tok') {
  return new StoreVisits(
    api as Api,
    () => token,
    () => 'conv-1',
  );
}

describe('StoreVisits', () => {
  it('asks for the stores once a session, and offers only those with a service', async () => {
    const storeLocations = vi.fn(async () => ({ locations: [westlands, { ...westlands, id: 'loc-2', services: [] }] }));
    const visits = setup({ storeLocations });
    expect(await visits.locations()).toEqual([westlands]);
    await visits.locations();
    expect(storeLocations).toHaveBeenCalledTimes(1);
  });

  it('has no stores to offer before the chat has a visitor, and asks again after a failure', async () => {
    expect(await setup({ storeLocations: vi.fn() }, null).locations()).toEqual([]);
    const storeLocations = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(0, 'network', 'offline'))
      .mockResolvedValueOnce({ locations: [westlands] });
    const visits = setup({ storeLocations });
    expect(await visits.locations()).toEqual([]);
    expect(await visits.locations()).toEqual([westlands]);
  });

  it('books on the waiting conversation, sending a reminder contact only when one is given', async () => {
    const bookStoreVisit = vi.fn(async () => ({ appointment: { text: 'Advice with Amina' } }));
    const visits = setup({ bookStoreVisit });
    expect(await visits.book({ ...visit, contact: '  kettle@example.com ' })).toBeNull();
    await visits.book(visit);
    expect(bookStoreVisit.mock.calls.map((c) => (c as unknown[])[1])).toEqual([
      {
        conversationId: 'conv-1',
        locationId: 'loc-1',
        serviceId: 'svc-1',
        start: visit.start,
        agentId: null,
        contact: 'kettle@example.com',
      },
      { conversationId: 'conv-1', locationId: 'loc-1', serviceId: 'svc-1', start: visit.start, agentId: null },
    ]);
  });

  it('tells a time someone else just took (a 409 about the time) from other refusals', async () => {
    const refuse = (err: ApiError) => setup({ bookStoreVisit: vi.fn().mockRejectedValue(err) }).book(visit);
    const full = new ApiError(409, 'conflict', 'That time was just booked by someone else: pick another.', null, {
      field: 'start',
      full: true,
    });
    expect(await refuse(full)).toMatchObject({ taken: true });
    const resolved = new ApiError(409, 'conflict', 'This conversation is resolved; write to us again to reopen it.');
    expect(await refuse(resolved)).toEqual({
      taken: false,
      message: 'This conversation is resolved; write to us again to reopen it.',
    });
    expect(await refuse(new ApiError(400, 'invalid', 'body.contact: contact must be an email or a phone number'))).toEqual({
      taken: false,
      message: 'Contact must be an email or a phone number',
    });
  });
});
