import { AgentClient, VisitorClient } from './clients.ts';
import { type Cluster, DEMO } from './cluster.ts';
import { pause, waitFor } from './processes.ts';

/** Visitors in conversation with agents, every client connected through nginx. */
export interface Chats {
  visitors: VisitorClient[];
  /** They write, and each sees the whole workspace. */
  agents: AgentClient[];
  /** Visitor i's conversation. */
  conversationOf(visitor: VisitorClient): string;
  /** The agent who answers visitor i. */
  agentFor(index: number): AgentClient;
}

/** Signs in two demo agents and opens `count` visitor conversations (each visitor's first message starts one). */
export async function openChats(cluster: Cluster, count: number): Promise<Chats> {
  const agents = await Promise.all([
    AgentClient.signIn('amina', cluster.url, DEMO.amina, DEMO.password),
    AgentClient.signIn('priya', cluster.url, DEMO.priya, DEMO.password),
  ]);
  const visitors: VisitorClient[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, k) =>
      VisitorClient.open(`visitor ${i + k}`, cluster.url, DEMO.workspaceKey),
    );
    visitors.push(...(await Promise.all(batch)));
  }
  await Promise.all(visitors.map((v, i) => v.say(`Hello, this is visitor ${i}`)));
  await waitFor(
    'both agents to see every new conversation',
    () => agents.every((a) => visitors.every((v) => v.conversationId && a.timelines.has(v.conversationId))),
    { timeoutMs: 30_000 },
  );
  return {
    visitors,
    agents,
    conversationOf: (v) => v.conversationId!,
    agentFor: (i) => agents[i % agents.length]!,
  };
}

export interface Traffic {
  /** Messages written so far, by visitors and agents. */
  written(): number;
  /** Stops writing new messages and waits for the loops to finish the one each has under way. */
  stop(): Promise<void>;
}

/**
 * Keeps every conversation going: each visitor and the agent answering it write one message at a time (the next
 * after the last is acknowledged), with a human-like pause between messages.
 */
export function converse(chats: Chats, opts: { pauseMs?: [number, number] } = {}): Traffic {
  const [min, max] = opts.pauseMs ?? [300, 900];
  let running = true;
  let written = 0;
  const think = () => pause(min + Math.random() * (max - min));
  const loops = chats.visitors.flatMap((visitor, i) => {
    const agent = chats.agentFor(i);
    const conversationId = chats.conversationOf(visitor);
    return [
      (async () => {
        for (let n = 1; running; n++) {
          await think();
          if (!running) break;
          written++;
          await visitor.say(`visitor ${i} message ${n}`);
        }
      })(),
      (async () => {
        for (let n = 1; running; n++) {
          await think();
          if (!running) break;
          written++;
          await agent.reply(conversationId, `${agent.name} to visitor ${i}, reply ${n}`);
        }
      })(),
    ];
  });
  return {
    written: () => written,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Acknowledged messages so far, over every client. */
export function acknowledged(chats: Chats): number {
  return [...chats.visitors, ...chats.agents].reduce((n, c) => n + c.acked.size, 0);
}

/** Waits (at most a minute) until `count` more messages than now have been acknowledged; `when` names the moment. */
export async function moreAcknowledged(chats: Chats, count: number, when: string): Promise<void> {
  const target = acknowledged(chats) + count;
  await waitFor(`${count} messages acknowledged ${when}`, () => acknowledged(chats) >= target, { timeoutMs: 60_000 });
}
