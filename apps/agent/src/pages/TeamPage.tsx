import { useEffect } from 'react';
import { AgentList } from '../components/AgentList.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { EmbedSnippet } from '../components/EmbedSnippet.tsx';
import { InviteForm } from '../components/InviteForm.tsx';
import { ProfileForm } from '../components/ProfileForm.tsx';
import { TeamsCard } from '../components/TeamsCard.tsx';
import { useStore } from '../state/store.ts';
import { loadAgents, loadTeams, useAgents, useTeams } from '../state/teamActions.ts';

/** The team (for everyone to see who is around), invitations (admins), my own profile and password. */
export function TeamPage() {
  const me = useStore((s) => s.session?.agent);
  const workspaceKey = useStore((s) => s.session?.workspace.key);
  const agents = useAgents();
  const teams = useTeams();
  useEffect(() => {
    loadAgents().catch(() => {});
    loadTeams().catch(() => {});
  }, []);
  if (!me) return null;
  const isAdmin = me.role === 'admin';

  return (
    <div className="page">
      <header className="page-header">
        <h1>{isAdmin ? 'Team' : 'Profile'}</h1>
        <p className="page-subtitle">Customers see the name and photo you choose here.</p>
      </header>
      <div className="team-grid">
        <div className="team-main">
          <section className="card">
            <h2 className="card-title">People</h2>
            <AgentList agents={agents} meId={me.id} editable={isAdmin} />
          </section>
          {isAdmin ? <TeamsCard teams={teams} agents={agents} /> : null}
          {isAdmin && workspaceKey ? <EmbedSnippet workspaceKey={workspaceKey} /> : null}
        </div>
        <div className="team-side">
          <ProfileForm me={me} />
          <ChangePasswordForm />
          {isAdmin ? <InviteForm /> : null}
        </div>
      </div>
    </div>
  );
}
