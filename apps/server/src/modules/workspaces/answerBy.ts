import { type Holiday, isWithinOpeningHours, localTime, type OpeningHours } from './openingHours.ts';

const STEP_MS = 5 * 60_000;
/** Hours that never open within this long make no promise about them: the target runs on the plain clock. */
const HORIZON_MS = 14 * 86_400_000;

/**
 * When a target of `seconds` is due if its clock runs only while the team is open: an email at 17:55 with a four-hour
 * target, to a team open 09:00–18:00, is due at 12:55 the next open day. Counted in five-minute steps.
 */
export function answerBy(
  from: Date,
  seconds: number,
  hours: { openingHours: OpeningHours; timezone: string; holidays?: readonly Holiday[] },
): Date {
  let left = seconds * 1000;
  // From the start of the step under way: the minute the email came counts as open if the step is.
  let t = Math.floor(from.getTime() / STEP_MS) * STEP_MS;
  const end = from.getTime() + HORIZON_MS;
  while (t < end) {
    const stepEnd = t + STEP_MS;
    if (isWithinOpeningHours(new Date(t), new Date(stepEnd), hours.openingHours, hours.timezone, hours.holidays)) {
      const counted = stepEnd - Math.max(t, from.getTime());
      if (counted >= left) return new Date(stepEnd - counted + left);
      left -= counted;
    }
    t = stepEnd;
  }
  return new Date(from.getTime() + seconds * 1000);
}

/** "15:00", "tomorrow at 09:30" or "Monday at 09:00", in the team's time zone, as seen from `now`. */
export function dueInWords(due: Date, now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(due);
  const [today, day] = [localTime(now, timeZone).date, localTime(due, timeZone).date];
  if (day === today) return time;
  if (day === localTime(new Date(now.getTime() + 86_400_000), timeZone).date) return `tomorrow at ${time}`;
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long' }).format(due);
  return due.getTime() - now.getTime() < 6 * 86_400_000
    ? `${weekday} at ${time}`
    : `${new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(due)} at ${time}`;
}
