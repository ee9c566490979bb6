import type { Conversation, Entry, ServerFrame } from '@warmline/shared';
import { AgentSocket } from '../api/socket.ts';
import { navigate, paths } from '../router.tsx';
import { loadAlerts, receiveAlert } from './alertActions.ts';
import { chime, notify } from './alerts.ts';
import { attachSocket, sendFrame } from './connection.ts';
import {
  acknowledge,
  customerRead,
  customerTyping,
  forgetReadPositions,
  messageRefused,
  openConversation,
  receiveEntry,
  resendOutbox,
  resumeFinished,
  resumePositions,
} from './conversationActions.ts';
import { customerName } from './customerName.ts';
import { startedWaiting } from './inbox.ts';
import { loadInbox, upsertConversation } from './inboxActions.ts';
import { getState, setState, viewerOf } from './store.ts';
import { overviewMayHaveChanged } from './supervisorActions.ts';
import { applyPresence } from './teamActions.ts';
import { firstName, transferArrived } from './transfer.ts';

let socket: AgentSocket | null = null;

/** Opens the agent socket for the signed-in agent (idempotent). */
export function startRealtime(onSignedOut: () => void): void {
  if (socket) return;
  socket = new AgentSocket({
    onFrame: handleFrame,
    onStatus: (connection) => setState({ connection }),
    onUnauthenticated: onSignedOut,
  });
  attachSocket(socket);
  socket.start();
}

export function stopRealtime(): void {
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
    case 'resumed':
      resumeFinished();
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
    case 'error':
      if (frame.clientId) messageRefused(frame.clientId, frame.error);
      break;
    default:
      break;
  }
}

/** After every (re)connect: re-read the inbox, catch up held timelines, resend what was never acknowledged. */
function onReady(): void {
  forgetReadPositions();
  loadInbox();
  loadAlerts();
  sendFrame({ type: 'resume', conversations: resumePositions() });
  resendOutbox();
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
