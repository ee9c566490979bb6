import type { Location, LocationInput } from '@warmline/shared/types';
import { errorPlacement } from './recovery.ts';

type Week = LocationInput['openingHours'];

/** A location on the settings form, while it is being written: minutes as typed, staff as a set of ids. */
export interface LocationDraft {
  name: string;
  slug: string;
  address: string;
  timezone: string;
  openingHours: Week;
  holidays: NonNullable<LocationInput['holidays']>;
  services: { key: number; name: string; minutes: string }[];
  staffIds: string[];
}

/** Fields of the form a server message may be shown beside. */
export type LocationField = 'name' | 'slug' | 'address' | 'timezone' | 'openingHours' | 'services' | 'staff' | 'form';

let nextKey = 0;
const serviceRow = (name = '', minutes = '10') => ({ key: nextKey++, name, minutes });

/** A new location: the workspace's time zone and weekday hours, one service to rename. */
export function newLocationDraft(hours: { timezone: string; openingHours: Week }): LocationDraft {
  return {
    name: '',
    slug: '',
    address: '',
    timezone: hours.timezone,
    openingHours: hours.openingHours,
    holidays: [],
    services: [serviceRow()],
    staffIds: [],
  };
}

export function locationDraft(location: Location): LocationDraft {
  return {
    name: location.name,
    slug: location.slug,
    address: location.address,
    timezone: location.timezone,
    openingHours: location.openingHours,
    holidays: location.holidays,
    services: location.services.map((s) => serviceRow(s.name, String(s.typicalMinutes))),
    staffIds: location.staff.map((s) => s.id),
  };
}

export const addService = (draft: LocationDraft): LocationDraft => ({ ...draft, services: [...draft.services, serviceRow()] });

/** The body the API takes; what is wrong with it is for the server to say, beside its field. */
export function locationInput(draft: LocationDraft): LocationInput {
  return {
    name: draft.name,
    slug: draft.slug.trim(),
    address: draft.address,
    timezone: draft.timezone,
    openingHours: draft.openingHours,
    holidays: draft.holidays,
    services: draft.services.map((s) => ({ name: s.name, typicalMinutes: Number(s.minutes) })),
    staffIds: draft.staffIds,
  };
}

/** A slug suggested from the name while the admin has not written one: "Westlands Mall" → "westlands-mall". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Where customers check in: the kiosk in the store, and the page the QR code on the door opens on a phone. */
export function kioskLinks(origin: string, slug: string): { kiosk: string; phone: string } | null {
  if (!slug) return null;
  const kiosk = `${origin}/kiosk/${encodeURIComponent(slug)}`;
  return { kiosk, phone: `${kiosk}?via=phone` };
}

const FIELDS: Record<string, LocationField> = {
  name: 'name',
  slug: 'slug',
  address: 'address',
  timezone: 'timezone',
  openingHours: 'openingHours',
  holidays: 'openingHours',
  services: 'services',
  staffIds: 'staff',
};

/**
 * Which field a refused save belongs beside: the body field a validation issue names (`body.services.0.name` →
 * services), or the field a conflict names (a slug already taken); anything else is said at the foot of the form.
 */
export function locationErrorField(error: { message: string; details?: unknown }): { field: LocationField; message: string } {
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as {
    field?: unknown;
    issues?: { path?: unknown }[];
  };
  const path = Array.isArray(details.issues) && typeof details.issues[0]?.path === 'string' ? details.issues[0].path : null;
  const [name = '', index] = path
    ? path.replace(/^body\./, '').split('.')
    : [typeof details.field === 'string' ? details.field : ''];
  // "typicalMinutes must be at least 1" reads as "Service 2: typical minutes must be at least 1".
  const words = errorPlacement(error).message.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
  const message =
    name === 'services' && index !== undefined && /^\d+$/.test(index)
      ? `Service ${Number(index) + 1}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`
      : words;
  return { field: FIELDS[name] ?? 'form', message: message.charAt(0).toUpperCase() + message.slice(1) };
}
