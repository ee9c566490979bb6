import type { FastifyInstance } from 'fastify';
import type { Services } from './core/context.ts';
import { NotFound, RateLimited } from './core/errors.ts';
import type { RateLimiter } from './core/http/rateLimit.ts';
import { NO_WALL_PAGE, publicWall, publicWallPage } from './modules/delight/index.ts';
import { page, sendPage } from './pages.ts';

const SLOW_DOWN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A moment, please</title></head>
<body><p>This wall has been opened many times from here just now. Please try again in a minute.</p></body></html>`;

/** A team's delight wall shared by a link at `/wall/:token`: public, read-only, server-rendered, rate limited per address. */
export function delightPageRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  page(app, '/wall/:token', async (request, reply) => {
    try {
      await limiter.hit(`wall:${request.ip}`, 120, 10 * 60);
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      reply.code(429).header('retry-after', String(error.retryAfterSeconds));
      return sendPage(reply, services, SLOW_DOWN, { cacheControl: 'no-store' });
    }
    const { token } = request.params as { token: string };
    const wall = await publicWall(services, token).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
    if (!wall) return sendPage(reply.code(404), services, NO_WALL_PAGE, { cacheControl: 'no-store' });
    return sendPage(reply, services, publicWallPage(wall), { cacheControl: 'no-store' });
  });
}
