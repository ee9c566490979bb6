import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  icon?: 'cup' | 'inbox';
}

/** A friendly note where there is nothing to show yet. */
export function EmptyState({ title, children, icon = 'cup' }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true">
        {icon === 'cup' ? (
          <>
            <path
              d="M14 24h24v10a10 10 0 0 1-10 10h-4a10 10 0 0 1-10-10z"
              fill="var(--accent-soft)"
              stroke="var(--accent)"
              strokeWidth="2"
            />
            <path d="M38 27h3a4 4 0 0 1 0 8h-3" fill="none" stroke="var(--accent)" strokeWidth="2" />
            <path
              d="M21 12c-2 3 2 5 0 8M28 10c-2 3 2 5 0 8M35 12c-2 3 2 5 0 8"
              fill="none"
              stroke="var(--calm)"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </>
        ) : (
          <>
            <rect x="10" y="14" width="36" height="28" rx="6" fill="var(--calm-soft)" stroke="var(--calm)" strokeWidth="2" />
            <path d="M10 30h10l3 5h10l3-5h10" fill="none" stroke="var(--calm)" strokeWidth="2" />
          </>
        )}
      </svg>
      <h2>{title}</h2>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}
