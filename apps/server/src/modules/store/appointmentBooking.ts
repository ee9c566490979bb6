import type { Sql } from '../../core/db/client.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { agents } from '../teams/index.ts';
import { isWithinOpeningHours } from '../workspaces/index.ts';
import { appointments, SLOT_MINUTES, slotsBetween } from './repository/appointments.ts';
import { type LocationRecord, locations, type ServiceRecord } from './repository/locations.ts';

/** A booking must leave the store this long to get ready. */
export const BOOKING_LEAD_MINUTES = 30;
/** How far ahead people may book. */
export const BOOKING_HORIZON_DAYS = 60;

export interface OpenSlot {
  start: Date;
  end: Date;
  /** The staff free for the whole of it, least booked that day first. */
  agentIds: string[];
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The times a service can be booked on `day` (YYYY-MM-DD, the location's calendar) and who is free for each: on the
 * 15-minute grid, inside the opening hours for the whole service, from `BOOKING_LEAD_MINUTES` after now, with a
 * member of the location's staff none of whose slots is held.
 */
export async function openSlots(
  tx: Sql,
  location: LocationRecord,
  service: ServiceRecord,
  day: string,
  now: Date,
): Promise<OpenSlot[]> {
  const staff = (await locations.staffIds(tx, [location.id])).map((s) => s.agentId);
  // Every instant whose local day is `day` lies within 14 hours either side of that day in UTC.
  const scanFrom = Date.parse(`${day}T00:00:00Z`) - 14 * 3_600_000;
  const scanTo = scanFrom + 52 * 3_600_000;
  const earliest = now.getTime() + BOOKING_LEAD_MINUTES * 60_000;
  const latest = now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000;
  if (staff.length === 0 || scanTo < earliest || scanFrom > latest) return [];
  const taken = new Set(
    (await appointments.takenSlots(tx, staff, new Date(scanFrom), new Date(scanTo + 4 * 3_600_000))).map(
      (s) => `${s.agentId}|${s.slotStart.getTime()}`,
    ),
  );
  const counts = await appointments.countsFor(tx, staff, new Date(scanFrom), new Date(scanTo));
  const byLoad = [...staff].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  const step = SLOT_MINUTES * 60_000;
  const open: OpenSlot[] = [];
  for (let t = Math.ceil(scanFrom / step) * step; t < scanTo; t += step) {
    const start = new Date(t);
    const end = new Date(t + service.typicalMinutes * 60_000);
    if (t < earliest || t > latest || localDay(start, location.timezone) !== day) continue;
    if (!isWithinOpeningHours(start, end, location.openingHours, location.timezone, location.holidays)) continue;
    const slots = slotsBetween(start, end);
    const free = byLoad.filter((agentId) => slots.every((s) => !taken.has(`${agentId}|${s.getTime()}`)));
    if (free.length) open.push({ start, end, agentIds: free });
  }
  return open;
}

/**
 * Who takes an appointment at `start`: the person asked for, when they are free then; for "anyone", the free person
 * least booked that day. A time that is not offered is refused with what is wrong with it.
 */
export async function personFor(
  tx: Sql,
  location: LocationRecord,
  service: ServiceRecord,
  input: { start: string; agentId: string | null | undefined },
  now: Date,
): Promise<{ start: Date; end: Date; agentId: string }> {
  const start = new Date(input.start);
  if (Number.isNaN(start.getTime())) throw new Invalid('start must be an ISO date-time', { field: 'start' });
  if (start.getTime() < now.getTime() + BOOKING_LEAD_MINUTES * 60_000) {
    throw new Invalid(`start: that time has passed or is too soon — book at least ${BOOKING_LEAD_MINUTES} minutes ahead`, {
      field: 'start',
    });
  }
  if (start.getTime() % (SLOT_MINUTES * 60_000) !== 0) {
    throw new Invalid(`start: times are on the quarter hour (10:00, 10:15 …)`, { field: 'start' });
  }
  if (input.agentId) {
    const person = await agents.byId(tx, location.workspaceId, input.agentId);
    if (!person || !(await locations.isStaff(tx, location.id, person.id))) throw new NotFound('Person at this location');
  }
  const day = await openSlots(tx, location, service, localDay(start, location.timezone), now);
  const slot = day.find((s) => s.start.getTime() === start.getTime());
  if (!slot) {
    const end = new Date(start.getTime() + service.typicalMinutes * 60_000);
    const inHours = isWithinOpeningHours(start, end, location.openingHours, location.timezone, location.holidays);
    throw inHours
      ? new Conflict('That time is fully booked: pick another.', { field: 'start', full: true })
      : new Invalid('start: that time is outside the opening hours', { field: 'start' });
  }
  const agentId = input.agentId ?? slot.agentIds[0]!;
  if (!slot.agentIds.includes(agentId)) {
    throw new Conflict('That person is booked then: pick another time or anyone.', { field: 'start', full: true });
  }
  return { start: slot.start, end: slot.end, agentId };
}

/** Holds the person's slots for the appointment, or refuses: someone booked the same time a moment before. */
export async function holdTime(tx: Sql, appointmentId: string, when: { start: Date; end: Date; agentId: string }) {
  if (!(await appointments.holdSlots(tx, appointmentId, when.agentId, slotsBetween(when.start, when.end)))) {
    throw new Conflict('That time was just booked by someone else: pick another.', { field: 'start', full: true });
  }
}
