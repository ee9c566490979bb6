import { useEffect, useMemo } from 'react';
import { useNow } from '../hooks/useNow.ts';
import { latestCustomerFeeling } from '../state/coachHints.ts';
import { clearUnread, closeConversation, markRead, openConversation } from '../state/conversationActions.ts';
import { customerName } from '../state/customerName.ts';
import { useStore, useViewer } from '../state/store.ts';
import { isTransferForMe } from '../state/transfer.ts';
import { CallbackCard } from './CallbackCard.tsx';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { ConversationDelight } from './delight/ConversationDelight.tsx';
import { SurveyMoments } from './delight/SurveyMoments.tsx';
import { EmptyState } from './EmptyState.tsx';
import { HandoffBanner } from './HandoffBanner.tsx';
import { RecoveryCard } from './RecoveryCard.tsx';
import { Timeline } from './Timeline.tsx';

const NO_ENTRIES: readonly never[] = [];

/** One conversation: the customer, the whole story, and the composer. */
export function ConversationView({ id }: { id: string }) {
  const conversation = useStore((s) => s.conversations[id]);
  const entries = useStore((s) => s.timelines[id] ?? NO_ENTRIES);
  const loadState = useStore((s) => s.timelineState[id]);
  const outbox = useStore((s) => s.outbox);
  const typingUntil = useStore((s) => s.customerTyping[id] ?? 0);
  const readSeq = useStore((s) => s.customerRead[id] ?? 0);
  const focused = useStore((s) => s.focused);
  const connection = useStore((s) => s.connection);
  const me = useStore((s) => s.session?.agent.displayName ?? 'You');
  const viewer = useViewer();
  const now = useNow(typingUntil > Date.now() ? 1000 : 30_000);

  useEffect(() => {
    openConversation(id);
    return () => closeConversation();
  }, [id]);

  const lastSeq = entries.length ? entries[entries.length - 1]!.seq : 0;
  useEffect(() => {
    if (!focused) return;
    clearUnread(id);
    if (connection === 'open' && lastSeq > 0) markRead(id);
  }, [id, focused, lastSeq, connection]);

  const pending = useMemo(() => outbox.filter((m) => m.conversationId === id), [outbox, id]);
  const notes = useMemo(() => entries.filter((e) => e.kind === 'note').length, [entries]);

  if (!conversation) {
    if (loadState === 'error') {
      return (
        <section className="conversation">
          <EmptyState title="This conversation could not be opened">
            It may have been removed, or it belongs to another workspace. Pick another one from the inbox.
          </EmptyState>
        </section>
      );
    }
    return (
      <section className="conversation">
        <p className="loading">Opening the conversation…</p>
      </section>
    );
  }

  const name = customerName(conversation);
  const forMe = isTransferForMe(conversation, viewer);
  const callbackDue =
    conversation.callback?.status === 'due' &&
    (conversation.callback.owner?.id === viewer.id || conversation.assignee?.id === viewer.id);
  return (
    <section className="conversation" aria-label={`Conversation with ${name}`}>
      <ConversationHeader conversation={conversation} entries={entries} meId={viewer.id} now={now} transferForMe={forMe} />
      {forMe || conversation.serviceFailure || callbackDue ? (
        // Panels fold to a line each and scroll among themselves: the messages keep their room below.
        <div className="convo-panels" data-testid="conversation-panels">
          {forMe ? <HandoffBanner conversation={conversation} now={now} /> : null}
          {callbackDue ? <CallbackCard conversation={conversation} now={now} /> : null}
          {conversation.serviceFailure ? (
            <RecoveryCard conversationId={id} notes={notes} meId={viewer.id} now={now} handoffFirst={forMe} />
          ) : null}
        </div>
      ) : null}
      {loadState === 'error' ? (
        <p className="banner" role="alert">
          Part of this conversation could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => openConversation(id)}>
            Try again
          </button>
        </p>
      ) : null}
      <ConversationDelight conversationId={id}>
        <Timeline entries={entries} pending={pending} customer={name} me={me} now={now} customerReadSeq={readSeq} />
        <SurveyMoments customer={name} mayDecide={conversation.assignee?.id === viewer.id} />
      </ConversationDelight>
      <Composer
        key={id}
        conversationId={id}
        customerTyping={typingUntil > now}
        customer={name}
        customerFeeling={latestCustomerFeeling(entries)}
        serviceFailure={conversation.serviceFailure}
        replyByEmail={conversation.replyByEmail ?? null}
      />
    </section>
  );
}
