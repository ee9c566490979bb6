import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { WarmlineEvent } from './events.ts';
import { Listeners, listener } from './listeners.ts';

const quiet = pino({ level: 'silent' });
const queued = (conversationId: string): WarmlineEvent => ({ type: 'conversation.queued', workspaceId: 'w1', conversationId });

describe('listeners after commit', () => {
  it('hands each listener every event of its type from one commit, together and in order', async () => {
    const seen: string[][] = [];
    const listeners = new Listeners<null>([
      listener('route', 'conversation.queued', async (_s: null, events) => {
        seen.push(events.map((e) => e.conversationId));
      }),
    ]);
    await listeners.dispatch(null, [queued('a'), { type: 'queue.changed', workspaceId: 'w1' }, queued('b')], quiet);
    expect(seen).toEqual([['a', 'b']]);
    expect(listeners.of('conversation.queued')).toEqual(['route']);
    expect(listeners.of('queue.changed')).toEqual([]);
  });

  it('a failing listener is logged and the next one still runs: a committed change is never undone', async () => {
    const ran: string[] = [];
    const logged: unknown[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const listeners = new Listeners<null>([
      listener('broken', 'conversation.queued', async () => {
        throw new Error('routing is down');
      }),
      listener('after', 'conversation.queued', async () => {
        ran.push('after');
      }),
    ]);
    await listeners.dispatch(null, [queued('a')], log);
    expect(ran).toEqual(['after']);
    expect(logged).toMatchObject([{ listener: 'broken', event: 'conversation.queued', msg: 'listener failed' }]);
  });
});
