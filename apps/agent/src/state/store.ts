import type {
  Alert,
  AttributeDefinition,
  Conversation,
  CustomerProfile,
  Entry,
  InboxView,
  Recovery,
  SessionResponse,
} from '@warmline/shared/types';
import { useMemo, useSyncExternalStore } from 'react';
import type { InboxCountsData, StatusFilter } from '../api/endpoints.ts';
import type { PendingMessage } from './outbox.ts';
import type { Viewer } from './transfer.ts';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting';
export type LoadState = 'loading' | 'ready' | 'error';

/** Everything the agent app knows, replaced immutably on each change. */
export interface AppState {
  session: SessionResponse | null;
  /** False until the first session read answers: avoids flashing the sign-in page. */
  sessionChecked: boolean;
  connection: ConnectionState;
  focused: boolean;
  view: InboxView;
  allStatus: StatusFilter;
  /** The inbox shows only conversations carrying this tag (null: all of them). */
  tagFilter: string | null;
  conversations: Readonly<Record<string, Conversation>>;
  /** Cursor for "load more", per `view:status`; null when the server has nothing more. */
  cursors: Readonly<Record<string, string | null>>;
  inboxState: LoadState;
  counts: InboxCountsData;
  openConversationId: string | null;
  timelines: Readonly<Record<string, readonly Entry[]>>;
  timelineState: Readonly<Record<string, LoadState>>;
  /** Conversation id → the seq up to which its held timeline misses nothing: where `resume` starts. */
  complete: Readonly<Record<string, number>>;
  outbox: readonly PendingMessage[];
  /** Conversation id → time (ms) until which "Customer is typing…" shows. */
  customerTyping: Readonly<Record<string, number>>;
  /** Conversation id → highest seq the customer has read. */
  customerRead: Readonly<Record<string, number>>;
  unread: Readonly<Record<string, true>>;
  /** Set when the app moved me to Away for being idle: the minutes, for the gentle note. */
  autoAway: { minutes: number } | null;
  notificationPermission: NotificationPermission | 'unsupported';
  /** Customer id → the profile as last read; shared by the panel beside a conversation and the customer page. */
  profiles: Readonly<Record<string, CustomerProfile>>;
  /** `missing`: the person is gone (merged into someone, erased) or not visible to me. */
  profileState: Readonly<Record<string, LoadState | 'missing'>>;
  /** The workspace's custom attributes, in the order they were defined; null until first needed. */
  attributeDefinitions: readonly AttributeDefinition[] | null;
  /** Open alerts I may see (supervisors: all; agents: their follow-ups), newest first. */
  alerts: readonly Alert[];
  /** Alerts that arrived while I was here (or, for an agent, are theirs to act on): shown as notices. */
  alertNotices: readonly string[];
  /** Conversation id → its service-recovery checklist (null: no failure flagged). */
  recoveries: Readonly<Record<string, Recovery | null>>;
  recoveryState: Readonly<Record<string, LoadState>>;
}

export function initialState(): AppState {
  return {
    session: null,
    sessionChecked: false,
    connection: 'idle',
    focused: typeof document === 'undefined' ? true : document.hasFocus(),
    view: 'waiting',
    allStatus: 'open',
    tagFilter: null,
    conversations: {},
    cursors: {},
    inboxState: 'loading',
    counts: { waiting: 0, mine: 0, all: 0 },
    openConversationId: null,
    timelines: {},
    timelineState: {},
    complete: {},
    outbox: [],
    customerTyping: {},
    customerRead: {},
    unread: {},
    autoAway: null,
    notificationPermission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
    profiles: {},
    profileState: {},
    attributeDefinitions: null,
    alerts: [],
    alertNotices: [],
    recoveries: {},
    recoveryState: {},
  };
}

let state = initialState();
const listeners = new Set<() => void>();

export function getState(): AppState {
  return state;
}

/** Applies a change and tells every subscribed component. */
export function setState(change: Partial<AppState> | ((current: AppState) => Partial<AppState>)): void {
  const patch = typeof change === 'function' ? change(state) : change;
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Forgets everything (sign-out), keeping only what belongs to the browser rather than the agent. */
export function resetState(): void {
  setState({ ...initialState(), sessionChecked: true, focused: state.focused });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads a slice of the state; the selector must return something already in the state (no new objects). */
export function useStore<T>(selector: (s: AppState) => T): T {
  return useSyncExternalStore(subscribe, () => selector(state));
}

/** The signed-in agent's id (empty before sign-in). */
export function meId(s: AppState = state): string {
  return s.session?.agent.id ?? '';
}

const NO_TEAMS: readonly string[] = [];

/** The signed-in agent as inbox logic sees them (id and teams). */
export function viewerOf(s: AppState = state): Viewer {
  return { id: meId(s), teamIds: s.session?.agent.teamIds ?? NO_TEAMS };
}

/** The signed-in viewer, stable between renders while id and teams stay the same. */
export function useViewer(): Viewer {
  const id = useStore((s) => meId(s));
  const teamIds = useStore((s) => s.session?.agent.teamIds ?? NO_TEAMS);
  return useMemo(() => ({ id, teamIds }), [id, teamIds]);
}
