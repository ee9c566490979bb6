import { DEFAULT_CHANNEL_TARGETS, DEFAULT_CHAT_TARGET_SECONDS } from '@warmline/shared/targets';
import type { Team } from '@warmline/shared/types';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, paths } from '../../router.tsx';
import { loadTeams, updateTeam, useTeams } from '../../state/teamActions.ts';
import { minutesToSeconds, secondsToMinutes } from '../../state/teamForm.ts';
import { formatDuration } from '../../state/time.ts';
import { SaveRow, useSaving } from './SaveRow.tsx';

/** What a channel's target is when a team sets none, seconds: the server's defaults. */
const DEFAULTS = {
  chat: DEFAULT_CHAT_TARGET_SECONDS,
  phone: DEFAULT_CHANNEL_TARGETS.phone!,
  email: DEFAULT_CHANNEL_TARGETS.email!,
} as const;
const CHANNELS = [
  ['chat', 'Chat'],
  ['phone', 'Phone'],
  ['email', 'Email'],
] as const;
type Minutes = Record<(typeof CHANNELS)[number][0], string>;

/** Each team's time-to-human target per channel: past it, a waiting customer escalates and their person is told. */
export function TargetSettings() {
  const teams = useTeams();
  useEffect(() => {
    loadTeams().catch(() => {});
  }, []);
  return (
    <div className="settings-main">
      {teams.length === 0 ? (
        <section className="card">
          <h2 className="card-title">No teams yet</h2>
          <p className="hint">
            Every customer is answered against the standard targets: chat {formatDuration(DEFAULTS.chat * 1000)}, phone{' '}
            {formatDuration(DEFAULTS.phone * 1000)}, email {formatDuration(DEFAULTS.email * 1000)}. Add a team on the{' '}
            <Link to={paths.team}>Team</Link> page to give it targets of its own.
          </p>
        </section>
      ) : null}
      {teams.map((team) => (
        <TeamTargets key={team.id} team={team} />
      ))}
    </div>
  );
}

function TeamTargets({ team }: { team: Team }) {
  const [minutes, setMinutes] = useState<Minutes>(() => ({
    chat: secondsToMinutes(team.targetSeconds),
    phone: secondsToMinutes(team.channelTargets.phone ?? DEFAULTS.phone),
    email: secondsToMinutes(team.channelTargets.email ?? DEFAULTS.email),
  }));
  const saving = useSaving();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seconds = Object.fromEntries(CHANNELS.map(([c]) => [c, minutesToSeconds(minutes[c])])) as Record<
      keyof Minutes,
      number | null
    >;
    void saving.run(async () => {
      const missing = CHANNELS.find(([c]) => seconds[c] === null);
      if (missing) throw new Error(`Give the ${missing[1].toLowerCase()} target in minutes, e.g. 2 or 0.5.`);
      await updateTeam(team.id, {
        targetSeconds: seconds.chat!,
        channelTargets: { ...team.channelTargets, phone: seconds.phone!, email: seconds.email! },
      });
    });
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="team-targets" aria-label={`Targets for ${team.name}`}>
      <h2 className="card-title">{team.name}</h2>
      <div className="targets">
        {CHANNELS.map(([channel, label]) => (
          <label className="field" key={channel}>
            <span className="field-label">{label}, minutes</span>
            <input
              inputMode="decimal"
              data-testid={`target-${channel}`}
              value={minutes[channel]}
              onChange={(e) => setMinutes((m) => ({ ...m, [channel]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="hint">
        A customer waiting longer is raised in the queue, shown to supervisors, and the person they wait for gets a desktop
        notification and an email.
      </p>
      <SaveRow busy={saving.busy} status={saving.status} testId="targets-save" />
    </form>
  );
}
