import type { Agent } from '@warmline/shared';
import { Fragment, useState } from 'react';
import { removeAgent } from '../state/teamActions.ts';
import { capacitySummary, removalWarning } from '../state/teamForm.ts';
import { Avatar } from './Avatar.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { RoutingEditor } from './RoutingEditor.tsx';

const PRESENCE_LABEL = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } as const;

/**
 * The team; admins also see and edit how each person is routed (capacity, skills, languages), and remove
 * someone who left.
 */
export function AgentList({ agents, meId, editable = false }: { agents: readonly Agent[]; meId: string; editable?: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Agent | null>(null);
  if (agents.length === 0) return <p className="hint">Loading the team…</p>;
  const columns = editable ? 5 : 4;
  return (
    <>
      <table className="agents" data-testid="agent-list">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Open
            </th>
            {editable ? (
              <th scope="col" className="edit-col">
                <span className="visually-hidden">Routing</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <Fragment key={agent.id}>
              <tr data-testid="agent-row" data-agent-id={agent.id} className={editing === agent.id ? 'is-editing' : undefined}>
                <td>
                  <span className="agent-cell">
                    <Avatar name={agent.displayName} url={agent.avatarUrl} size={32} />
                    <span>
                      <span className="agent-name">
                        {agent.displayName}
                        {agent.id === meId ? <span className="you"> (you)</span> : null}
                      </span>
                      <span className="agent-email">{agent.email}</span>
                      {editable ? (
                        <span className="routing-summary" data-testid="routing-summary">
                          {capacitySummary(agent.capacity)}
                          {agent.languages.length || agent.skills.length
                            ? ` · ${[...agent.languages, ...agent.skills].join(', ')}`
                            : ''}
                        </span>
                      ) : null}
                    </span>
                  </span>
                </td>
                <td className="cap">{agent.role}</td>
                <td>
                  <span className="presence-tag">
                    <span className={`presence-dot presence-${agent.presence}`} aria-hidden="true" />
                    {PRESENCE_LABEL[agent.presence]}
                  </span>
                </td>
                <td className="num">{agent.openConversations}</td>
                {editable ? (
                  <td className="edit-col">
                    {editing === agent.id ? null : (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small"
                        data-testid="routing-edit"
                        aria-label={`Edit routing for ${agent.displayName}`}
                        title="Capacity, skills and languages"
                        onClick={() => setEditing(agent.id)}
                      >
                        Routing
                      </button>
                    )}
                    {editing === agent.id || agent.id === meId ? null : (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small remove-agent"
                        data-testid="agent-remove"
                        aria-label={`Remove ${agent.displayName}`}
                        title="Someone who left: they can no longer sign in"
                        onClick={() => setRemoving(agent)}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
              {editing === agent.id ? (
                <tr className="routing-row">
                  <td colSpan={columns}>
                    <RoutingEditor agent={agent} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.displayName}?`}
          confirmLabel="Remove"
          busyLabel="Removing…"
          danger
          testId="remove-agent-dialog"
          onConfirm={() => removeAgent(removing.id)}
          onClose={() => setRemoving(null)}
        >
          <p>{removalWarning(removing)}</p>
          <p className="hint">Their email can be invited again later.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
