import type { AgentRole, ServerFrame } from '@warmline/shared';
import { CloseCode } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { AgentActor } from '../../core/context.ts';
import { Connections, TRY_AGAIN_LATER } from './connections.ts';

/** A socket double: what was sent to it and how it was closed. */
function fakeSocket() {
  const socket = {
    OPEN: 1,
    readyState: 1,
    sent: [] as ServerFrame[],
    closedWith: null as number | null,
    send(data: string) {
      socket.sent.push(JSON.parse(data));
    },
    close(code: number) {
      socket.closedWith = code;
      socket.readyState = 3;
    },
    on() {},
    ping() {},
    terminate() {},
  };
  return socket;
}

const W = 'workspace-1';
const HOUR = 3_600_000;
const agent = (agentId: string, role: AgentRole): AgentActor => ({ kind: 'agent', workspaceId: W, agentId, role });
/** Any frame will do: what matters is who may receive it. */
const forSupervisors: ServerFrame = { type: 'pong' };
const supervisorsOnly = (a: AgentActor) => a.role !== 'agent';

function connect(connections: Connections, actor: AgentActor, sessionId: string, expiresAt = new Date(Date.now() + HOUR)) {
  const socket = fakeSocket();
  const conn = connections.add(socket as unknown as WebSocket, actor, { id: sessionId, expiresAt });
  return { socket, conn };
}

/** A check whose answer the test gives later, to look at what happens while it is under way. */
function deferredCheck() {
  const answers: Array<(role: AgentRole | null) => void> = [];
  const check = () => new Promise<AgentRole | null>((resolve) => answers.push(resolve));
  return { check, answer: (i: number, role: AgentRole | null) => answers[i]!(role) };
}

describe('re-checking an agent whose access changed', () => {
  it('frames that arrive during the check go out afterwards, as the new role may see them', async () => {
    const connections = new Connections('node-a');
    const sam = connect(connections, agent('sam', 'supervisor'), 's1');
    const { check, answer } = deferredCheck();

    const done = connections.recheckAgent(W, 'sam', check);
    connections.toAgents(W, forSupervisors, supervisorsOnly);
    connections.toAgents(W, { type: 'resumed' });
    expect(sam.socket.sent).toEqual([]);
    answer(0, 'agent');
    await done;

    expect(sam.conn.actor).toMatchObject({ role: 'agent' });
    expect(sam.socket.sent).toEqual([{ type: 'resumed' }]);
    expect(sam.socket.closedWith).toBeNull();
  });

  it("a socket whose session ended is closed as unauthenticated and gets nothing that waited; the agent's others stay", async () => {
    const connections = new Connections('node-a');
    const laptop = connect(connections, agent('ines', 'agent'), 'laptop');
    const phone = connect(connections, agent('ines', 'agent'), 'phone');
    const other = connect(connections, agent('otto', 'agent'), 'otto');

    const done = connections.recheckAgent(W, 'ines', async (sessionId) => (sessionId === 'laptop' ? null : 'agent'));
    connections.toAgents(W, { type: 'resumed' });
    await done;

    expect(laptop.socket.closedWith).toBe(CloseCode.unauthenticated);
    expect(laptop.socket.sent).toEqual([]);
    expect(phone.socket.sent).toEqual([{ type: 'resumed' }]);
    expect(other.socket.sent).toEqual([{ type: 'resumed' }]);
  });

  it('the check started last decides, whichever answers first', async () => {
    const connections = new Connections('node-a');
    const sam = connect(connections, agent('sam', 'agent'), 's1');
    const { check, answer } = deferredCheck();

    const first = connections.recheckAgent(W, 'sam', check);
    const second = connections.recheckAgent(W, 'sam', check);
    connections.toAgents(W, forSupervisors, supervisorsOnly);
    answer(1, 'supervisor');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sam.socket.sent).toEqual([]);
    answer(0, 'agent');
    await Promise.all([first, second]);

    expect(sam.conn.actor).toMatchObject({ role: 'supervisor' });
    expect(sam.socket.sent).toEqual([forSupervisors]);
  });

  it('a check that cannot reach the database asks the client to reconnect and be authenticated afresh', async () => {
    const connections = new Connections('node-a');
    const sam = connect(connections, agent('sam', 'supervisor'), 's1');
    await connections.recheckAgent(W, 'sam', () => Promise.reject(new Error('database unreachable')));
    expect(sam.socket.closedWith).toBe(TRY_AGAIN_LATER);
  });

  it('a check that keeps too many frames waiting asks the client to reconnect instead of holding them all', async () => {
    const connections = new Connections('node-a');
    const sam = connect(connections, agent('sam', 'supervisor'), 's1');
    const { check, answer } = deferredCheck();
    const done = connections.recheckAgent(W, 'sam', check);
    for (let i = 0; i <= 1000; i++) connections.toAgents(W, { type: 'resumed' });
    expect(sam.socket.closedWith).toBe(TRY_AGAIN_LATER);
    answer(0, 'supervisor');
    await done;
    expect(sam.socket.sent).toEqual([]);
  });
});

describe('heartbeat', () => {
  it('closes a socket whose session has expired as unauthenticated, and only that one', () => {
    const connections = new Connections('node-a');
    const now = Date.now();
    const expired = connect(connections, agent('ines', 'agent'), 'old', new Date(now - 1));
    const current = connect(connections, agent('otto', 'agent'), 'new', new Date(now + HOUR));
    connections.heartbeat(now);
    expect(expired.socket.closedWith).toBe(CloseCode.unauthenticated);
    expect(current.socket.closedWith).toBeNull();
  });
});
