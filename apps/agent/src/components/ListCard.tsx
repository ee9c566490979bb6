import type { ReactNode } from 'react';
import type { PagedState } from '../hooks/usePagedList.ts';
import { EmptyState } from './EmptyState.tsx';

interface ListCardProps {
  label: string;
  state: PagedState;
  count: number;
  hasMore: boolean;
  onMore: () => void;
  /** What to say when nothing is listed. */
  empty: { title: string; body: string };
  children: ReactNode;
}

/** A paged list in a card: its rows, a kind word when there are none or they cannot be read, and "Show more". */
export function ListCard({ label, state, count, hasMore, onMore, empty, children }: ListCardProps) {
  return (
    <>
      <section className="card card-flush" aria-label={label} aria-busy={state === 'loading'}>
        {state === 'error' && count === 0 ? (
          <EmptyState title="The list could not be read">Check your connection and try again in a moment.</EmptyState>
        ) : count === 0 && state !== 'loading' ? (
          <EmptyState title={empty.title} icon="inbox">
            {empty.body}
          </EmptyState>
        ) : (
          children
        )}
      </section>
      {hasMore ? (
        <button type="button" className="btn load-more" disabled={state === 'more'} onClick={onMore}>
          {state === 'more' ? 'Reading…' : 'Show more'}
        </button>
      ) : null}
    </>
  );
}
