import type { ServerFrame } from '@warmline/shared';
import type { WebSocket } from 'ws';
import type { Actor } from '../commands/context.ts';

export interface Connection {
  actor: Actor;
  send(frame: ServerFrame): void;
}

interface Live extends Connection {
  socket: WebSocket;
  alive: boolean;
}

/** The sockets on this node, indexed the way deliveries look them up. */
export class Connections {
  private agentsByWorkspace = new Map<string, Set<Live>>();
  private visitorsByCustomer = new Map<string, Set<Live>>();
  private visitorsByWorkspace = new Map<string, Set<Live>>();

  add(socket: WebSocket, actor: Actor): Connection {
    const conn: Live = {
      actor,
      socket,
      alive: true,
      send(frame) {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      },
    };
    socket.on('pong', () => {
      conn.alive = true;
    });
    if (actor.kind === 'agent') addTo(this.agentsByWorkspace, actor.workspaceId, conn);
    else {
      addTo(this.visitorsByCustomer, actor.customerId, conn);
      addTo(this.visitorsByWorkspace, actor.workspaceId, conn);
    }
    return conn;
  }

  remove(conn: Connection): void {
    const live = conn as Live;
    if (live.actor.kind === 'agent') removeFrom(this.agentsByWorkspace, live.actor.workspaceId, live);
    else {
      removeFrom(this.visitorsByCustomer, live.actor.customerId, live);
      removeFrom(this.visitorsByWorkspace, live.actor.workspaceId, live);
    }
  }

  toAgents(workspaceId: string, frame: ServerFrame): void {
    const set = this.agentsByWorkspace.get(workspaceId);
    if (!set) return;
    const data = JSON.stringify(frame);
    for (const c of set) if (c.socket.readyState === c.socket.OPEN) c.socket.send(data);
  }

  /** Only sockets of this customer in this workspace: a visitor never receives another's events. */
  toVisitor(workspaceId: string, customerId: string, frame: ServerFrame): void {
    const set = this.visitorsByCustomer.get(customerId);
    if (!set) return;
    const data = JSON.stringify(frame);
    for (const c of set) if (c.actor.workspaceId === workspaceId && c.socket.readyState === c.socket.OPEN) c.socket.send(data);
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

  /** Terminates sockets that did not answer the last ping. */
  heartbeat(): void {
    for (const index of [this.agentsByWorkspace, this.visitorsByCustomer]) {
      for (const set of index.values()) {
        for (const c of set) {
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
