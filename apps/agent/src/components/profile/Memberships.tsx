import type { CustomerProfile } from '@warmline/shared';
import { Link, paths } from '../../router.tsx';
import { organizationKindLabels, roleLabels } from '../../state/customerLabels.ts';

/** The businesses and households the person belongs to, and their part in each. */
export function Memberships({ profile }: { profile: CustomerProfile }) {
  if (profile.memberships.length === 0) return null;
  return (
    <section className="profile-section" aria-label="Organizations">
      <h3 className="profile-heading">{profile.memberships.length === 1 ? 'Organization' : 'Organizations'}</h3>
      <ul className="memberships">
        {profile.memberships.map((m) => (
          <li key={m.organization.id} className="membership" data-testid="membership">
            <Link to={paths.organization(m.organization.id)} className="membership-name">
              {m.organization.name}
            </Link>
            <span className="membership-role">
              {roleLabels[m.role]}
              <span className="membership-kind"> · {organizationKindLabels[m.organization.kind]}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
