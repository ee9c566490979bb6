import { useQuery } from '@tanstack/react-query';
import type { DelightMoment, Entry } from '@warmline/shared/types';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { delightApi } from '../../api/endpoints.ts';
import { queryClient } from '../../api/queryClient.ts';
import { momentOfEntry, withMoment } from '../../state/delight.ts';

const NONE: readonly DelightMoment[] = [];
const keyOf = (conversationId: string) => ['delight', 'conversation', conversationId] as const;

interface DelightOfConversation {
  moments: readonly DelightMoment[];
  /** Marks a customer's message (keep) or says it is not a moment; answers when the server has it. */
  mark(seq: number, keep: boolean): Promise<void>;
  decide(moment: DelightMoment, status: 'kept' | 'dismissed'): Promise<void>;
}

const Context = createContext<DelightOfConversation | null>(null);

function remember(conversationId: string, moment: DelightMoment) {
  queryClient.setQueryData<{ moments: DelightMoment[] }>(keyOf(conversationId), (old) => ({
    moments: withMoment(old?.moments ?? [], moment),
  }));
  // The walls read again when next opened.
  void queryClient.invalidateQueries({ queryKey: ['delight', 'wall'] });
}

/** The moments of delight of the open conversation, for its timeline entries and its survey answer. */
export function ConversationDelight({ conversationId, children }: { conversationId: string; children: ReactNode }) {
  const query = useQuery({ queryKey: keyOf(conversationId), queryFn: () => delightApi.ofConversation(conversationId) });
  const moments = query.data?.moments ?? NONE;
  const value = useMemo<DelightOfConversation>(
    () => ({
      moments,
      async mark(seq, keep) {
        remember(conversationId, (await delightApi.mark(conversationId, seq, keep)).moment);
      },
      async decide(moment, status) {
        remember(conversationId, (await delightApi.decide(moment.id, status)).moment);
      },
    }),
    [conversationId, moments],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The open conversation's moments and what may be done with them; null outside a conversation. */
export function useConversationDelight(): DelightOfConversation | null {
  return useContext(Context);
}

/** Runs one change at a time, remembering whether the last one failed. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async (change: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await change();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failed, run };
}

/** What a customer's message needs to offer a moment: the conversation's moments, a change under way, and its state. */
function useEntryDelight(entry: Entry) {
  const delight = useContext(Context);
  const action = useAction();
  if (!delight || entry.kind !== 'message' || entry.direction !== 'in' || !entry.body.trim()) return null;
  const { state } = momentOfEntry(delight.moments, entry);
  const mark = (keep: boolean) => action.run(() => delight.mark(entry.seq, keep));
  const error = action.failed ? (
    <span className="delight-error" role="alert">
      Not saved, try again
    </span>
  ) : null;
  return { state, mark, busy: action.busy, error };
}

/**
 * The small, warm affordance in a customer message's top line: a quiet "✨ Moment of delight" that shows when the
 * agent points at the message, and a pill once it is on the team's wall (clicking it takes it off).
 */
export function DelightMark({ entry }: { entry: Entry }) {
  const delight = useEntryDelight(entry);
  if (!delight || delight.state === 'suggested') return delight?.error ?? null;
  const kept = delight.state === 'kept';
  return (
    <>
      <button
        type="button"
        className={kept ? 'delight-pill' : 'delight-add'}
        aria-pressed={kept}
        aria-label="Moment of delight"
        title={
          kept
            ? "On the team's delight wall. Click to take it off."
            : "Mark as a moment of delight: the customer's words go on the team's wall"
        }
        disabled={delight.busy}
        onClick={() => delight.mark(!kept)}
        data-testid={kept ? 'delight-marked' : 'delight-mark'}
      >
        <span aria-hidden="true">✨</span> <span className="delight-label">Moment of delight</span>
      </button>
      {delight.error}
    </>
  );
}

/** Under a message that reads as a moment of delight: a gentle question, kept for the wall or let go. */
export function DelightSuggestion({ entry }: { entry: Entry }) {
  const delight = useEntryDelight(entry);
  if (delight?.state !== 'suggested') return null;
  return (
    <div className="delight-suggestion" data-testid="delight-suggestion">
      <span aria-hidden="true">✨</span> A moment of delight?
      <button
        type="button"
        className="link-button"
        disabled={delight.busy}
        onClick={() => delight.mark(true)}
        data-testid="delight-keep"
      >
        Keep it for the wall
      </button>
      <button
        type="button"
        className="link-button delight-quiet"
        disabled={delight.busy}
        onClick={() => delight.mark(false)}
        data-testid="delight-dismiss"
      >
        Not this one
      </button>
      {delight.error}
    </div>
  );
}
