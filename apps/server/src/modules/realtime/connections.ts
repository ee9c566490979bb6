import type { Duplex } from 'node:stream';
import { type AgentRole, CloseCode, type ServerFrame } from '@warmline/shared';
import type { WebSocket } from 'ws';
import type { Actor, AgentActor } from '../../core/context.ts';
import { newSocketId } from '../../core/nodes/registry.ts';

/** WebSocket close code 1013 ("try again later"): a dependency is down; clients reconnect with backoff. */
export const TRY_AGAIN_LATER = 1013;

/** The agent session a socket was opened with: it may act only while that session stands. */
export interface SocketSession {
  id: string;
  expiresAt: Date;
}

export interface Connection {
  /**
   * This socket's own id, naming its node: a call's signalling is addressed to one socket, on whichever node holds
   * it, and a call bound to a socket of a node that died is let go (core/nodes/registry.ts).
   */
  readonly id: string;
  /** Who the socket acts for; an agent's role is refreshed when their access changes. */
  actor: Actor;
  readonly session: SocketSession | null;
  send(frame: ServerFrame): void;
  /**
   * This socket's message was stored and acknowledged with its entry: the entry's fan-out skips this socket (it
   * has it already), which halves what a writing visitor is sent. Other sockets of the same person still get it.
   */
  acknowledged(clientId: string): void;
}

interface Live extends Connection {
  socket: WebSocket;
  alive: boolean;
  /** clientIds acknowledged here whose fan-out has not come by yet (a few at most; bounded). */
  echoes: Set<string>;
  /** Frames waiting while this agent's access is re-checked (null when none is under way). */
  held: Array<{ frame: ServerFrame; data: string; allowed: ((actor: AgentActor) => boolean) | null }> | null;
  /** Re-checks under way, and how many were started: the latest one decides. */
  checking: number;
  checks: number;
}

/** A re-check that keeps more frames waiting than this is taking too long: the client reconnects instead. */
const MAX_HELD = 1000;

/** More unmatched acknowledgements than this means their fan-out was lost: forget the oldest. */
const MAX_ECHOES = 64;

/** True when `frame` is the entry this socket was acknowledged for (and forgets it: it comes once). */
function isOwnEcho(c: Live, frame: ServerFrame): boolean {
  if (frame.type !== 'entry' || !frame.entry.clientId || !c.echoes.size) return false;
  return c.echoes.delete(frame.entry.clientId);
}

/** The sockets on this node, indexed the way deliveries look them up. */
export class Connections {
  constructor(private readonly nodeId: string) {}

  private agentsByWorkspace = new Map<string, Set<Live>>();
  private visitorsByCustomer = new Map<string, Set<Live>>();
  private visitorsByWorkspace = new Map<string, Set<Live>>();
  private byId = new Map<string, Live>();

  add(socket: WebSocket, actor: Actor, session: SocketSession | null = null): Connection {
    const conn: Live = {
      id: newSocketId(this.nodeId),
      actor,
      session,
      socket,
      alive: true,
      echoes: new Set(),
      held: null,
      checking: 0,
      checks: 0,
      send(frame) {
        if (socket.readyState === socket.OPEN) sendCorked(socket, JSON.stringify(frame));
      },
      acknowledged(clientId) {
        conn.echoes.add(clientId);
        if (conn.echoes.size > MAX_ECHOES) conn.echoes.delete(conn.echoes.values().next().value!);
      },
    };
    socket.on('pong', () => {
      conn.alive = true;
    });
    this.byId.set(conn.id, conn);
    if (actor.kind === 'agent') addTo(this.agentsByWorkspace, actor.workspaceId, conn);
    else {
      addTo(this.visitorsByCustomer, actor.customerId, conn);
      addTo(this.visitorsByWorkspace, actor.workspaceId, conn);
    }
    return conn;
  }

