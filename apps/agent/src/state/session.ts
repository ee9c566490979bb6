import type { SessionResponse } from '@warmline/shared';
import { authApi } from '../api/endpoints.ts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/http.ts';
import { queryClient } from '../api/queryClient.ts';
import { navigate, paths } from '../router.tsx';
import { forgetAlerts } from './alertActions.ts';
import { startIdleWatch, stopIdleWatch } from './idleWatcher.ts';
import { loadInbox } from './inboxActions.ts';
import { startRealtime, stopRealtime } from './realtime.ts';
import { getState, resetState, setState } from './store.ts';
import { loadAgents, loadTeams } from './teamActions.ts';

/** Reads the session once at start; signed-out visitors stay where they are (sign-in or invitation pages). */
export async function bootSession(): Promise<void> {
  setUnauthenticatedHandler(signedOutElsewhere);
  try {
    const session = await authApi.session();
    beginSession(session);
  } catch (error) {
    // Unreachable server: keep the calm "connecting" screen and try again rather than asking a signed-in agent to sign in.
    if (error instanceof ApiError && error.code === 'network') setTimeout(bootSession, 3000);
    else setState({ sessionChecked: true });
  }
}

/** Starts everything a signed-in agent needs: inbox, team, live socket. */
export function beginSession(session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  setState({ session, sessionChecked: true });
  loadInbox();
  loadAgents().catch(() => {});
  loadTeams().catch(() => {});
  startRealtime(signedOutElsewhere);
  startIdleWatch();
}

export async function signIn(email: string, password: string): Promise<void> {
  const session = await authApi.signIn(email, password);
  beginSession(session);
  navigate(paths.inbox, { replace: true });
}

export async function acceptInvitation(input: { token: string; displayName: string; email: string; password: string }) {
  const session = await authApi.acceptInvitation(input);
  beginSession(session);
  navigate(paths.inbox, { replace: true });
}

export async function signOut(): Promise<void> {
  await authApi.signOut().catch(() => {});
  endSession();
}

function endSession(): void {
  stopRealtime();
  stopIdleWatch();
  setCsrfToken(null);
  forgetAlerts();
  resetState();
  queryClient.clear();
  document.title = 'Warmline';
  navigate(paths.signIn, { replace: true });
}

/** The session expired or was ended on another device. */
function signedOutElsewhere(): void {
  if (getState().session) endSession();
}
