import type {
  Attachment,
  Callback,
  PublicAgent,
  SurveyAnswerInput,
  VisitorConversation,
  WidgetSessionResponse,
  WidgetSurveyResponse,
} from '@warmline/shared/types';
import type { VisitSlot } from './storeVisitTimes.ts';

/** `LeaveMessageResponse` of the shared schemas (declared here so zod is never pulled into the bundle). */
export interface LeaveMessageResult {
  conversation: VisitorConversation;
  promise: { owner: PublicAgent | null; by: string; text: string };
}

/** `CallbackWindowsResponse`: windows the visitor may choose for a callback (ISO start/end). */
export interface CallbackWindowsResult {
  timezone: string;
  windows: Array<{ start: string; end: string }>;
}

/** `BookCallbackBody` of the shared schemas. */
export interface BookCallbackInput {
  conversationId: string;
  phone: string;
  windowStart: string;
  windowEnd: string;
  /** Ring me here, in the browser, while the page is open. */
  inBrowser?: boolean;
}

/** `BookCallbackResponse`: the booking, the conversation now carrying it, and the sentence to show. */
export interface BookCallbackResult {
  callback: Callback;
  conversation: VisitorConversation;
  text: string;
}

/** A store of `VisitorLocationsResponse`: where a customer may rather see someone in person. */
export interface StoreLocation {
  id: string;
  slug: string;
  name: string;
  address: string;
  timezone: string;
  services: Array<{ id: string; name: string; typicalMinutes: number }>;
}

/** `AvailabilityResponse`: a day's bookable times at a store, and its staff. */
export interface StoreAvailability {
  date: string;
  timezone: string;
  staff: PublicAgent[];
  slots: VisitSlot[];
}

/** `VisitorStoreVisitBody`: a visit booked on the conversation the customer is waiting in. */
export interface StoreVisitInput {
  conversationId: string;
  locationId: string;
  serviceId: string;
  start: string;
  agentId: string | null;
  contact?: string;
}

/** A failed REST call, with a message fit to show a visitor. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again, from `Retry-After`, when the server said so. */
    readonly retryAfter: number | null = null,
    /** The server's error details (validation issues with their paths), if any. */
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

/** What a visitor sees when the network, not the server, failed. */
export const OFFLINE_MESSAGE = 'We can’t reach the chat right now. We’ll keep trying — nothing you write will be lost.';

/** A host site's signed-in user: `userHash` is HMAC-SHA256(identity secret, userId), computed by the site's server. */
export interface SignedInUser {
  userId: string;
  userHash: string;
  name?: string;
  email?: string;
}

/** The visitor REST calls the widget makes. */
export interface Api {
  session(workspaceKey: string, visitorToken?: string, user?: SignedInUser): Promise<WidgetSessionResponse>;
  leaveMessage(token: string, body: { conversationId: string; email: string; name?: string }): Promise<LeaveMessageResult>;
  callbackWindows(token: string): Promise<CallbackWindowsResult>;
  bookCallback(token: string, body: BookCallbackInput): Promise<BookCallbackResult>;
  storeLocations(token: string): Promise<{ locations: StoreLocation[] }>;
  availability(slug: string, serviceId: string, date: string): Promise<StoreAvailability>;
  bookStoreVisit(token: string, body: StoreVisitInput): Promise<{ appointment: { text: string } }>;
  /** Uploads a file to send with a message: its bytes as the body, its name and declared type in the query. */
  upload(token: string, file: Blob, name: string): Promise<{ attachment: Attachment }>;
  /** A file of the visitor's conversation, fetched with their token (an <img> or a link cannot carry it). */
  download(token: string, url: string): Promise<Blob>;
  /** The survey of the visitor's resolved chat, with its own token to answer it. */
  survey(token: string, conversationId: string): Promise<WidgetSurveyResponse>;
  /** Answers a survey with the survey's token (not the visitor's): the same call its public page makes. */
  answerSurvey(surveyToken: string, body: SurveyAnswerInput): Promise<unknown>;
}

/** REST client for a Warmline server: JSON, cross-origin, never cookies (the visitor token is the identity). */
export function createApi(base: string, fetchFn: typeof fetch = (...a) => fetch(...a)): Api {
  async function call<T>(path: string, body: unknown, token?: string): Promise<T> {
    const raw = body instanceof Blob;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetched(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
    });
    // A downloaded file: its bytes, not JSON.
    if (res.ok && !(res.headers.get('content-type') ?? '').includes('json')) return (await res.blob()) as T;
    const data = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        res.status,
        data?.error?.code ?? 'internal',
        data?.error?.message ?? 'Something went wrong on our side. Please try again in a moment.',
        Number.isFinite(retry) && retry > 0 ? retry : null,
        data?.error?.details ?? null,
      );
    }
    return data as T;
  }
  async function fetched(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchFn(`${base}/api/v1${path}`, { ...init, mode: 'cors', credentials: 'omit' });
    } catch {
      throw new ApiError(0, 'network', OFFLINE_MESSAGE);
    }
  }
  return {
    session: (workspaceKey, visitorToken, user) =>
      call('/widget/session', { workspaceKey, ...(visitorToken ? { visitorToken } : {}), ...(user ? { user } : {}) }),
    leaveMessage: (token, body) => call('/widget/leave-message', body, token),
    callbackWindows: (token) => call('/widget/callback-windows', undefined, token),
    bookCallback: (token, body) => call('/widget/callback', body, token),
    storeLocations: (token) => call('/widget/locations', undefined, token),
    availability: (slug, serviceId, date) =>
      call(`/store/locations/${encodeURIComponent(slug)}/availability?${new URLSearchParams({ serviceId, date })}`, undefined),
    bookStoreVisit: (token, body) => call('/widget/store-visit', body, token),
    upload: (token, file, name) =>
      call(`/widget/attachments?${new URLSearchParams({ name, type: file.type || 'application/octet-stream' })}`, file, token),
    download: (token, url) => call(url.replace(/^\/api\/v1/, ''), undefined, token),
    survey: (token, conversationId) =>
      call(`/widget/conversations/${encodeURIComponent(conversationId)}/survey`, undefined, token),
    answerSurvey: (surveyToken, body) => call(`/widget/surveys/${encodeURIComponent(surveyToken)}`, body),
  };
}
