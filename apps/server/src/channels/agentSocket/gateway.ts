import { ClientFrame, CloseCode, type ServerFrame } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Actor, Services } from '../../core/context.ts';
import { NotFound, Unavailable } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { onlyStorableText } from '../../core/http/storableText.ts';
import type { GatewayMetrics } from '../../core/metrics.ts';
import { replyFor } from '../../core/replies.ts';
import {
  currentSession,
  isOwnOrigin,
  mayEmbed,
  SESSION_COOKIE,
  sessionStanding,
  visitorFromToken,
} from '../../modules/auth/index.ts';
import {
  appendMessage,
  conversationFor,
  conversations,
  entries,
  forCustomer,
  markRead,
  signalTyping,
} from '../../modules/conversations/index.ts';
import {
  type AgentsOnline,
  type Connection,
  Connections,
  deliveryFor,
  singleNode,
  TeamVisibility,
  TRY_AGAIN_LATER,
} from '../../modules/realtime/index.ts';
import { estimateFor, waitContext } from '../../modules/routing/index.ts';
import { markAwayIfStillGone } from '../../modules/teams/index.ts';
import { workspaces } from '../../modules/workspaces/index.ts';
import { endCallsOf, isCallFrame, onCallFrame } from './callFrames.ts';

const MAX_RESUME_CONVERSATIONS = 100;
const RESUME_PAGE = 500;

/**
 * The WebSocket transport: authenticates sockets, turns frames into commands, and delivers bus events to the
 * sockets allowed to see them (recipients.ts). It keeps no state that the database does not also hold.
 */
