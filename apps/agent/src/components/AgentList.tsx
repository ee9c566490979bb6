import type { Agent } from '@warmline/shared';
import { Avatar } from './Avatar.tsx';

const PRESENCE_LABEL = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } as const;

export function AgentList({ agents, meId }: { agents: readonly Agent[]; meId: string }) {
  if (agents.length === 0) return <p className="hint">Loading the team…</p>;
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
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.id} data-testid="agent-row" data-agent-id={agent.id}>
            <td>
              <span className="agent-cell">
                <Avatar name={agent.displayName} url={agent.avatarUrl} size={32} />
                <span>
                  <span className="agent-name">
                    {agent.displayName}
                    {agent.id === meId ? <span className="you"> (you)</span> : null}
                  </span>
                  <span className="agent-email">{agent.email}</span>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