  remove(conn: Connection): void {
    const live = conn as Live;
    this.byId.delete(live.id);
    if (live.actor.kind === 'agent') removeFrom(this.agentsByWorkspace, live.actor.workspaceId, live);
    else {
      removeFrom(this.visitorsByCustomer, live.actor.customerId, live);
      removeFrom(this.visitorsByWorkspace, live.actor.workspaceId, live);
    }
  }

  /** Every agent socket of the workspace, or only those `allowed` (restricted teams). */
  toAgents(workspaceId: string, frame: ServerFrame, allowed?: ((actor: AgentActor) => boolean) | null): void {
    const set = this.agentsByWorkspace.get(workspaceId);
    if (!set) return;
    const data = JSON.stringify(frame);
    for (const c of set) {
      if (c.held) hold(c, { frame, data, allowed: allowed ?? null });
      else if (allowed && !allowed(c.actor as AgentActor)) continue;
      else if (!isOwnEcho(c, frame) && c.socket.readyState === c.socket.OPEN) sendCorked(c.socket, data);
    }
  }

  /** Only the sockets of these agents (a call's people). */
  toNamedAgents(workspaceId: string, agentIds: readonly string[], frame: ServerFrame): void {
    if (!agentIds.length) return;
    this.toAgents(workspaceId, frame, (a) => agentIds.includes(a.agentId));
  }

  /** One socket of this workspace, if it is on this node. */
  toSocket(workspaceId: string, id: string, frame: ServerFrame): void {
    const c = this.byId.get(id);
    if (!c || c.actor.workspaceId !== workspaceId || c.socket.readyState !== c.socket.OPEN) return;
    sendCorked(c.socket, JSON.stringify(frame));
  }

  /**
   * Re-checks every socket of this agent on this node: `check` answers their role now, or null when the session
   * has ended. Frames for them wait meanwhile, so none goes out under a role or a session they no longer have.
   * A socket whose session ended is closed as unauthenticated (its client signs in again); the others take
   * their new role and then the frames that waited, as that role may see them.
   */
  async recheckAgent(workspaceId: string, agentId: string, check: (sessionId: string) => Promise<AgentRole | null>) {
    const theirs = [...(this.agentsByWorkspace.get(workspaceId) ?? [])].filter(
      (c) => c.actor.kind === 'agent' && c.actor.agentId === agentId,
    );
    await Promise.all(
      theirs.map(async (c) => {
        const ticket = ++c.checks;
        c.held ??= [];
        c.checking++;
        try {
          const role = c.session ? await check(c.session.id) : null;
          if (ticket !== c.checks) return;
          if (role) c.actor = { ...(c.actor as AgentActor), role };
          else this.endSession(c);
        } catch {
          // Not knowing is not trusting: the client reconnects and is authenticated afresh.
          c.held = null;
          c.socket.close(TRY_AGAIN_LATER, 'Could not confirm your session: reconnect shortly');
        } finally {
          if (--c.checking === 0) release(c);
        }
      }),
    );
  }

  /** Closes a socket whose agent session has ended: its client goes to sign-in. */
  endSession(conn: Connection): void {
    const live = conn as Live;
    live.held = null;
    live.socket.close(CloseCode.unauthenticated, 'Your session has ended: sign in again');
  }

  hasAgents(workspaceId: string): boolean {
    return (this.agentsByWorkspace.get(workspaceId)?.size ?? 0) > 0;
  }

  /** Only sockets of this customer in this workspace: a visitor never receives another's events. */
  toVisitor(workspaceId: string, customerId: string, frame: ServerFrame): void {
    const set = this.visitorsByCustomer.get(customerId);
    if (!set) return;
    const data = JSON.stringify(frame);
    for (const c of set) {
      if (c.actor.workspaceId !== workspaceId || isOwnEcho(c, frame)) continue;
      if (c.socket.readyState === c.socket.OPEN) sendCorked(c.socket, data);
    }
  }

