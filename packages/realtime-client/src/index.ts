export { AGENT_JITTER, BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay, type Jitter, VISITOR_JITTER } from './backoff.ts';
export { CallMedia } from './callMedia.ts';
export { type OutboxLike, RealtimeClient, type RealtimeClientOptions } from './client.ts';
export { newClientId } from './clientId.ts';
export { type Clock, realClock } from './clock.ts';
export { browserKV, type KV, memoryKV, readJSON } from './kv.ts';
export { completeUpTo, lastCustomerSeq, lastSeqOf, leavesGap, mergeEntries, ResumeMarks } from './merge.ts';
export {
  awaitingAck,
  markFailed,
  memoryStore,
  Outbox,
  type OutboxMessage,
  type OutboxOptions,
  type OutboxStore,
  retry,
  type SendError,
  settle,
} from './outbox.ts';
export {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_UNAUTHENTICATED,
  Connection,
  type ConnectionHandlers,
  type ConnectionOptions,
  type LinkState,
  PING_MS,
  SILENCE_MS,
  type SocketLike,
} from './socket.ts';
export { type StoredMessage, storedOutbox } from './storedOutbox.ts';
export { Timeline } from './timeline.ts';
