import type { Recovery, RecoveryStepBody } from '@warmline/shared';
import { recoveryApi } from '../api/endpoints.ts';
import { setState } from './store.ts';

function keep(conversationId: string, recovery: Recovery | null): void {
  setState((s) => ({
    recoveries: { ...s.recoveries, [conversationId]: recovery },
    recoveryState: { ...s.recoveryState, [conversationId]: 'ready' },
  }));
}

/** Reads a conversation's recovery checklist (again: a colleague may have ticked a step). */
export async function loadRecovery(conversationId: string): Promise<void> {
  setState((s) =>
    s.recoveryState[conversationId] ? {} : { recoveryState: { ...s.recoveryState, [conversationId]: 'loading' } },
  );
  try {
    const { recovery } = await recoveryApi.get(conversationId);
    keep(conversationId, recovery);
  } catch {
    setState((s) => ({
      recoveryState: { ...s.recoveryState, [conversationId]: s.recoveries[conversationId] ? 'ready' : 'error' },
    }));
  }
}

/** Flags a service failure with what went wrong: priority rises and the checklist starts. Throws an ApiError. */
export async function flagServiceFailure(conversationId: string, reason: string): Promise<void> {
  const { recovery } = await recoveryApi.flag(conversationId, reason);
  keep(conversationId, recovery);
}

/** Ticks a step of the checklist. Throws an ApiError (the form shows it beside the field it names). */
export async function recordRecoveryStep(conversationId: string, step: RecoveryStepBody): Promise<void> {
  const { recovery } = await recoveryApi.record(conversationId, step);
  keep(conversationId, recovery);
}
