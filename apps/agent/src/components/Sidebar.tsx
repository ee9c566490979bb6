import type { ReactNode } from 'react';
import { Link, paths } from '../router.tsx';
import { requestNotifications } from '../state/alerts.ts';
import { useLocations } from '../state/locations.ts';
import { signOut } from '../state/session.ts';
import { useStore } from '../state/store.ts';
import { Avatar } from './Avatar.tsx';
import { PhoneLineStatus } from './PhoneLineStatus.tsx';
import { PresenceSwitch } from './PresenceSwitch.tsx';
import { SearchBox } from './SearchBox.tsx';
import { Wordmark } from './Wordmark.tsx';

const CONNECTION_TEXT = { idle: '', connecting: 'Connecting…', open: '', reconnecting: 'Reconnecting… messages will be sent' };

export type SidebarPlace =
  | 'inbox'
  | 'store'
  | 'team'
  | 'supervisor'
  | 'customers'
  | 'organizations'
  | 'savedReplies'
  | 'delight'
  | 'reports'
  | 'settings';

function NavItem({
  to,
  place,
  current,
  children,
}: {
  to: string;
  place: SidebarPlace;
  current: SidebarPlace;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      className={`nav-link${current === place ? ' is-current' : ''}`}
      aria-current={current === place ? 'page' : undefined}
      data-testid={`nav-${place}`}
    >
      {children}
    </Link>
  );
}

/**
 * The left rail: who and where I am, whether I take new customers, and where to go. On a phone it is a menu that
 * slides over the page (`onClose` hides it).
 */
/** `notices`: alerts that arrived while working, kept in the sidebar's free space where they cover nothing. */
export function Sidebar({ current, onClose, notices }: { current: SidebarPlace; onClose: () => void; notices?: ReactNode }) {
  const session = useStore((s) => s.session);
  const waiting = useStore((s) => s.counts.waiting);
  const connection = useStore((s) => s.connection);
  const permission = useStore((s) => s.notificationPermission);
  const openAlerts = useStore((s) => s.alerts.length);
  const { locations } = useLocations();
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
        <button type="button" className="menu-close" aria-label="Close the menu" onClick={onClose}>
          ×
        </button>
      </div>

      <div className="me">
        <Avatar name={agent.displayName} url={agent.avatarUrl} size={36} />
        <div className="me-text">
          <div className="me-name">{agent.displayName}</div>
          <div className="me-role">{agent.role}</div>
        </div>
      </div>
      <PresenceSwitch presence={agent.presence} />
      <PhoneLineStatus />
      <SearchBox />

      <nav className="nav" aria-label="Main">
        <NavItem to={paths.inbox} place="inbox" current={current}>
          Inbox
          {waiting > 0 ? <span className="nav-badge">{waiting}</span> : null}
        </NavItem>
        {locations.length > 0 ? (
          <NavItem to={paths.store()} place="store" current={current}>
            Store
          </NavItem>
        ) : null}
        <NavItem to={paths.customers} place="customers" current={current}>
          Customers
        </NavItem>
        <NavItem to={paths.organizations} place="organizations" current={current}>
          Organizations
        </NavItem>
        {agent.role === 'supervisor' || agent.role === 'admin' ? (
          <NavItem to={paths.supervisor} place="supervisor" current={current}>
            Live queue
            {openAlerts > 0 ? (
              <span className="nav-badge nav-badge-quiet" data-testid="nav-alerts" title="Open alerts">
                {openAlerts}
              </span>
            ) : null}
          </NavItem>
        ) : null}
        <NavItem to={paths.reports()} place="reports" current={current}>
          Reports
        </NavItem>
        <NavItem to={paths.savedReplies} place="savedReplies" current={current}>
          Saved replies
        </NavItem>
        <NavItem to={paths.delight()} place="delight" current={current}>
          Delight wall
        </NavItem>
        <NavItem to={paths.team} place="team" current={current}>
          {agent.role === 'admin' ? 'Team' : 'Profile'}
        </NavItem>
        {agent.role === 'admin' ? (
          <NavItem to={paths.settings()} place="settings" current={current}>
            Settings
          </NavItem>
        ) : null}
      </nav>

      {notices}

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
