import { ConversationView } from '../components/ConversationView.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { InboxColumn } from '../components/InboxColumn.tsx';
import { ProfileDock } from '../components/profile/ProfileDock.tsx';
import { useStore } from '../state/store.ts';

function NothingSelected() {
  const waiting = useStore((s) => s.counts.waiting);
  const name = useStore((s) => s.session?.agent.displayName.split(' ')[0] ?? '');
  return (
    <section className="conversation conversation-empty">
      <EmptyState title={waiting > 0 ? `${waiting} ${waiting === 1 ? 'person is' : 'people are'} waiting` : `All calm, ${name}`}>
        {waiting > 0
          ? 'Pick the one who has waited longest from the Waiting tab: a named person makes all the difference.'
          : 'Nobody is waiting right now. We will chime the moment someone needs a person.'}
      </EmptyState>
    </section>
  );
}

/** Inbox on the left, the selected conversation (or a calm empty state) in the middle, the person on the right. */
export function InboxPage({ conversationId }: { conversationId: string | null }) {
  return (
    <div className={`workspace${conversationId ? ' with-profile' : ''}`}>
      <InboxColumn />
      {conversationId ? <ConversationView id={conversationId} /> : <NothingSelected />}
      {conversationId ? <ProfileDock conversationId={conversationId} /> : null}
    </div>
  );
}
