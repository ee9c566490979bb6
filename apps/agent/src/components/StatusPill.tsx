import type { ConversationStatus } from '@warmline/shared';

const LABELS: Record<ConversationStatus, string> = {
  waiting: 'Waiting',
  active: 'Active',
  pending_customer: 'Awaiting customer',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};

export function StatusPill({ status }: { status: ConversationStatus }) {
  return (
    <span className={`pill pill-${status}`} data-status={status}>
      {LABELS[status]}
    </span>
  );
}
