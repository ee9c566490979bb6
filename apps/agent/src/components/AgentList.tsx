import type { Agent } from '@warmline/shared';
import { Fragment, useState } from 'react';
import { capacitySummary } from '../state/teamForm.ts';
import { Avatar } from './Avatar.tsx';
import { RoutingEditor } from './RoutingEditor.tsx';

const PRESENCE_LABEL = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } as const;

/** The team; admins also see and edit how each person is routed (capacity, skills, languages). */
export function AgentList({ agents, meId, editable = false }: { agents: readonly Agent[]; meId: string; editable?: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (agents.length === 0) return <p className="hint">Loading the team…</p>;
  const columns = editable ? 5 : 4;
  return (
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
  );
}
