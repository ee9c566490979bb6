import type { Agent, Team } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import { humanSeconds } from '../state/supervisor.ts';
import { createTeam, setTeamMembers, updateTeam } from '../state/teamActions.ts';
import { type TeamFields, teamFields, teamInput } from '../state/teamForm.ts';
import { Avatar } from './Avatar.tsx';
import { FormFooter } from './FormFooter.tsx';

function TeamFieldsInputs({ fields, onChange }: { fields: TeamFields; onChange: (fields: TeamFields) => void }) {
  const set = (key: keyof TeamFields) => (e: { target: { value: string } }) => onChange({ ...fields, [key]: e.target.value });
  return (
    <>
      <label className="field team-field-name">
        <span className="field-label">Name</span>
        <input
          data-testid="team-name"
          required
          maxLength={80}
          value={fields.name}
          onChange={set('name')}
          placeholder="Deliveries"
        />
      </label>
      <div className="team-numbers">
        <label className="field">
          <span className="field-label">Time-to-human target (minutes)</span>
          <input
            type="number"
            min={0.5}
            step={0.5}
            data-testid="team-target"
            value={fields.targetMinutes}
            onChange={set('targetMinutes')}
          />
        </label>
        <label className="field">
          <span className="field-label">Offer callback above (minutes)</span>
          <input
            type="number"
            min={0}
            step={0.5}
            data-testid="team-offer"
            value={fields.offerMinutes}
            onChange={set('offerMinutes')}
          />
        </label>
        <label className="field">
          <span className="field-label">Continuity grace (minutes)</span>
          <input
            type="number"
            min={0}
            max={60}
            step={1}
            data-testid="team-grace"
            value={fields.graceMinutes}
            onChange={set('graceMinutes')}
          />
        </label>
      </div>
    </>
  );
}

function TeamEditor({ team, agents, onDone }: { team: Team; agents: readonly Agent[]; onDone: () => void }) {
  const [fields, setFields] = useState(() => teamFields(team));
  const [members, setMembers] = useState(() => new Set(team.memberIds));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string) => {
    const next = new Set(members);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setMembers(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await updateTeam(team.id, teamInput(fields));
      const ids = agents.filter((a) => members.has(a.id)).map((a) => a.id);
      const changed = ids.length !== team.memberIds.length || ids.some((id) => !team.memberIds.includes(id));
      if (changed) await setTeamMembers(team.id, ids);
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="team-editor" onSubmit={submit} data-testid="team-editor">
      <TeamFieldsInputs fields={fields} onChange={setFields} />
      <fieldset className="members">
        <legend className="field-label">Members</legend>
        <div className="member-grid">
          {agents.map((a) => (
            <label key={a.id} className={`member${members.has(a.id) ? ' is-member' : ''}`}>
              <input
                type="checkbox"
                data-testid="team-member"
                value={a.id}
                checked={members.has(a.id)}
                onChange={() => toggle(a.id)}
              />
              <Avatar name={a.displayName} url={a.avatarUrl} size={22} />
              <span className="member-name">{a.displayName}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormFooter
        small
        className="team-editor-actions"
        errorTestId="team-error"
        error={error}
        busy={busy}
        canSubmit={Boolean(fields.name.trim())}
        onCancel={onDone}
        submit={{ label: 'Save team', busyLabel: 'Saving…', testId: 'team-save' }}
      />
    </form>
  );
}

/** Admins: teams with their time-to-human targets and members, and a form to add one. */
export function TeamsCard({ teams, agents }: { teams: readonly Team[]; agents: readonly Agent[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [fields, setFields] = useState(() => teamFields());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createTeam(teamInput(fields));
      setFields(teamFields());
      setCreating(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="teams-title" data-testid="teams-card">
      <div className="card-head">
        <h2 className="card-title" id="teams-title">
          Teams
        </h2>
        {creating ? null : (
          <button type="button" className="btn btn-small" data-testid="team-new" onClick={() => setCreating(true)}>
            New team
          </button>
        )}
      </div>
      {teams.length === 0 && !creating ? (
        <p className="hint">No teams yet: every customer can reach anyone. Add teams to route by topic.</p>
      ) : null}
      <ul className="team-list">
        {teams.map((team) => {
          const people = agents.filter((a) => team.memberIds.includes(a.id));
          return (
            <li key={team.id} className="team-item" data-testid="team-row" data-team-id={team.id}>
              {editing === team.id ? (
                <TeamEditor team={team} agents={agents} onDone={() => setEditing(null)} />
              ) : (
                <div className="team-summary">
                  <div className="team-summary-main">
                    <span className="agent-name">{team.name}</span>
                    <span className="team-facts">
                      Target {humanSeconds(team.targetSeconds)} · callback offered above{' '}
                      {humanSeconds(team.offerChoicesAfterSeconds)} · grace {humanSeconds(team.continuityGraceSeconds)}
                    </span>
                  </div>
                  <span className="team-faces" title={people.map((p) => p.displayName).join(', ')}>
                    {people.slice(0, 5).map((p) => (
                      <Avatar key={p.id} name={p.displayName} url={p.avatarUrl} size={24} />
                    ))}
                    {people.length > 5 ? <span className="more">+{people.length - 5}</span> : null}
                    {people.length === 0 ? <span className="hint">No members</span> : null}
                  </span>
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    data-testid="team-edit"
                    aria-label={`Edit ${team.name}`}
                    onClick={() => setEditing(team.id)}
                  >
                    Edit
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {creating ? (
        <form className="team-editor team-create" onSubmit={create} data-testid="team-form">
          <TeamFieldsInputs fields={fields} onChange={setFields} />
          <FormFooter
            small
            className="team-editor-actions"
            errorTestId="team-error"
            error={error}
            busy={busy}
            canSubmit={Boolean(fields.name.trim())}
            onCancel={() => setCreating(false)}
            submit={{ label: 'Create team', busyLabel: 'Creating…', testId: 'team-submit' }}
          />
        </form>
      ) : null}
    </section>
  );
}
