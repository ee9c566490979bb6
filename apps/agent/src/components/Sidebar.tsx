import { Link, paths } from '../router.tsx';
import { requestNotifications } from '../state/alerts.ts';
import { signOut } from '../state/session.ts';
import { useStore } from '../state/store.ts';
import { Avatar } from './Avatar.tsx';
import { PresenceSwitch } from './PresenceSwitch.tsx';
import { Wordmark } from './Wordmark.tsx';

const CONNECTION_TEXT = { idle: '', connecting: 'Connecting…', open: '', reconnecting: 'Reconnecting… messages will be sent' };

export type SidebarPlace = 'inbox' | 'team' | 'supervisor';

/** The left rail: who and where I am, whether I take new customers, and where to go. */
export function Sidebar({ current }: { current: SidebarPlace }) {
  const session = useStore((s) => s.session);
  const waiting = useStore((s) => s.counts.waiting);
  const connection = useStore((s) => s.connection);
  const permission = useStore((s) => s.notificationPermission);
  if (!session) return null;
  const { agent, workspace } = session;
  const connectionText = CONNECTION_TEXT[connection];

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <Wordmark size={20} />
        <div className="workspace-name" title={workspace.name}>
          {workspace.name}
        </div>
      </div>

      <div className="me">
        <Avatar name={agent.displayName} url={agent.avatarUrl} size={36} />
        <div className="me-text">
          <div className="me-name">{agent.displayName}</div>
          <div className="me-role">{agent.role}</div>
        </div>
      </div>
      <PresenceSwitch presence={agent.presence} />

      <nav className="nav" aria-label="Main">
        <Link
          to={paths.inbox}
          className={`nav-link${current === 'inbox' ? ' is-current' : ''}`}
          aria-current={current === 'inbox' ? 'page' : undefined}
        >
          Inbox
          {waiting > 0 ? <span className="nav-badge">{waiting}</span> : null}
        </Link>
        {agent.role === 'supervisor' || agent.role === 'admin' ? (
          <Link
            to={paths.supervisor}
            className={`nav-link${current === 'supervisor' ? ' is-current' : ''}`}
            aria-current={current === 'supervisor' ? 'page' : undefined}
            data-testid="nav-supervisor"
          >
            Live queue
          </Link>
        ) : null}
        <Link
          to={paths.team}
          className={`nav-link${current === 'team' ? ' is-current' : ''}`}
          aria-current={current === 'team' ? 'page' : undefined}
        >
          {agent.role === 'admin' ? 'Team' : 'Profile'}
        </Link>
      </nav>

      <div className="sidebar-foot">
        {connectionText ? (
          <p className="connection" role="status">
            {connectionText}
          </p>
        ) : null}
        {permission === 'default' ? (
          <button
            type="button"
            className="btn btn-quiet btn-small"
            data-testid="notifications-button"
            onClick={() => requestNotifications()}
          >
            Turn on desktop notifications
          </button>
        ) : null}
        {permission === 'denied' ? <p className="hint">Desktop notifications are blocked in this browser.</p> : null}
        <button type="button" className="btn btn-quiet btn-small" data-testid="sign-out-button" onClick={() => signOut()}>
          Sign out
        </button>
      </div>
    </aside>
  );
}
