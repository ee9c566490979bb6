import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Bus, WarmlineEvent } from '../events.ts';

const CHANNEL = 'warmline:events';
/** Sent by a node that could not publish some events, once it can again: every node's clients catch up. */
const RESYNC = '{"resync":true}';

/**
 * Fan-out across nodes through Redis pub/sub. Delivery is best effort by design: a client that misses an
 * event catches up from the database when it resumes (docs/realtime.md). When Redis goes away, publishing
 * fails fast (the write it follows has committed and is acknowledged anyway) and both connections retry on
 * their own; once fan-out is back, `onGap` listeners are told so their clients can resume.
 */
export async function redisBus(
  url: string,
  opts: { channel?: string; log?: Logger; connectTimeoutMs?: number } = {},
): Promise<Bus> {
  const channel = opts.channel ?? CHANNEL;
  const log = opts.log;
  // No offline queue for publishing: an event held back until Redis returns would arrive after the resync.
  const pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 2000 });
  const sub = new Redis(url, { maxRetriesPerRequest: null });
  pub.on('error', () => {});
  sub.on('error', () => {});
  const listeners = new Set<(event: WarmlineEvent) => void>();
  const gapListeners = new Set<() => void>();
  let unsent = false;
  let closing = false;

  const gap = () => {
    for (const listener of gapListeners) listener();
  };
  sub.on('message', (_channel, raw: string) => {
    if (raw === RESYNC) return gap();
    let event: WarmlineEvent;
    try {
      event = JSON.parse(raw) as WarmlineEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(event);
  });

  const subscribed = await Promise.race([
    sub.subscribe(channel).then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(resolve, opts.connectTimeoutMs ?? 5000, false).unref()),
  ]);
  if (!subscribed) log?.warn({ url: redactedUrl(url) }, 'Redis is unreachable; fan-out starts when it is back');

  sub.on('close', () => {
    if (!closing) log?.warn('lost the Redis subscription; clients will resume from the database when it is back');
  });
  // Every later (re)subscription follows a time without fan-out: whatever was published meanwhile is lost.
  sub.on('ready', () => {
    sub.subscribe(channel).then(
      () => {
        log?.info('Redis fan-out is back; clients resume from the database');
        gap();
      },
      () => {},
    );
  });
  pub.on('ready', () => {
    if (unsent) sendResync();
  });

  function sendResync() {
    unsent = false;
    pub.publish(channel, RESYNC).catch(() => {
      unsent = true;
    });
  }

  return {
    async publish(event) {
      if (unsent && pub.status === 'ready') sendResync();
      // Not awaited: commands go out in call order, and a failure only means clients catch up on resume.
      pub.publish(channel, JSON.stringify(event)).catch(() => {
        unsent = true;
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onGap(listener) {
      gapListeners.add(listener);
      return () => gapListeners.delete(listener);
    },
    async ping() {
      if (sub.status !== 'ready') return false;
      try {
        return (await pub.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      closing = true;
      listeners.clear();
      gapListeners.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}

function redactedUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
