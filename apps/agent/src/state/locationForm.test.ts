import { describe, expect, it } from 'vitest';
import { location, publicAgent } from '../testing/fixtures.ts';
import {
  addService,
  kioskLinks,
  locationDraft,
  locationErrorField,
  locationInput,
  newLocationDraft,
  slugFrom,
} from './locationForm.ts';

describe('the location form', () => {
  it('starts a new location in the workspace’s time zone and hours, with one service to name', () => {
    const draft = newLocationDraft({ timezone: 'Africa/Nairobi', openingHours: { mon: ['08:00', '18:00'] } });
    expect(draft.timezone).toBe('Africa/Nairobi');
    expect(draft.openingHours).toEqual({ mon: ['08:00', '18:00'] });
    expect(draft.services).toHaveLength(1);
    expect(addService(draft).services).toHaveLength(2);
  });

  it('sends what the admin wrote, minutes as numbers and staff as ids', () => {
    const draft = locationDraft(location('westlands', { staff: [publicAgent('a1', 'Amina')] }));
    expect(locationInput({ ...draft, slug: ' westlands ' })).toEqual({
      name: 'Store westlands',
      slug: 'westlands',
      address: '',
      timezone: 'Africa/Nairobi',
      openingHours: { mon: ['09:00', '17:00'] },
      holidays: [],
      services: [{ name: 'Returns', typicalMinutes: 10 }],
      staffIds: ['a1'],
    });
  });

  it('suggests a slug from the name', () => {
    expect(slugFrom('Westlands Mall')).toBe('westlands-mall');
    expect(slugFrom('  Café – Ngong Rd! ')).toBe('cafe-ngong-rd');
    expect(slugFrom('')).toBe('');
  });

  it('shows the kiosk and QR-code addresses once there is a slug', () => {
    expect(kioskLinks('https://help.example', 'westlands')).toEqual({
      kiosk: 'https://help.example/kiosk/westlands',
      phone: 'https://help.example/kiosk/westlands?via=phone',
    });
    expect(kioskLinks('https://help.example', '')).toBeNull();
  });

  it('puts the server’s message beside the field it is about', () => {
    const invalid = {
      message: 'typicalMinutes must be at least 1',
      details: { issues: [{ path: 'body.services.0.typicalMinutes', message: 'typicalMinutes must be at least 1' }] },
    };
    expect(locationErrorField(invalid)).toEqual({ field: 'services', message: 'Service 1: typical minutes must be at least 1' });
    expect(locationErrorField({ message: 'slug: "x" is taken', details: { field: 'slug' } }).field).toBe('slug');
    expect(locationErrorField({ message: 'x', details: { issues: [{ path: 'body.staffIds.0' }] } }).field).toBe('staff');
    expect(locationErrorField({ message: 'Only an admin sets up locations.' })).toEqual({
      field: 'form',
      message: 'Only an admin sets up locations.',
    });
  });
});
