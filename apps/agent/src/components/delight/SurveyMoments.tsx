import { ratingLine } from '../../state/delight.ts';
import { useStore } from '../../state/store.ts';
import { useAction, useConversationDelight } from './ConversationDelight.tsx';

/**
 * A warm survey answer suggested as a moment of delight, above the composer, for the conversation's agent or a
 * supervisor to keep for the wall or let go.
 */
export function SurveyMoments({ customer, mayDecide }: { customer: string; mayDecide: boolean }) {
  const delight = useConversationDelight();
  const role = useStore((s) => s.session?.agent.role ?? 'agent');
  const { busy, failed, run } = useAction();
  const waiting = delight?.moments.filter((m) => m.source === 'survey' && m.status === 'suggested') ?? [];
  if (!delight || !waiting.length || (!mayDecide && role === 'agent')) return null;
  return (
    <div className="delight-survey" data-testid="delight-survey">
      {waiting.map((moment) => (
        <div key={moment.id} className="delight-survey-item">
          <p>
            <span aria-hidden="true">✨</span> {customer} answered the survey warmly
            {moment.words ? (
              <>
                : <q>{moment.words}</q>
              </>
            ) : (
              <> — {ratingLine(moment)}</>
            )}
          </p>
          <div className="delight-survey-actions">
            <button
              type="button"
              className="btn btn-small btn-calm"
              disabled={busy}
              onClick={() => run(() => delight.decide(moment, 'kept'))}
            >
              Keep it for the wall
            </button>
            <button
              type="button"
              className="btn btn-small btn-quiet"
              disabled={busy}
              onClick={() => run(() => delight.decide(moment, 'dismissed'))}
            >
              Not this one
            </button>
            {failed ? (
              <span className="delight-error" role="alert">
                Not saved, try again
              </span>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
