import type { Redis } from 'ioredis';
import { RateLimited } from '../errors.ts';

export interface RateLimiter {
  /** Counts one hit on `key`; throws RateLimited once more than `limit` hits fall in the window. */
  hit(key: string, limit: number, windowSeconds: number): Promise<void>;
}

/** Fixed windows in memory: right for one node. */
export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, limit, windowSeconds) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        if (windows.size > 100_000) for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
        w = { count: 0, resetAt: t + windowSeconds * 1000 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count > limit) throw new RateLimited(Math.max(1, Math.ceil((w.resetAt - t) / 1000)));
    },
  };
}

/** Fixed windows in Redis: shared by every node of a cluster. */
export function redisRateLimiter(redis: Redis): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const k = `warmline:rl:${key}`;
      const [[, count], [, ttl]] = (await redis.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await redis.expire(k, windowSeconds);
      if (count > limit) throw new RateLimited(Math.max(1, ttl > 0 ? ttl : windowSeconds));
    },
  };
}