export function realtimeGateway(
  app: FastifyInstance,
  services: Services,
  limiter: RateLimiter,
  metrics: GatewayMetrics,
  nodeId: string,
  online: AgentsOnline = singleNode,
): { connections: Connections; interrupted(): void; close(): Promise<void> } {
  const connections = new Connections(nodeId);
  let waitTimers = new Map<string, NodeJS.Timeout>();

  const visibility = new TeamVisibility(services.db);
  // Frames of a workspace with restricted teams wait for a lookup; a chain per workspace keeps their order.
  const pending = new Map<string, Promise<void>>();
  function deliverToAgents(workspaceId: string, frame: ServerFrame) {
    if (!connections.hasAgents(workspaceId)) return;
    if (!pending.has(workspaceId) && visibility.isOpen(workspaceId)) {
      if (frame.type === 'conversation') visibility.sawTeam(frame.conversation.id, frame.conversation.team?.id ?? null);
      return connections.toAgents(workspaceId, frame);
    }
    const chain = (pending.get(workspaceId) ?? Promise.resolve())
      .then(async () => connections.toAgents(workspaceId, frame, await visibility.audience(workspaceId, frame)))
      .catch((err) => services.log.warn({ err }, 'realtime delivery to agents failed; they catch up on resume'));
    pending.set(workspaceId, chain);
    void chain.then(() => {
      if (pending.get(workspaceId) === chain) pending.delete(workspaceId);
    });
  }

  const unsubscribe = services.bus.subscribe((event) => {
    if (event.type === 'teams.changed') visibility.forget(event.workspaceId);
    if (event.type === 'customer.access_revoked') {
      connections.closeVisitor(event.workspaceId, event.customerId, CloseCode.unauthenticated, 'This visitor session has ended');
    }
    if (event.type === 'agent.access_changed') recheckAgent(event.workspaceId, event.agentId);
    const delivery = deliveryFor(event);
    if (delivery.agents && delivery.agentsOnly) {
      const { supervisorsAnd } = delivery.agentsOnly;
      connections.toAgents(delivery.workspaceId, delivery.agents, (a) => a.role !== 'agent' || a.agentId === supervisorsAnd);
    } else if (delivery.agents) deliverToAgents(delivery.workspaceId, delivery.agents);
    if (delivery.visitor) connections.toVisitor(delivery.workspaceId, delivery.visitor.customerId, delivery.visitor.frame);
    if (delivery.named) connections.toNamedAgents(delivery.workspaceId, delivery.named.agentIds, delivery.named.frame);
    if (delivery.socket) connections.toSocket(delivery.workspaceId, delivery.socket.id, delivery.socket.frame);
    if (delivery.refreshWaits) scheduleWaitRefresh(delivery.workspaceId);
  });

  /** Signed out, removed, or a new role or team: this agent's sockets here close or take what they may see now. */
  function recheckAgent(workspaceId: string, agentId: string) {
    // What a restricted team shows them is read again for their next frame.
    visibility.forget(workspaceId);
    void connections.recheckAgent(workspaceId, agentId, (sessionId) => sessionStanding(services, workspaceId, sessionId));
  }

  /**
   * An agent's socket acts only while its session stands, with the role they have now: a sign-out or a new role
   * reaches this node on the bus a moment later, or not at all while the bus is cut off.
   */
  async function stillSignedIn(conn: Connection): Promise<boolean> {
    const { actor, session } = conn;
    if (actor.kind !== 'agent' || !session) return true;
    const role = await sessionStanding(services, actor.workspaceId, session.id);
    if (!role) {
      connections.endSession(conn);
      return false;
    }
    if (role !== actor.role) conn.actor = { ...actor, role };
    return true;
  }

  /** Queue changes come in bursts: recompute each waiting visitor's estimate at most twice a second. */
  function scheduleWaitRefresh(workspaceId: string) {
    if (waitTimers.has(workspaceId)) return;
    const timer = setTimeout(async () => {
      waitTimers.delete(workspaceId);
      const customers = connections.customersOf(workspaceId);
      if (!customers.length) return;
      const ctx = await waitContext(services.db, workspaceId, services.now()).catch(() => null);
      for (const customerId of customers) {
        try {
          const conversation = ctx && (await conversations.latestForCustomer(services.db, workspaceId, customerId));
          if (!ctx) break;
          const wait = await estimateFor(services.db, ctx, conversation || null);
          connections.toVisitor(workspaceId, customerId, { type: 'wait', wait });
        } catch (err) {
          services.log.debug({ err }, 'wait refresh failed');
        }
      }
    }, 500);
    timer.unref();
    waitTimers.set(workspaceId, timer);
  }

  const awayTimers = new Map<string, NodeJS.Timeout>();
  /**
   * An agent whose last connection dropped, and who did not come back within the grace time on this node or any
   * other, is set away.
   */
  async function awayAfterGrace(workspaceId: string, agentId: string) {
    if (connections.agentSockets(workspaceId, agentId) > 0 || awayTimers.has(agentId)) return;
    const workspace = await workspaces.byId(services.db, workspaceId).catch(() => null);
    const timer = setTimeout(
      async () => {
        awayTimers.delete(agentId);
        if (connections.agentSockets(workspaceId, agentId) > 0) return;
        if (await online.elsewhere(workspaceId, agentId)) return;
        markAwayIfStillGone(services, workspaceId, agentId).catch((err) =>
          services.log.warn({ err }, 'could not set agent away'),
        );
      },
      (workspace?.presenceGraceSeconds ?? 60) * 1000,
    );
    timer.unref();
    awayTimers.set(agentId, timer);
  }

  const wsOptions = { websocket: true } as const;
  app.get('/ws/visitor', wsOptions, async (socket, request) => {
    const pending = bufferFrames(socket);
    const query = request.query as { token?: string };
    let actor: Actor;
    try {
      actor = await visitorFromToken(services, query.token ?? '');
    } catch (err) {
      if (err instanceof Unavailable) return tryAgainLater(socket);
      return socket.close(CloseCode.unauthenticated, 'Invalid or expired visitor token');
    }
    const workspace = await workspaces.byId(services.db, actor.workspaceId).catch(unlessUnavailable);
    if (workspace === undefined) return tryAgainLater(socket);
    if (workspace && !mayEmbed(services, request, workspace)) {
      return socket.close(CloseCode.forbiddenOrigin, `Origin ${request.headers.origin} may not embed this workspace's widget`);
    }
    serve(socket, actor, 'visitor', pending);
  });

  app.get('/ws/agent', wsOptions, async (socket, request) => {
    const pending = bufferFrames(socket);
    if (!isOwnOrigin(services, request)) return socket.close(CloseCode.forbiddenOrigin, 'Origin not allowed');
    const token = request.cookies[SESSION_COOKIE];
    const current = token ? await currentSession(services, token).catch(unlessUnavailable) : null;
    if (current === undefined) return tryAgainLater(socket);
    if (!current) return socket.close(CloseCode.unauthenticated, 'Sign in first');
    const { agent, session } = current;
    const actor: Actor = { kind: 'agent', workspaceId: agent.workspaceId, agentId: agent.id, role: agent.role };
    serve(socket, actor, 'agent', pending, { id: session.id, expiresAt: session.expiresAt });
  });

  function serve(
    socket: WebSocket,
    actor: Actor,
    kind: 'agent' | 'visitor',
    pending: { take(): string[]; stop(): void },
    session: { id: string; expiresAt: Date } | null = null,
  ) {
    const conn = connections.add(socket, actor, session);
    metrics.connections(kind, 1);
    if (actor.kind === 'agent') online.here(actor.workspaceId, actor.agentId, true);
    let chain = Promise.resolve();
    const handle = (raw: string) => {
      // One frame at a time per socket: a client's messages are stored in the order it sent them.
      chain = chain.then(() => onFrame(conn, socket, raw)).catch((err) => services.log.error({ err }, 'frame handling failed'));
      track(chain);
    };
    socket.on('message', (data) => handle(String(data)));
    socket.on('close', () => {
      connections.remove(conn);
      endCallsOf(services, conn);
      metrics.connections(kind, -1);
      if (actor.kind !== 'agent' || connections.agentSockets(actor.workspaceId, actor.agentId) > 0) return;
      online.here(actor.workspaceId, actor.agentId, false);
      void awayAfterGrace(actor.workspaceId, actor.agentId);
    });
    conn.send({ type: 'ready', role: kind });
    pending.stop();
    for (const raw of pending.take()) handle(raw);
  }

  async function onFrame(conn: Connection, socket: WebSocket, raw: string) {
    let frame: ClientFrame;
    try {
      const parsed = onlyStorableText(ClientFrame).safeParse(JSON.parse(raw));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const clientId = (JSON.parse(raw) as { clientId?: unknown }).clientId;
        return conn.send({
          type: 'error',
          ...(typeof clientId === 'string' ? { clientId } : {}),
          error: { code: 'invalid', message: `${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'not a known frame'}` },
        });
      }
      frame = parsed.data;
    } catch {
      return conn.send({ type: 'error', error: { code: 'invalid', message: 'Frames must be JSON objects.' } });
    }
    metrics.frame(frame.type);
    const clientId = frame.type === 'send' ? frame.clientId : undefined;
    try {
      await dispatch(conn, frame);
    } catch (err) {
      // A catch-up cut short would leave a hole in the client's timeline: it reconnects and resumes again.
      if (err instanceof Unavailable && frame.type === 'resume') return tryAgainLater(socket);
      const answer = replyFor(err);
      if (answer.unexpected) services.log.error({ err }, 'frame failed');
      conn.send({ type: 'error', ...(clientId ? { clientId } : {}), error: answer.error });
    }
  }

  async function dispatch(conn: Connection, frame: ClientFrame) {
    // A keepalive acts on nothing and says nothing: it is answered without a look at the session.
    if (frame.type !== 'ping' && !(await stillSignedIn(conn))) return;
    const { actor } = conn;
    if (isCallFrame(frame)) return onCallFrame(services, limiter, conn, frame);
    switch (frame.type) {
      case 'ping':
        return conn.send({ type: 'pong' });
      case 'send': {
        const who = actor.kind === 'visitor' ? actor.customerId : actor.agentId;
        await limiter.hit(`send:${who}`, services.config.messagesPerMinute, 60);
        const { entry, created } = await appendMessage(services, actor, frame);
        const shown = actor.kind === 'visitor' ? forCustomer(entry) : entry;
        // The entry comes with the acknowledgement; its fan-out (only for a new one) need not come here again.
        if (created) conn.acknowledged(frame.clientId);
        return conn.send({
          type: 'ack',
          clientId: frame.clientId,
          conversationId: entry.conversationId,
          seq: entry.seq,
          entry: shown,
        });
      }
      case 'typing':
        return signalTyping(services, actor, frame);
      case 'read':
        return markRead(services, actor, frame);
      case 'resume':
        return resume(conn, frame.conversations);
    }
  }

  /** Sends everything after the client's last seq, from the database, then `resumed`. */
  async function resume(conn: Connection, held: Record<string, number>) {
    const audience = conn.actor.kind === 'visitor' ? 'visitor' : 'agent';
    for (const [conversationId, lastSeq] of Object.entries(held).slice(0, MAX_RESUME_CONVERSATIONS)) {
      try {
        await conversationFor(services.db, conn.actor, conversationId);
      } catch (err) {
        if (!(err instanceof NotFound)) throw err;
        conn.send({ type: 'error', error: { code: 'not_found', message: `Conversation ${conversationId} not found.` } });
        continue;
      }
      let after = lastSeq;
      for (;;) {
        const page = await entries.after(services.db, conn.actor.workspaceId, conversationId, {
          afterSeq: after,
          limit: RESUME_PAGE,
          audience,
        });
        for (const entry of page) conn.send({ type: 'entry', entry: audience === 'visitor' ? forCustomer(entry) : entry });
        if (page.length < RESUME_PAGE) break;
        after = page.at(-1)!.seq;
      }
    }
    conn.send({ type: 'resumed' });
  }

  const heartbeat = setInterval(() => connections.heartbeat(services.now().getTime()), 30_000);
  heartbeat.unref();

  // Fan-out was cut off and is back: events of that time never reached these sockets. Reconnecting makes
  // every client resume from the database (the same path as after a restart).
  function interrupted() {
    visibility.forgetAll();
    connections.closeAll(CloseCode.shuttingDown, 'Live updates were interrupted: reconnect to catch up');
  }
  const unsubscribeGaps = services.bus.onGap(interrupted);

  /** Frames being handled now, so a shutdown can let their writes finish. */
  const inFlight = new Set<Promise<void>>();
  function track(chain: Promise<void>) {
    inFlight.add(chain);
    void chain.finally(() => inFlight.delete(chain));
  }

  return {
    connections,
    /**
     * Every client here reconnects and resumes from the database: live delivery was cut off, or this node was taken
     * for dead and what its sockets carried was let go (their calls wait for a resume).
     */
    interrupted,
    /**
     * Shutdown: asks every client to reconnect (to another node, with their own jitter), then waits for frames
     * already being handled, so what they write is committed. Their acknowledgements may not reach a closing
     * socket; clients resend those with the same clientId and get the stored entry back.
     */
    async close(waitMs = 10_000) {
      unsubscribe();
      unsubscribeGaps();
      clearInterval(heartbeat);
      for (const t of waitTimers.values()) clearTimeout(t);
      for (const t of awayTimers.values()) clearTimeout(t);
      waitTimers = new Map();
      connections.closeAll(CloseCode.shuttingDown, 'Server restarting');
      // These agents are reconnecting through other nodes: this one no longer vouches for them.
      await online.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

function tryAgainLater(socket: WebSocket) {
  socket.close(TRY_AGAIN_LATER, 'The database is unreachable: reconnect shortly');
}

/** For `.catch`: a lost database becomes `undefined` (the caller asks the client to come back), anything else rethrows. */
function unlessUnavailable(err: unknown): undefined {
  if (err instanceof Unavailable) return undefined;
  throw err;
}

/** Frames can arrive while the socket is still being authenticated; keep them until it is served. */
function bufferFrames(socket: WebSocket) {
  let frames: string[] = [];
  const onMessage = (data: unknown) => frames.push(String(data));
  socket.on('message', onMessage);
  return {
    take: () => {
      const taken = frames;
      frames = [];
      return taken;
    },
    stop: () => socket.off('message', onMessage),
  };
}

export type { ServerFrame };
