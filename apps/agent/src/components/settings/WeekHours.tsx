import type { WorkspaceSettings } from '@warmline/shared/types';

export const DAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;
type Day = (typeof DAYS)[number][0];
/** A week's opening hours as the workspace, a team and a location keep them; a day left out is closed. */
export type Week = WorkspaceSettings['openingHours'];
const ZONES = Intl.supportedValuesOf('timeZone');

/** A time input's value as the API writes it ("24:00" is the end of the day, which a time input cannot show). */
export const shown = (hhmm: string) => (hhmm === '24:00' ? '23:59' : hhmm);
export const written = (hhmm: string) => (hhmm === '23:59' ? '24:00' : hhmm);

/** The time zone hours are kept in, picked from the browser's list of zones. */
export function TimezoneField({
  value,
  onChange,
  hint,
  testId,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  hint: string;
  testId: string;
  error?: string | null | undefined;
}) {
  return (
    <label className="field">
      <span className="field-label">Time zone</span>
      <input data-testid={testId} list="time-zones" value={value} onChange={(e) => onChange(e.target.value)} />
      <datalist id="time-zones">
        {ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {error ? <span className="field-error">{error}</span> : <span className="field-hint">{hint}</span>}
    </label>
  );
}

/** Each day of the week: open (from, until) or closed. */
export function WeekHours({ week, onChange }: { week: Week; onChange: (week: Week) => void }) {
  const setDay = (day: Day, hours: [string, string] | null) => onChange({ ...week, [day]: hours });
  return (
    <div className="week">
      {DAYS.map(([day, label]) => {
        const hours = week[day] ?? null;
        return (
          <div className="week-day" key={day} data-testid={`hours-${day}`}>
            <label className="week-open">
              <input
                type="checkbox"
                checked={hours !== null}
                onChange={(e) => setDay(day, e.target.checked ? ['09:00', '17:00'] : null)}
              />
              <span>{label}</span>
            </label>
            {hours ? (
              <span className="week-times">
                <input
                  type="time"
                  aria-label={`${label} opens`}
                  value={shown(hours[0])}
                  onChange={(e) => setDay(day, [written(e.target.value), hours[1]])}
                />
                <span aria-hidden="true">–</span>
                <input
                  type="time"
                  aria-label={`${label} closes`}
                  value={shown(hours[1])}
                  onChange={(e) => setDay(day, [hours[0], written(e.target.value)])}
                />
              </span>
            ) : (
              <span className="week-closed">Closed</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
