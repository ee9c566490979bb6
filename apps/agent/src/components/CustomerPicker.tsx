import type { CustomerSummary } from '@warmline/shared';
import { useEffect, useRef, useState } from 'react';
import { customersApi } from '../api/customers.ts';
import { customersQuery, noFilters } from '../state/customerFilters.ts';
import { contactLine, personName } from '../state/customerName.ts';
import { LatestRequest, SEARCH_DEBOUNCE_MS, searchTerm } from '../state/search.ts';
import { Avatar } from './Avatar.tsx';

interface CustomerPickerProps {
  /** People already chosen (members): not offered again. */
  exclude: ReadonlySet<string>;
  onPick: (customer: CustomerSummary) => void;
}

/** Finds a person by name, email or phone and hands them back: for adding someone to an organization. */
export function CustomerPicker({ exclude, onPick }: CustomerPickerProps) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<CustomerSummary[] | null>(null);
  const latest = useRef(new LatestRequest());

  useEffect(() => {
    const term = searchTerm(text);
    const requests = latest.current;
    if (!term) {
      requests.cancel();
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      const { id } = requests.start();
      customersApi.list(customersQuery({ ...noFilters, q: term }, '', null, 8)).then(
        (page) => requests.isLatest(id) && setFound(page.customers),
        () => requests.isLatest(id) && setFound([]),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const offered = (found ?? []).filter((c) => !exclude.has(c.id));
  return (
    <div className="picker">
      <input
        type="search"
        data-testid="member-search"
        aria-label="Find a person to add"
        placeholder="Name, email or phone"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {found ? (
        <ul className="picker-list">
          {offered.length === 0 ? <li className="picker-empty">Nobody else matches “{text.trim()}”.</li> : null}
          {offered.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="picker-option"
                data-testid="member-candidate"
                onClick={() => {
                  onPick(c);
                  setText('');
                }}
              >
                <Avatar name={personName(c)} size={24} />
                <span className="picker-name">{personName(c)}</span>
                <span className="picker-sub">{contactLine(c) ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
