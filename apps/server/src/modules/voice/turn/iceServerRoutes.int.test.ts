import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorReplies } from '../../../core/http/errorReplies.ts';
import { buildAgent, buildVisitor, buildWorkspace, signIn } from '../../../testing/factories.ts';
import { type TestServer, testServer } from '../../../testing/testServer.ts';
import { iceServerRoutes } from './routes.ts';
import { turnCredentials } from './turnCredentials.ts';

// The server's clock, held still (on a whole second); visitor tokens are checked against it too.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const turn = {
  stunUrls: ['stun:turn.example.com:3478'],
  turnUrls: ['turn:turn.example.com:3478?transport=udp'],
  turnSecret: 'a-shared-secret-0123',
  turnTtlSeconds: 300,
};

describe('ICE servers for a call', () => {
  let t: TestServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await testServer();
    app = Fastify();
    errorReplies(app);
    await app.register(fastifyCookie);
    iceServerRoutes(app, { ...t, config: { ...t.config, ...turn }, now: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives a signed-in agent STUN and TURN with credentials of their own that expire after the configured time', async () => {
    const workspace = await buildWorkspace(t);
    const agent = await buildAgent(t, workspace);
    const { cookie } = await signIn(t, agent);
    const res = await app.inject({ method: 'GET', url: '/api/v1/voice/ice-servers', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const expected = turnCredentials(turn.turnSecret, `agent-${agent.id}`, 300, NOW);
    expect(res.json()).toEqual({
      iceServers: [
        { urls: turn.stunUrls },
        { urls: turn.turnUrls, username: expected.username, credential: expected.credential },
      ],
      expiresAt: new Date(NOW.getTime() + 300_000).toISOString(),
    });
  });

  it("gives a widget visitor credentials named after their customer, not anyone else's", async () => {
    const workspace = await buildWorkspace(t);
    const visitor = await buildVisitor(t, workspace);
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/widget/voice/ice-servers',
      headers: { authorization: `Bearer ${visitor.visitorToken}` },
    });
    expect(res.statusCode).toBe(200);
    const username: string = res.json().iceServers[1].username;
    expect(username).toMatch(/^\d+:customer-[0-9a-f-]{36}$/);
  });

  it('asks for a sign-in before handing out relay credentials', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/voice/ice-servers' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/widget/voice/ice-servers' })).statusCode).toBe(401);
  });
});
