import type { Holiday, Team, WorkspaceSettings } from '@warmline/shared/types';
import { type FormEvent, useEffect, useState } from 'react';
import { saveWorkspace } from '../../state/settingsActions.ts';
import { loadTeams, updateTeam, useTeams } from '../../state/teamActions.ts';
import { SaveRow, useSaving } from './SaveRow.tsx';
import { shown, TimezoneField, type Week, WeekHours, written } from './WeekHours.tsx';

/** A special day on the form, with a key of its own while its date is still being typed. */
type HolidayRow = Holiday & { key: number };
let nextKey = 0;
const rowsOf = (holidays: readonly Holiday[]): HolidayRow[] => holidays.map((h) => ({ ...h, key: nextKey++ }));

/** Hours as the workspace and a team keep them. */
interface Hours {
  timezone: string;
  openingHours: WorkspaceSettings['openingHours'];
  holidays: readonly Holiday[];
}

/** The workspace's hours, and each team's: its own, or the workspace's. */
export function HoursSettings({ workspace }: { workspace: WorkspaceSettings }) {
  return (
    <div className="settings-main hours-settings">
      <HoursForm
        hours={workspace}
        scope="workspace"
        hint="Teams without hours of their own follow these, in this time zone."
        save={async (hours) => saveWorkspace({ ...hours, holidays: [...hours.holidays] })}
      />
      <TeamsHours workspace={workspace} />
    </div>
  );
}

/** Each team: following the workspace's hours, or keeping its own (a store, an evening shift). */
function TeamsHours({ workspace }: { workspace: WorkspaceSettings }) {
  const teams = useTeams();
  useEffect(() => {
    loadTeams().catch(() => {});
  }, []);
  if (teams.length === 0) return null;
  return (
    <section className="card team-hours" aria-labelledby="team-hours-title">
      <h2 className="card-title" id="team-hours-title">
        Teams
      </h2>
      <p className="hint">A team with hours of its own (a store, an evening shift) offers callbacks inside them.</p>
      {teams.map((team) => (
        <TeamHoursRow key={team.id} team={team} workspace={workspace} />
      ))}
    </section>
  );
}

function TeamHoursRow({ team, workspace }: { team: Team; workspace: WorkspaceSettings }) {
  const [editing, setEditing] = useState(false);
  const saving = useSaving();
  const own = team.hours ?? null;
  return (
    <div className="team-hours-row" data-testid="team-hours" data-team={team.name}>
      <div className="team-hours-head">
        <div>
          <strong>{team.name}</strong>
          <p className="hint">{own ? `Its own hours, in ${own.timezone}` : 'Follows the workspace’s hours'}</p>
        </div>
        <div className="team-hours-actions">
          {editing ? null : (
            <button type="button" className="btn btn-small" data-testid="team-hours-edit" onClick={() => setEditing(true)}>
              {own ? 'Change its hours' : 'Give it hours of its own'}
            </button>
          )}
          {own ? (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              data-testid="team-hours-follow"
              disabled={saving.busy}
              onClick={() =>
                void saving.run(async () => {
                  await updateTeam(team.id, { hours: null });
                  setEditing(false);
                })
              }
            >
              Follow the workspace’s hours
            </button>
          ) : null}
        </div>
      </div>
      {saving.status && !saving.status.ok ? (
        <p className="form-error" role="alert">
          {saving.status.text}
        </p>
      ) : null}
      {editing ? (
        <HoursForm
          hours={own ?? workspace}
          scope={team.name}
          hint={`${team.name} keeps these hours, in this time zone.`}
          save={async (hours) => {
            await updateTeam(team.id, { hours: { ...hours, holidays: [...hours.holidays] } });
            setEditing(false);
            return hours;
          }}
        />
      ) : null}
    </div>
  );
}

/** The time zone, the week's opening hours and the days they do not hold, for the workspace or one team. */
function HoursForm({
  hours,
  scope,
  hint,
  save,
}: {
  hours: Hours;
  scope: string;
  hint: string;
  save: (hours: Hours) => Promise<Hours>;
}) {
  const [timezone, setTimezone] = useState(hours.timezone);
  const [week, setWeek] = useState<Week>(hours.openingHours);
  const [holidays, setHolidays] = useState<HolidayRow[]>(() => rowsOf(hours.holidays));
  const saving = useSaving();
  const setHoliday = (key: number, change: Partial<Holiday>) =>
    setHolidays((list) => list.map((h) => (h.key === key ? { ...h, ...change } : h)));
  const ids = scope === 'workspace' ? '' : `-${scope.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      const saved = await save({
        timezone,
        openingHours: week,
        holidays: holidays.map(({ date, name, hours }) => ({ date, name, hours })),
      });
      setHolidays(rowsOf(saved.holidays));
    });
  };

  return (
    <form className="settings-grid" onSubmit={submit} data-testid={`hours-form${ids}`}>
      <section className="card form" aria-labelledby={`week-title${ids}`}>
        <h2 className="card-title" id={`week-title${ids}`}>
          Opening hours
        </h2>
        <TimezoneField value={timezone} onChange={setTimezone} hint={hint} testId={`hours-timezone${ids}`} />
        <WeekHours week={week} onChange={setWeek} />
        <SaveRow busy={saving.busy} status={saving.status} testId={`hours-save${ids}`} label="Save hours and special days" />
      </section>

      <section className="card form" aria-labelledby={`holidays-title${ids}`}>
        <h2 className="card-title" id={`holidays-title${ids}`}>
          Holidays and special days
        </h2>
        {holidays.length === 0 ? <p className="hint">No special days. Add one for a holiday or a short day.</p> : null}
        {holidays.map((h) => (
          <div className="holiday" key={h.key} data-testid="holiday">
            <input type="date" aria-label="Date" value={h.date} onChange={(e) => setHoliday(h.key, { date: e.target.value })} />
            <input
              aria-label="Name"
              placeholder="Christmas Day"
              value={h.name}
              onChange={(e) => setHoliday(h.key, { name: e.target.value })}
            />
            <select
              aria-label="Hours that day"
              value={h.hours ? 'open' : 'closed'}
              onChange={(e) => setHoliday(h.key, { hours: e.target.value === 'open' ? ['10:00', '14:00'] : null })}
            >
              <option value="closed">Closed</option>
              <option value="open">Open</option>
            </select>
            {h.hours ? (
              <span className="week-times">
                <input
                  type="time"
                  aria-label="Opens"
                  value={shown(h.hours[0])}
                  onChange={(e) => setHoliday(h.key, { hours: [written(e.target.value), h.hours![1]] })}
                />
                <span aria-hidden="true">–</span>
                <input
                  type="time"
                  aria-label="Closes"
                  value={shown(h.hours[1])}
                  onChange={(e) => setHoliday(h.key, { hours: [h.hours![0], written(e.target.value)] })}
                />
              </span>
            ) : null}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${h.name || 'this day'}`}
              onClick={() => setHolidays((list) => list.filter((x) => x.key !== h.key))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small add-holiday"
          data-testid="holiday-add"
          onClick={() => setHolidays((list) => [...list, { date: '', name: '', hours: null, key: nextKey++ }])}
        >
          Add a day
        </button>
        <p className="hint">Callbacks are never offered on a closed day, and only inside a special day's hours.</p>
      </section>
    </form>
  );
}