  /** Closes every socket of this customer in this workspace (their access ended). */
  closeVisitor(workspaceId: string, customerId: string, code: number, reason: string): void {
    for (const c of [...(this.visitorsByCustomer.get(customerId) ?? [])]) {
      if (c.actor.workspaceId === workspaceId) c.socket.close(code, reason);
    }
  }

  /** How many sockets this agent has open on this node. */
  agentSockets(workspaceId: string, agentId: string): number {
    let n = 0;
    for (const c of this.agentsByWorkspace.get(workspaceId) ?? [])
      if (c.actor.kind === 'agent' && c.actor.agentId === agentId) n++;
    return n;
  }

  /** The distinct customers with a socket open in this workspace. */
  customersOf(workspaceId: string): string[] {
    const ids = new Set<string>();
    for (const c of this.visitorsByWorkspace.get(workspaceId) ?? []) if (c.actor.kind === 'visitor') ids.add(c.actor.customerId);
    return [...ids];
  }

  count(): { agents: number; visitors: number } {
    let agents = 0;
    let visitors = 0;
    for (const s of this.agentsByWorkspace.values()) agents += s.size;
    for (const s of this.visitorsByCustomer.values()) visitors += s.size;
    return { agents, visitors };
  }

  /**
   * Terminates sockets that did not answer the last ping, and closes those whose agent session has expired by `now`
   * (milliseconds, from the application's clock: Services.now).
   */
  heartbeat(now: number): void {
    for (const index of [this.agentsByWorkspace, this.visitorsByCustomer]) {
      for (const set of index.values()) {
        for (const c of set) {
          if (c.session && c.session.expiresAt.getTime() <= now) {
            this.endSession(c);
            continue;
          }
          if (!c.alive) {
            c.socket.terminate();
            continue;
          }
          c.alive = false;
          c.socket.ping();
        }
      }
    }
  }

  closeAll(code: number, reason: string): void {
    for (const index of [this.agentsByWorkspace, this.visitorsByCustomer]) {
      for (const set of index.values()) for (const c of set) c.socket.close(code, reason);
    }
  }
}

/** Sockets holding frames until this tick ends. */
const corked = new Set<Duplex>();

function uncorkAll() {
  for (const stream of corked) stream.uncork();
  corked.clear();
}

/**
 * Sends a frame, holding the socket's writes until the end of this tick: a batch of messages reaches each socket in
 * one system call instead of one per frame (an entry, its conversation's change and an acknowledgement often go
 * together). The order of frames on a socket is unchanged.
 */
function sendCorked(socket: WebSocket, data: string) {
  // ws keeps the TCP stream as `_socket`; without one (a test double), it sends as usual.
  const stream = (socket as unknown as { _socket?: Duplex })._socket;
  if (stream && !corked.has(stream)) {
    stream.cork();
    corked.add(stream);
    if (corked.size === 1) process.nextTick(uncorkAll);
  }
  socket.send(data);
}

function hold(c: Live, waiting: NonNullable<Live['held']>[number]) {
  c.held!.push(waiting);
  if (c.held!.length <= MAX_HELD) return;
  c.held = null;
  c.socket.close(TRY_AGAIN_LATER, 'Could not confirm your session in time: reconnect shortly');
}

/** Sends what waited during a re-check, as the socket's (possibly new) role may see it. */
function release(c: Live) {
  const held = c.held;
  c.held = null;
  if (!held) return;
  for (const { frame, data, allowed } of held) {
    if (allowed && !allowed(c.actor as AgentActor)) continue;
    if (!isOwnEcho(c, frame) && c.socket.readyState === c.socket.OPEN) sendCorked(c.socket, data);
  }
}

function addTo(map: Map<string, Set<Live>>, key: string, conn: Live) {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(conn);
}

function removeFrom(map: Map<string, Set<Live>>, key: string, conn: Live) {
  const set = map.get(key);
  if (!set) return;
  set.delete(conn);
  if (set.size === 0) map.delete(key);
}
