import type { CustomerSummary } from '@warmline/shared';
import { useCallback, useEffect, useState } from 'react';
import { customersApi } from '../api/customers.ts';
import { AttributesCard } from '../components/AttributesCard.tsx';
import { Avatar } from '../components/Avatar.tsx';
import { FilterChips } from '../components/FilterChips.tsx';
import { ListCard } from '../components/ListCard.tsx';
import { NewCustomerForm } from '../components/NewCustomerForm.tsx';
import { VerifiedMark } from '../components/VerifiedMark.tsx';
import { usePagedList } from '../hooks/usePagedList.ts';
import { Link, paths } from '../router.tsx';
import { type CustomerFilters, customersQuery, isFiltered, noFilters } from '../state/customerFilters.ts';
import { contactLine, personName } from '../state/customerName.ts';
import { useStore } from '../state/store.ts';
import { useAgents } from '../state/teamActions.ts';

const VERIFIED = [
  { value: 'any', label: 'Everyone' },
  { value: 'verified', label: 'Verified' },
  { value: 'unverified', label: 'Unverified' },
] as const;

const byId = (c: CustomerSummary) => c.id;

/** Everyone who has been in touch, narrowed by chips; each row opens their story. */
export function CustomersPage() {
  const meId = useStore((s) => s.session?.agent.id ?? '');
  const isAdmin = useStore((s) => s.session?.agent.role === 'admin');
  const agents = useAgents();
  const [filters, setFilters] = useState<CustomerFilters>(noFilters);
  const [typed, setTyped] = useState('');
  const [adding, setAdding] = useState(false);

  // Typing narrows the list after a short pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === typed ? f : { ...f, q: typed })), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const read = useCallback(
    (cursor: string | null) =>
      customersApi
        .list(customersQuery(filters, meId, cursor))
        .then((page) => ({ items: page.customers, nextCursor: page.nextCursor })),
    [filters, meId],
  );
  const list = usePagedList({ scope: 'customers', read, keyOf: byId, key: customersQuery(filters, meId) });
  const state = list.state;

  const ownerOptions = [
    { value: 'anyone', label: 'Anyone' },
    { value: 'me', label: 'Looked after by me' },
  ];
  const colleague = filters.owner !== 'anyone' && filters.owner !== 'me' ? filters.owner : '';
  const rows = list.items;

  return (
    <div className="page" data-testid="customers-page">
      <header className="page-header page-header-row">
        <div>
          <h1>Customers</h1>
          <p className="page-subtitle">Everyone who has been in touch: one person, one story.</p>
        </div>
        {adding ? null : (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Add a person
          </button>
        )}
      </header>
      <div className="list-grid">
        <div className="list-main">
          {adding ? <NewCustomerForm onCancel={() => setAdding(false)} /> : null}
          <div className="list-toolbar">
            <input
              type="search"
              className="list-filter"
              aria-label="Filter by name, email or phone"
              placeholder="Name, email or phone"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            <FilterChips
              label="Verified"
              testId="filter-verified"
              value={filters.verified}
              options={VERIFIED}
              onChange={(verified) => setFilters((f) => ({ ...f, verified }))}
            />
            <FilterChips
              label="Owner"
              testId="filter-owner"
              value={colleague ? '' : filters.owner}
              options={ownerOptions}
              onChange={(owner) => setFilters((f) => ({ ...f, owner }))}
            />
            <select
              className={`chip-select${colleague ? ' is-on' : ''}`}
              aria-label="Looked after by a colleague"
              value={colleague}
              onChange={(e) => setFilters((f) => ({ ...f, owner: e.target.value || 'anyone' }))}
            >
              <option value="">A colleague…</option>
              {agents
                .filter((a) => a.id !== meId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
            </select>
          </div>
          <ListCard
            label="Customers"
            state={state}
            count={rows.length}
            hasMore={Boolean(list.nextCursor)}
            onMore={list.more}
            empty={
              isFiltered(filters)
                ? { title: 'Nobody matches these filters', body: 'Try fewer chips, or part of a name or email.' }
                : {
                    title: 'No customers yet',
                    body: 'Everyone who writes, calls or walks in will be here, with their whole story.',
                  }
            }
          >
            <table className="grid-table people-table">
              <thead>
                <tr>
                  <th>Person</th>
                  <th>Contact</th>
                  <th>Since</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-testid="customer-row">
                    <td>
                      <Link to={paths.customer(c.id)} className="person-cell">
                        <Avatar name={personName(c)} size={30} />
                        <span className="person-name">{personName(c)}</span>
                      </Link>
                    </td>
                    <td>
                      <span className="person-contact">{contactLine(c) ?? '—'}</span> <VerifiedMark verified={c.verified} />
                    </td>
                    <td className="person-since">
                      {new Date(c.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ListCard>
        </div>
        {isAdmin ? <AttributesCard /> : null}
      </div>
    </div>
  );
}
