import type { PublicAgent, VisitorConversation, WidgetSessionResponse } from '@warmline/shared';

/** `LeaveMessageResponse` of the shared schemas (declared here so zod is never pulled into the bundle). */
export interface LeaveMessageResult {
  conversation: VisitorConversation;
  promise: { owner: PublicAgent | null; by: string; text: string };
}

/** A failed REST call, with a message fit to show a visitor. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again, from `Retry-After`, when the server said so. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

/** What a visitor sees when the network, not the server, failed. */
export const OFFLINE_MESSAGE = 'We can’t reach the chat right now. We’ll keep trying — nothing you write will be lost.';

/** The visitor REST calls the widget makes. */
export interface Api {
  session(workspaceKey: string, visitorToken?: string): Promise<WidgetSessionResponse>;
  leaveMessage(token: string, body: { conversationId: string; email: string; name?: string }): Promise<LeaveMessageResult>;
}

/** REST client for a Warmline server: JSON, cross-origin, never cookies (the visitor token is the identity). */
export function createApi(base: string, fetchFn: typeof fetch = (...a) => fetch(...a)): Api {
  async function call<T>(path: string, body: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetchFn(`${base}/api/v1${path}`, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers,
        body: JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', OFFLINE_MESSAGE);
    }
    const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        res.status,
        data?.error?.code ?? 'internal',
        data?.error?.message ?? 'Something went wrong on our side. Please try again in a moment.',
        Number.isFinite(retry) && retry > 0 ? retry : null,
      );
    }
    return data as T;
  }
  return {
    session: (workspaceKey, visitorToken) =>
      call('/widget/session', visitorToken ? { workspaceKey, visitorToken } : { workspaceKey }),
    leaveMessage: (token, body) => call('/widget/leave-message', body, token),
  };
}
