import { isWaitingForPerson } from '@warmline/shared';
import { Suspense, useEffect, useMemo } from 'react';
import { AlertNotices } from './components/AlertNotices.tsx';
import { CallCard } from './components/CallCard.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { IdleAwayNote } from './components/IdleAwayNote.tsx';
import { PhoneBar } from './components/PhoneBar.tsx';
import { Sidebar, type SidebarPlace } from './components/Sidebar.tsx';
import { Wordmark } from './components/Wordmark.tsx';
import { useMediaQuery } from './hooks/useMediaQuery.ts';
import { PHONE_WIDTH, usePhoneMenu } from './hooks/usePhoneMenu.ts';
import {
  CustomerPage,
  CustomersPage,
  DelightPage,
  InvitePage,
  OrganizationPage,
  OrganizationsPage,
  ReportConversationsPage,
  ReportFigurePage,
  ReportsPage,
  SavedRepliesPage,
  SettingsPage,
  StorePage,
  SupervisorPage,
  TeamPage,
} from './lazyPages.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { Link, navigate, parseRoute, paths, type Route, usePathname } from './router.tsx';
import { useStore } from './state/store.ts';
import { tabTitle } from './state/title.ts';

/** Keeps "(N) Warmline" in the tab: waiting customers plus conversations with unread messages. */
function useTabTitle(): void {
  const waiting = useStore((s) => s.counts.waiting);
  const unread = useStore((s) => s.unread);
  const conversations = useStore((s) => s.conversations);
  const signedIn = useStore((s) => s.session !== null);
  const waitingIds = useMemo(
    () =>
      new Set(
        Object.values(conversations)
          .filter(isWaitingForPerson)
          .map((c) => c.id),
      ),
    [conversations],
  );
  useEffect(() => {
    document.title = signedIn ? tabTitle(waiting, Object.keys(unread), waitingIds) : 'Warmline';
  }, [signedIn, waiting, unread, waitingIds]);
}

function Splash() {
  return (
    <main className="splash" aria-busy="true">
      <Wordmark size={28} />
      <p>Connecting to Warmline…</p>
    </main>
  );
}

/** Which sidebar link a page sits under. */
function placeOf(route: Route): SidebarPlace {
  if (
    route.name === 'team' ||
    route.name === 'supervisor' ||
    route.name === 'customers' ||
    route.name === 'organizations' ||
    route.name === 'savedReplies'
  ) {
    return route.name;
  }
  if (route.name === 'customer') return 'customers';
  if (route.name === 'organization') return 'organizations';
  if (route.name === 'settings') return 'settings';
  if (route.name === 'store') return 'store';
  if (route.name === 'delight') return 'delight';
  if (route.name === 'reports' || route.name === 'report' || route.name === 'reportConversations') return 'reports';
  return 'inbox';
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const session = useStore((s) => s.session);
  const checked = useStore((s) => s.sessionChecked);
  // On a phone the sidebar is a menu over the page.
  const menu = usePhoneMenu(pathname);
  const phone = useMediaQuery(PHONE_WIDTH);
  useTabTitle();

  if (route.name === 'invite') {
    return (
      <Suspense fallback={<Splash />}>
        <InvitePage token={route.token} />
      </Suspense>
    );
  }
  if (!checked) return <Splash />;
  if (route.name === 'signIn') return session ? <Redirect to={paths.inbox} /> : <SignInPage />;
  if (!session) return <Redirect to={paths.signIn} />;

  const place = placeOf(route);
  // Alert notices are never drawn over the page: in the sidebar's free space, or on a phone above the page.
  const notices = <AlertNotices onLiveQueue={route.name === 'supervisor'} />;
  return (
    <div className={`shell${menu.open ? ' menu-open' : ''}`}>
      <PhoneBar menuOpen={menu.open} onMenu={menu.show} />
      <Sidebar current={place} onClose={menu.hide} notices={phone ? null : notices} />
      {menu.open ? <button type="button" className="menu-scrim" aria-label="Close the menu" onClick={menu.hide} /> : null}
      <main className="main">
        {phone ? notices : null}
        <IdleAwayNote />
        <Suspense fallback={<p className="page-loading">Opening…</p>}>
          {route.name === 'team' ? <TeamPage /> : null}
          {route.name === 'supervisor' ? <SupervisorPage /> : null}
          {route.name === 'inbox' ? <InboxPage conversationId={null} /> : null}
          {route.name === 'conversation' ? <InboxPage conversationId={route.id} /> : null}
          {route.name === 'customers' ? <CustomersPage /> : null}
          {route.name === 'customer' ? <CustomerPage id={route.id} /> : null}
          {route.name === 'organizations' ? <OrganizationsPage /> : null}
          {route.name === 'organization' ? <OrganizationPage id={route.id} /> : null}
          {route.name === 'savedReplies' ? <SavedRepliesPage /> : null}
          {route.name === 'delight' ? <DelightPage teamId={route.teamId} /> : null}
          {route.name === 'settings' ? <SettingsPage section={route.section} /> : null}
          {route.name === 'store' ? <StorePage locationId={route.locationId} /> : null}
          {route.name === 'reports' ? <ReportsPage /> : null}
          {route.name === 'report' ? <ReportFigurePage key={route.figure} figure={route.figure} /> : null}
          {route.name === 'reportConversations' ? <ReportConversationsPage figure={route.figure} /> : null}
          {route.name === 'notFound' ? (
            <EmptyState title="Nothing lives here">
              <Link to={paths.inbox}>Back to the inbox</Link>
            </EmptyState>
          ) : null}
        </Suspense>
      </main>
      <CallCard />
    </div>
  );
}
