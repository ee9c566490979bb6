import { callbackWindows, isWithinOpeningHours } from '../workspaces/index.ts';
import type { LocationRecord } from './repository/locations.ts';

/** Open for walk-ins at `now`: inside the location's hours, holidays included. */
export function isOpenNow(location: LocationRecord, now: Date): boolean {
  return isWithinOpeningHours(now, new Date(now.getTime() + 60_000), location.openingHours, location.timezone, location.holidays);
}

/** When the location next opens, when it is closed now (to the half hour); null when open, or closed for the week ahead. */
export function nextOpening(location: LocationRecord, now: Date): Date | null {
  if (isOpenNow(location, now)) return null;
  const [first] = callbackWindows(now, location.openingHours, location.timezone, 1, 0, location.holidays);
  return first?.start ?? null;
}
