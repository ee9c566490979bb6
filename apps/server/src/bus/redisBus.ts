import { Redis } from 'ioredis';
import type { Bus, WarmlineEvent } from './events.ts';

const CHANNEL = 'warmline:events';

/**
 * Fan-out across nodes through Redis pub/sub. Delivery is best effort by design: a client that misses an
 * event catches up from the database when it resumes (docs/realtime.md).
 */
export async function redisBus(url: string, opts: { channel?: string } = {}): Promise<Bus> {
  const channel = opts.channel ?? CHANNEL;
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false } as const;
  const pub = new Redis(url, options);
  const sub = new Redis(url, { ...options, enableOfflineQueue: true });
  pub.on('error', () => {});
  sub.on('error', () => {});
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners = new Set<(event: WarmlineEvent) => void>();
  sub.on('message', (_channel, raw: string) => {
    const event = JSON.parse(raw) as WarmlineEvent;
    for (const listener of listeners) listener(event);
  });
  await sub.subscribe(channel);
  return {
    async publish(event) {
      await pub.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      try {
        return (await pub.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      listeners.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
