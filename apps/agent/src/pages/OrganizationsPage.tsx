import type { OrganizationKind } from '@warmline/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type OrganizationListItem, organizationsApi } from '../api/customers.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Field } from '../components/Field.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import { ListCard } from '../components/ListCard.tsx';
import { usePagedList } from '../hooks/usePagedList.ts';
import { Link, navigate, paths } from '../router.tsx';
import { organizationKindLabels } from '../state/customerLabels.ts';

const byId = (o: OrganizationListItem) => o.id;

function NewOrganizationForm({ onCancel }: { onCancel: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('business');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give it a name, e.g. Riverside Café or The Mwangi family.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { organization } = await organizationsApi.create({ name: name.trim(), kind });
      navigate(paths.organization(organization.id));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="card new-customer" onSubmit={submit} noValidate>
      <h2 className="card-title">New organization</h2>
      <div className="new-customer-fields">
        <Field label="Name" value={name} onValue={setName} maxLength={200} autoFocus />
        <label className="field">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
            <option value="business">A business</option>
            <option value="household">A household</option>
          </select>
        </label>
      </div>
      <FormFooter error={error} busy={busy} onCancel={onCancel} submit={{ label: 'Add organization', busyLabel: 'Adding…' }} />
    </form>
  );
}

/** Businesses and households: many people around one purchase, each known with their part in it. */
export function OrganizationsPage() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const read = useCallback(
    (cursor: string | null) =>
      organizationsApi.list(q, cursor).then((page) => ({ items: page.organizations, nextCursor: page.nextCursor })),
    [q],
  );
  const list = usePagedList({ scope: 'organizations', read, keyOf: byId, key: q });
  const state = list.state;

  const rows = list.items;
  return (
    <div className="page" data-testid="organizations-page">
      <header className="page-header page-header-row list-narrow">
        <div>
          <h1>Organizations</h1>
          <p className="page-subtitle">Businesses and households: everyone around one purchase, known by their part in it.</p>
        </div>
        {adding ? null : (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            New organization
          </button>
        )}
      </header>
      <div className="list-main list-narrow">
        {adding ? <NewOrganizationForm onCancel={() => setAdding(false)} /> : null}
        <div className="list-toolbar">
          <input
            type="search"
            className="list-filter"
            aria-label="Filter organizations by name"
            placeholder="Filter by name"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <ListCard
          label="Organizations"
          state={state}
          count={rows.length}
          hasMore={Boolean(list.nextCursor)}
          onMore={list.more}
          empty={
            q
              ? { title: `No organization called “${q}”`, body: 'Try part of the name.' }
              : {
                  title: 'No organizations yet',
                  body: 'Group the people who buy, use and decide together: a café and its staff, a family and its orders.',
                }
          }
        >
          <table className="grid-table people-table">
            <thead>
              <tr>
                <th>Organization</th>
                <th>Account owner</th>
                <th className="num">People</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-testid="organization-row">
                  <td>
                    <Link to={paths.organization(o.id)} className="person-cell">
                      <span className={`org-mark org-${o.kind}`} aria-hidden="true">
                        {o.name.trim().charAt(0).toUpperCase()}
                      </span>
                      <span className="person-text">
                        <span className="person-name">{o.name}</span>
                        <span className="person-contact">{organizationKindLabels[o.kind]}</span>
                      </span>
                    </Link>
                  </td>
                  <td>
                    {o.owner ? (
                      <span className="owner-cell">
                        <Avatar name={o.owner.displayName} url={o.owner.avatarUrl} size={22} />
                        {o.owner.displayName}
                      </span>
                    ) : (
                      <span className="muted">Nobody yet</span>
                    )}
                  </td>
                  <td className="num">{o.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ListCard>
      </div>
    </div>
  );
}
