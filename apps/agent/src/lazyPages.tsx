import { type ComponentType, lazy } from 'react';

/**
 * Pages an agent opens now and then, each its own chunk fetched on first visit, so the app's first load carries only
 * the inbox and a conversation (issue budget: under 200 KB of JavaScript gzipped).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const TeamPage = page(async () => (await import('./pages/TeamPage.tsx')).TeamPage);
export const SupervisorPage = page(async () => (await import('./pages/SupervisorPage.tsx')).SupervisorPage);
export const CustomersPage = page(async () => (await import('./pages/CustomersPage.tsx')).CustomersPage);
export const CustomerPage = page(async () => (await import('./pages/CustomerPage.tsx')).CustomerPage);
export const OrganizationsPage = page(async () => (await import('./pages/OrganizationsPage.tsx')).OrganizationsPage);
export const OrganizationPage = page(async () => (await import('./pages/OrganizationPage.tsx')).OrganizationPage);
export const InvitePage = page(async () => (await import('./pages/InvitePage.tsx')).InvitePage);
export const SavedRepliesPage = page(async () => (await import('./pages/SavedRepliesPage.tsx')).SavedRepliesPage);
export const SettingsPage = page(async () => (await import('./pages/SettingsPage.tsx')).SettingsPage);
export const StorePage = page(async () => (await import('./pages/StorePage.tsx')).StorePage);
export const DelightPage = page(async () => (await import('./pages/DelightPage.tsx')).DelightPage);
export const ReportsPage = page(async () => (await import('./pages/ReportsPage.tsx')).ReportsPage);
export const ReportFigurePage = page(async () => (await import('./pages/ReportFigurePage.tsx')).ReportFigurePage);
export const ReportConversationsPage = page(
  async () => (await import('./pages/ReportConversationsPage.tsx')).ReportConversationsPage,
);
