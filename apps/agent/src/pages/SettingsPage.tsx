import { CustomerDataSettings } from '../components/settings/CustomerDataSettings.tsx';
import { EmailSettings } from '../components/settings/EmailSettings.tsx';
import { HoursSettings } from '../components/settings/HoursSettings.tsx';
import { LocationsSettings } from '../components/settings/LocationsSettings.tsx';
import { SurveySettings } from '../components/settings/SurveySettings.tsx';
import { TargetSettings } from '../components/settings/TargetSettings.tsx';
import { WebsiteSettings } from '../components/settings/WebsiteSettings.tsx';
import { WorkspaceSettingsForm } from '../components/settings/WorkspaceSettingsForm.tsx';
import { Link, paths, SETTINGS_SECTIONS, type SettingsSection } from '../router.tsx';
import { useWorkspaceSettings } from '../state/settingsActions.ts';
import { useStore } from '../state/store.ts';

const TITLES: Record<SettingsSection, { tab: string; subtitle: string }> = {
  workspace: { tab: 'Workspace', subtitle: 'Your name, logo and colours, as customers see them in the chat.' },
  website: { tab: 'Website', subtitle: 'Put the chat on your website, and say which websites may show it.' },
  hours: { tab: 'Hours', subtitle: 'When people are here: callbacks are offered only inside these hours.' },
  targets: { tab: 'Targets', subtitle: 'How soon every customer should reach a named person, per team.' },
  locations: {
    tab: 'Locations',
    subtitle: 'Your stores: where customers check in, when they are open, and who works the counter.',
  },
  email: { tab: 'Email', subtitle: 'The mailboxes Warmline reads, and whether each is working.' },
  customers: { tab: 'Customers', subtitle: 'Bring your customers in from a spreadsheet, or take them all out.' },
  surveys: { tab: 'Surveys', subtitle: 'After a resolution, ask customers how we did: once, on the channel they used.' },
};

/** The admin's settings, one screen per section; anyone else is told it is for admins. */
export function SettingsPage({ section }: { section: SettingsSection }) {
  const role = useStore((s) => s.session?.agent.role);
  const settings = useWorkspaceSettings();
  if (role !== 'admin') {
    return (
      <div className="page">
        <header className="page-header">
          <h1>Settings</h1>
          <p className="page-subtitle">Settings are for admins. Ask an admin of your workspace to change them.</p>
        </header>
      </div>
    );
  }
  const workspace = settings.data;
  return (
    <div className="page settings-page" data-testid={`settings-${section}`}>
      <header className="page-header">
        <h1>Settings</h1>
        <p className="page-subtitle">{TITLES[section].subtitle}</p>
      </header>
      <nav className="settings-tabs" aria-label="Settings">
        {SETTINGS_SECTIONS.map((s) => (
          <Link
            key={s}
            to={paths.settings(s)}
            className={`settings-tab${s === section ? ' is-current' : ''}`}
            aria-current={s === section ? 'page' : undefined}
            data-testid={`settings-tab-${s}`}
          >
            {TITLES[s].tab}
          </Link>
        ))}
      </nav>
      {settings.error ? (
        <p className="form-error" role="alert">
          {(settings.error as Error).message}{' '}
          <button type="button" className="link-button" onClick={() => settings.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
      {!workspace && !settings.error ? <p className="page-loading">Opening…</p> : null}
      {workspace ? (
        <div className="settings-body">
          {section === 'workspace' ? <WorkspaceSettingsForm workspace={workspace} /> : null}
          {section === 'website' ? <WebsiteSettings workspace={workspace} /> : null}
          {section === 'hours' ? <HoursSettings workspace={workspace} /> : null}
          {section === 'targets' ? <TargetSettings /> : null}
          {section === 'locations' ? <LocationsSettings workspace={workspace} /> : null}
          {section === 'email' ? <EmailSettings /> : null}
          {section === 'customers' ? <CustomerDataSettings /> : null}
          {section === 'surveys' ? <SurveySettings /> : null}
        </div>
      ) : null}
    </div>
  );
}
