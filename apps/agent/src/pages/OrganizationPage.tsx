import type { CustomerSummary, MemberRole, Organization } from '@warmline/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { organizationsApi } from '../api/customers.ts';
import { ApiError } from '../api/http.ts';
import { Avatar } from '../components/Avatar.tsx';
import { CustomerPicker } from '../components/CustomerPicker.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { InlineConfirm } from '../components/InlineConfirm.tsx';
import { OwnerPicker } from '../components/profile/OwnerPicker.tsx';
import { StoryTimeline } from '../components/StoryTimeline.tsx';
import { VerifiedMark } from '../components/VerifiedMark.tsx';
import { Link, paths } from '../router.tsx';
import { memberRoles, organizationKindLabels, roleLabels } from '../state/customerLabels.ts';
import { contactLine, personName } from '../state/customerName.ts';

type Member = Organization['members'][number];

function RoleSelect({ value, onChange, label }: { value: MemberRole; onChange: (role: MemberRole) => void; label: string }) {
  return (
    <select className="role-select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as MemberRole)}>
      {memberRoles.map((r) => (
        <option key={r} value={r}>
          {roleLabels[r]}
        </option>
      ))}
    </select>
  );
}

interface MemberRowProps {
  organizationId: string;
  member: Member;
  change: (run: () => Promise<{ organization: Organization }>) => Promise<void>;
}

function MemberRow({ organizationId, member, change }: MemberRowProps) {
  const { customer, role } = member;
  const name = personName(customer);
  return (
    <li className="member-row" data-testid="member-row">
      <Link to={paths.customer(customer.id)} className="person-cell">
        <Avatar name={name} size={32} />
        <span className="person-text">
          <span className="person-name">{name}</span>
          <span className="person-contact">
            {contactLine(customer) ?? 'No contact details'} · <VerifiedMark verified={customer.verified} />
          </span>
        </span>
      </Link>
      <RoleSelect
        label={`${name}’s role`}
        value={role}
        onChange={(next) => change(() => organizationsApi.setMember(organizationId, customer.id, next))}
      />
      <InlineConfirm
        label={`Remove ${name}`}
        title="Remove from this organization"
        onConfirm={() => change(() => organizationsApi.removeMember(organizationId, customer.id))}
      />
    </li>
  );
}

/** One business or household: its people and their parts, who looks after it, and everything that happened with any of them. */
export function OrganizationPage({ id }: { id: string }) {
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'missing' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const [pickedRole, setPickedRole] = useState<MemberRole>('user');

  useEffect(() => {
    let live = true;
    setState('loading');
    organizationsApi.get(id).then(
      ({ organization }) => {
        if (!live) return;
        setOrganization(organization);
        setState('ready');
      },
      (e) => live && setState(e instanceof ApiError && e.status === 404 ? 'missing' : 'error'),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const names = useMemo(
    () => new Map((organization?.members ?? []).map((m) => [m.customer.id, personName(m.customer)])),
    [organization],
  );
  const nameOf = useCallback((customerId: string) => names.get(customerId) ?? 'A former member', [names]);
  const read = useCallback((cursor: string | null) => organizationsApi.timeline(id, cursor), [id]);

  /** Runs a change to the organization and shows what the server answers. */
  const change = async (run: () => Promise<{ organization: Organization }>) => {
    setError(null);
    try {
      const answer = await run();
      setOrganization(answer.organization);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!organization) {
    return (
      <div className="page">
        {state === 'missing' ? (
          <EmptyState title="This organization is not here">
            <Link to={paths.organizations}>See every organization</Link>
          </EmptyState>
        ) : state === 'error' ? (
          <EmptyState title="It could not be read">Check your connection and try again in a moment.</EmptyState>
        ) : (
          <p className="loading">Reading…</p>
        )}
      </div>
    );
  }

  const memberIds = new Set(organization.members.map((m) => m.customer.id));
  const addPicked = async () => {
    if (!picked) return;
    await change(() => organizationsApi.setMember(organization.id, picked.id, pickedRole));
    setPicked(null);
  };

  return (
    <div className="page customer-page" data-testid="organization-page">
      <header className="page-header customer-header">
        <Link to={paths.organizations} className="back-link">
          ← Organizations
        </Link>
        <div className="customer-title">
          <span className={`org-mark org-${organization.kind} org-mark-large`} aria-hidden="true">
            {organization.name.trim().charAt(0).toUpperCase()}
          </span>
          <div className="customer-title-text">
            <h1 className="profile-name">{organization.name}</h1>
            <span className="profile-sub">
              {organizationKindLabels[organization.kind]} · {organization.members.length}{' '}
              {organization.members.length === 1 ? 'person' : 'people'}
            </span>
          </div>
        </div>
      </header>
      <div className="customer-grid org-grid">
        <div className="org-side">
          <section className="card" aria-label="Account owner">
            <OwnerPicker
              owner={organization.owner}
              label="Account owner"
              hint="The colleague who looks after this account; its people are offered them first"
              testId="organization-owner"
              onChange={(ownerId) => change(() => organizationsApi.update(organization.id, { ownerId }))}
            />
          </section>
          <section className="card" aria-label="People">
            <h2 className="card-title">People</h2>
            {organization.members.length === 0 ? (
              <p className="profile-empty">Nobody yet. Add the people who buy, use and decide.</p>
            ) : null}
            <ul className="member-rows">
              {organization.members.map((m) => (
                <MemberRow key={m.customer.id} organizationId={organization.id} member={m} change={change} />
              ))}
            </ul>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <div className="add-member">
              <h3 className="profile-heading">Add a person</h3>
              {picked ? (
                <div className="picked" data-testid="member-picked">
                  <span className="person-cell">
                    <Avatar name={personName(picked)} size={24} />
                    <span className="person-name">{personName(picked)}</span>
                  </span>
                  <RoleSelect label={`${personName(picked)}’s role`} value={pickedRole} onChange={setPickedRole} />
                  <div className="inline-form-actions">
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => setPicked(null)}>
                      Cancel
                    </button>
                    <button type="button" className="btn btn-small" data-testid="member-add" onClick={addPicked}>
                      Add as {roleLabels[pickedRole].toLowerCase()}
                    </button>
                  </div>
                </div>
              ) : (
                <CustomerPicker exclude={memberIds} onPick={setPicked} />
              )}
            </div>
          </section>
        </div>
        <section className="card customer-story" aria-label="Timeline">
          <h2 className="card-title">Everything with {organization.name}</h2>
          <StoryTimeline storyKey={organization.id} read={read} nameOf={nameOf} showWho />
        </section>
      </div>
    </div>
  );
}
