import { AGENT_JITTER, type LinkState, RealtimeClient } from '@warmline/realtime-client';
import type { Conversation, Entry, ServerFrame } from '@warmline/shared/types';
import { navigate, paths } from '../router.tsx';
import { loadAlerts, receiveAlert } from './alertActions.ts';
import { chime, notify } from './alerts.ts';
import { callActionFailed, loadLiveCalls, receiveCall, receiveCallSignal } from './calls.ts';
import { attachSocket } from './connection.ts';
import { consultFailed, consultFollows, consultLost, receiveConsult, receiveConsultSignal } from './consult.ts';
import {
  acknowledge,
  applyDelivery,
  customerRead,
  customerTyping,
  forgetReadPositions,
  openConversation,
  outbox,
  receiveEntry,
  resumeFinished,
  resumePositions,
} from './conversationActions.ts';
import { customerName } from './customerName.ts';
import { startedWaiting } from './inbox.ts';
import { loadInbox, upsertConversation } from './inboxActions.ts';
import { storeLineMoved } from './locations.ts';
import { startPhoneLine } from './phoneLine.ts';
import { type ConnectionState, getState, setState, viewerOf } from './store.ts';
import { overviewMayHaveChanged } from './supervisorActions.ts';
import { applyPresence } from './teamActions.ts';
import { firstName, transferArrived } from './transfer.ts';

let socket: RealtimeClient | null = null;

/** What the sidebar says: the first connect is "connecting", every later one "reconnecting" until `ready`. */
export function connectionState(before: ConnectionState, link: LinkState): ConnectionState {
  if (link === 'online') return 'open';
  if (link === 'idle') return 'idle';
  if (link === 'offline') return 'reconnecting';
  return before === 'idle' || before === 'connecting' ? 'connecting' : 'reconnecting';
}

const agentSocketUrl = () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/agent`;

/** The browser says the network is back: skip the remaining backoff. */
const reconnectNow = () => socket?.reconnect();

/** Opens the agent socket for the signed-in agent (idempotent). */
export function startRealtime(onSignedOut: () => void): void {
  if (socket) return;
  socket = new RealtimeClient({
    url: agentSocketUrl,
    outbox,
    resumeFrom: resumePositions,
    resumed: resumeFinished,
    frame: handleFrame,
    state: (link) => setState((s) => ({ connection: connectionState(s.connection, link) })),
    unauthenticated: onSignedOut,
    jitter: AGENT_JITTER,
  });
  attachSocket(socket);
  window.addEventListener('online', reconnectNow);
  socket.start();
}

export function stopRealtime(): void {
  window.removeEventListener('online', reconnectNow);
  socket?.stop();
  socket = null;
  attachSocket(null);
}

function handleFrame(frame: ServerFrame): void {
  switch (frame.type) {
    case 'ready':
      onReady();
      break;
    case 'entry':
      onEntry(frame.entry);
      break;
    case 'ack':
      acknowledge(frame.clientId, frame.entry);
      break;
    case 'delivery':
      applyDelivery(frame.conversationId, frame.seq, frame.delivery);
      break;
    case 'conversation':
      onConversation(frame.conversation);
      overviewMayHaveChanged();
      break;
    case 'typing':
      if (frame.by.kind === 'customer') customerTyping(frame.conversationId, frame.typing);
      break;
    case 'read':
      if (frame.by === 'customer') customerRead(frame.conversationId, frame.seq);
      break;
    case 'presence':
      applyPresence(frame.agentId, frame.presence);
      overviewMayHaveChanged();
      break;
    case 'alert':
      receiveAlert(frame.alert);
      overviewMayHaveChanged();
      break;
    case 'store':
      storeLineMoved(frame.locationId);
      break;
    case 'call':
      receiveCall(frame);
      consultFollows(frame.call);
      break;
    case 'call.signal':
      if (frame.leg === 'consult') receiveConsultSignal(frame);
      else receiveCallSignal(frame);
      break;
    case 'call.consult':
      receiveConsult(frame);
      break;
    case 'error':
      if (!frame.clientId) {
        callActionFailed(frame.error.message);
        consultFailed(frame.error.message);
      }
      break;
    default:
      break;
  }
}

/** After every (re)connect (the client has already resumed held timelines and resent the outbox): re-read the inbox. */
function onReady(): void {
  forgetReadPositions();
  loadInbox();
  loadAlerts();
  consultLost();
  void loadLiveCalls();
  void startPhoneLine();
  const openId = getState().openConversationId;
  if (openId) openConversation(openId);
}

function onEntry(entry: Entry): void {
  receiveEntry(entry);
  if (entry.kind !== 'message' || entry.direction !== 'in') return;
  const s = getState();
  const inView = s.openConversationId === entry.conversationId && s.focused && document.visibilityState === 'visible';
  if (inView) return;
  setState((now) => ({ unread: { ...now.unread, [entry.conversationId]: true } }));
  chime();
  const name = customerName(s.conversations[entry.conversationId]);
  notify(`${name} wrote`, entry.body, `warmline-${entry.conversationId}`, () =>
    navigate(paths.conversation(entry.conversationId)),
  );
}

function onConversation(conversation: Conversation): void {
  const before = upsertConversation(conversation);
  if (transferArrived(before, conversation, viewerOf())) {
    const t = conversation.pendingTransfer!;
    chime();
    notify(
      `${firstName(t.from.displayName)} is handing ${customerName(conversation)} to you`,
      t.note,
      `warmline-${conversation.id}`,
      () => navigate(paths.conversation(conversation.id)),
    );
    return;
  }
  if (!startedWaiting(before, conversation)) return;
  chime();
  const preview = conversation.lastMessage?.body ?? 'Someone is waiting for a person.';
  notify(`${customerName(conversation)} is waiting`, preview, `warmline-${conversation.id}`, () =>
    navigate(paths.conversation(conversation.id)),
  );
}
