import { ReportFigure } from '@warmline/shared';
import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

/** Where the app is served; every route lives below it. */
export const BASE = '/app';

export type Route =
  | { name: 'signIn' }
  | { name: 'invite'; token: string }
  | { name: 'inbox' }
  | { name: 'conversation'; id: string }
  | { name: 'team' }
  | { name: 'supervisor' }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'organizations' }
  | { name: 'organization'; id: string }
  | { name: 'savedReplies' }
  | { name: 'delight'; teamId: string | null }
  | { name: 'store'; locationId: string | null }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'reports' }
  | { name: 'report'; figure: ReportFigure }
  | { name: 'reportConversations'; figure: ReportFigure }
  | { name: 'notFound' };

/** The admin's settings screens, in the order they are listed. */
export const SETTINGS_SECTIONS = [
  'workspace',
  'website',
  'hours',
  'targets',
  'locations',
  'email',
  'customers',
  'surveys',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
const isSettingsSection = (s: string | undefined): s is SettingsSection => SETTINGS_SECTIONS.includes(s as SettingsSection);

/** Reads a location pathname as a route. */
export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'inbox' };
  if (parts[0] === 'sign-in' && parts.length === 1) return { name: 'signIn' };
  if (parts[0] === 'invite' && parts[1]) return { name: 'invite', token: parts[1] };
  if (parts[0] === 'conversations' && parts[1]) return { name: 'conversation', id: parts[1] };
  if (parts[0] === 'conversations' && parts.length === 1) return { name: 'inbox' };
  if (parts[0] === 'team' && parts.length === 1) return { name: 'team' };
  if (parts[0] === 'supervisor' && parts.length === 1) return { name: 'supervisor' };
  if (parts[0] === 'customers' && parts.length === 1) return { name: 'customers' };
  if (parts[0] === 'customers' && parts[1] && parts.length === 2) return { name: 'customer', id: parts[1] };
  if (parts[0] === 'organizations' && parts.length === 1) return { name: 'organizations' };
  if (parts[0] === 'saved-replies' && parts.length === 1) return { name: 'savedReplies' };
  if (parts[0] === 'delight' && parts.length <= 2) return { name: 'delight', teamId: parts[1] ?? null };
  if (parts[0] === 'organizations' && parts[1] && parts.length === 2) return { name: 'organization', id: parts[1] };
  if (parts[0] === 'store' && parts.length <= 2) return { name: 'store', locationId: parts[1] ?? null };
  if (parts[0] === 'reports') return parseReportRoute(parts);
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings', section: 'workspace' };
  if (parts[0] === 'settings' && parts.length === 2 && isSettingsSection(parts[1]))
    return { name: 'settings', section: parts[1] };
  return { name: 'notFound' };
}

const isReportFigure = (s: string | undefined): s is ReportFigure => ReportFigure.options.includes(s as ReportFigure);

function parseReportRoute(parts: string[]): Route {
  if (parts.length === 1) return { name: 'reports' };
  if (!isReportFigure(parts[1])) return { name: 'notFound' };
  if (parts.length === 2) return { name: 'report', figure: parts[1] };
  if (parts.length === 3 && parts[2] === 'conversations') return { name: 'reportConversations', figure: parts[1] };
  return { name: 'notFound' };
}

export const paths = {
  signIn: `${BASE}/sign-in`,
  inbox: `${BASE}/`,
  team: `${BASE}/team`,
  supervisor: `${BASE}/supervisor`,
  customers: `${BASE}/customers`,
  organizations: `${BASE}/organizations`,
  savedReplies: `${BASE}/saved-replies`,
  delight: (teamId?: string) => `${BASE}/delight${teamId ? `/${encodeURIComponent(teamId)}` : ''}`,
  conversation: (id: string) => `${BASE}/conversations/${encodeURIComponent(id)}`,
  customer: (id: string) => `${BASE}/customers/${encodeURIComponent(id)}`,
  organization: (id: string) => `${BASE}/organizations/${encodeURIComponent(id)}`,
  store: (locationId?: string) => `${BASE}/store${locationId ? `/${encodeURIComponent(locationId)}` : ''}`,
  settings: (section: SettingsSection = 'workspace') => `${BASE}/settings/${section}`,
  reports: (search = '') => `${BASE}/reports${search}`,
  report: (figure: ReportFigure, search = '') => `${BASE}/reports/${figure}${search}`,
  reportConversations: (figure: ReportFigure, search = '') => `${BASE}/reports/${figure}/conversations${search}`,
};

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Moves to a path inside the app without a page load. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** The current query string ("?from=…"), re-rendering on navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => location.search);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

/** An anchor that navigates in-app on a plain click and still opens a new tab on ctrl/cmd-click. */
export function Link({ to, children, onClick: onClickProp, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClickProp?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
