import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from './core/http/rateLimit.ts';
import { createMetrics } from './core/metrics.ts';
import { buildHttpApp, FALLBACK_PAGE_POLICY } from './httpApp.ts';
import { backend, testServer } from './testing/testServer.ts';

const t = await testServer();

describe(`an HTML answer without its own policy fails closed (${backend})`, () => {
  it('a page a route sends without a Content-Security-Policy gets the fallback one; a page with its own keeps it', async () => {
    const built = await buildHttpApp(t, { limiter: memoryRateLimiter(), metrics: createMetrics(), nodeId: t.node.id });
    built.app.get('/forgotten-page', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>hello</p><script>alert(1)</script>'),
    );
    try {
      const forgotten = await built.app.inject({ method: 'GET', url: '/forgotten-page' });
      expect(forgotten.headers['content-security-policy']).toBe(FALLBACK_PAGE_POLICY);
      const own = await built.app.inject({ method: 'GET', url: '/demo' });
      expect(own.headers['content-type']).toMatch(/^text\/html/);
      expect(own.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(own.headers['content-security-policy']).not.toBe(FALLBACK_PAGE_POLICY);
    } finally {
      await built.gateway.close();
      await built.app.close();
    }
  });
});
