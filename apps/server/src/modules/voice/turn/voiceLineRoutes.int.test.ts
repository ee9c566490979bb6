import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../core/config.ts';
import { errorReplies } from '../../../core/http/errorReplies.ts';
import { buildAgent, buildVisitor, buildWorkspace, type Signed, signIn } from '../../../testing/factories.ts';
import { type TestServer, testServer } from '../../../testing/testServer.ts';
import { customers } from '../../customers/index.ts';
import { workspaces } from '../../workspaces/index.ts';
import { janusToken } from '../sip/janusToken.ts';
import { voiceLineRoutes } from './routes.ts';
import { turnCredentials } from './turnCredentials.ts';

// The server's clock, held still (on a whole second); visitor tokens and sessions are checked against it too.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const turn = {
  stunUrls: ['stun:turn.example.com:3478'],
  turnUrls: ['turn:turn.example.com:3478?transport=udp'],
  turnSecret: 'a-shared-secret-0123',
  turnTtlSeconds: 300,
};
const phoneLine = {
  janusUrl: 'wss://pbx.example.com/janus',
  janusTokenSecret: 'a-janus-token-secret-0123',
  sipProxy: 'sip:pbx.example.com:5060',
  sipDomain: 'pbx.example.com',
  lineUser: 'support',
  lineSecret: 'line-password',
};

describe('voice line routes', () => {
  let t: TestServer;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  async function appWith(config: Partial<Config>) {
    const a = Fastify();
    errorReplies(a);
    await a.register(fastifyCookie);
    voiceLineRoutes(a, { ...t, config: { ...t.config, ...config }, now: () => NOW });
    return a;
  }

  beforeAll(async () => {
    t = await testServer();
    app = await appWith({ ...turn, phoneLine });
    bare = await appWith({ phoneLine: null });
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
  });

  async function signedInAgent(opts: { phoneCountry?: string } = {}) {
    const workspace = await buildWorkspace(t);
    if (opts.phoneCountry) await workspaces.updateSettings(t.db, workspace.id, { phoneCountry: opts.phoneCountry });
    const agent = await buildAgent(t, workspace, { displayName: 'Amina Odhiambo' });
    return { workspace, agent, signed: await signIn(t, agent) };
  }

  const post = (a: FastifyInstance, url: string, signed: Signed, payload: unknown) =>
    a.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken },
    });

  it('gives a signed-in agent STUN and TURN with credentials of their own that expire after the configured time', async () => {
    const { agent, signed } = await signedInAgent();
    const res = await app.inject({ method: 'GET', url: '/api/v1/voice/ice-servers', headers: { cookie: signed.cookie } });
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
    expect(res.json().iceServers[1].username).toMatch(/^\d+:customer-[0-9a-f-]{36}$/);
  });

  it('asks for a sign-in before handing out credentials or the phone line', async () => {
    for (const url of ['/api/v1/voice/ice-servers', '/api/v1/widget/voice/ice-servers', '/api/v1/voice/phone-line']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it("gives an agent the phone line with a Janus token signed for it and the agent's name on the line", async () => {
    const { signed } = await signedInAgent();
    const res = await app.inject({ method: 'GET', url: '/api/v1/voice/phone-line', headers: { cookie: signed.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = janusToken(phoneLine.janusTokenSecret, 12 * 3600, NOW);
    expect(res.json()).toEqual({
      line: {
        janusUrl: phoneLine.janusUrl,
        token,
        expiresAt: expiresAt.toISOString(),
        account: {
          username: 'sip:support@pbx.example.com',
          proxy: phoneLine.sipProxy,
          secret: 'line-password',
          displayName: 'Amina Odhiambo',
        },
      },
    });
    const none = await bare.inject({ method: 'GET', url: '/api/v1/voice/phone-line', headers: { cookie: signed.cookie } });
    expect(none.json()).toEqual({ line: null });
  });

  it("turns a number into the address that rings it through the line, in the workspace's country", async () => {
    const { signed } = await signedInAgent({ phoneCountry: 'KE' });
    const res = await post(app, '/api/v1/voice/dial', signed, { number: '0712 345 678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ number: '+254712345678', uri: 'sip:+254712345678@pbx.example.com;user=phone' });
  });

  it('answers a number that cannot be called with a 400 that says how to write it, and a missing line with a 409', async () => {
    const { signed } = await signedInAgent({ phoneCountry: 'KE' });
    const bad = await post(app, '/api/v1/voice/dial', signed, { number: 'call my mum' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/"call my mum" is not a phone number we can call: write it with its \+country code/);
    const noLine = await post(bare, '/api/v1/voice/dial', signed, { number: '+254712345678' });
    expect(noLine.statusCode).toBe(409);
    expect(noLine.json().error.message).toMatch(/no phone line yet/);
  });

  it("names the customer a ringing call is from, within the agent's own workspace", async () => {
    const { workspace, signed } = await signedInAgent({ phoneCountry: 'KE' });
    const wanjiru = await customers.create(t.db, workspace.id, { name: 'Wanjiru Kamau' });
    await customers.addIdentity(t.db, workspace.id, {
      customerId: wanjiru.id,
      kind: 'phone',
      value: '+254712345678',
      verified: true,
    });
    const known = await post(app, '/api/v1/voice/inbound-calls', signed, { from: '"Wanjiru" <sip:0712345678@trunk>' });
    expect(known.statusCode).toBe(200);
    expect(known.json()).toEqual({
      customer: { id: wanjiru.id, name: 'Wanjiru Kamau', phone: '+254712345678' },
      number: '+254712345678',
      created: false,
    });
    const other = await signedInAgent({ phoneCountry: 'KE' });
    const elsewhere = await post(app, '/api/v1/voice/inbound-calls', other.signed, { from: 'sip:+254712345678@trunk' });
    expect(elsewhere.json()).toMatchObject({ created: true, number: '+254712345678' });
    expect(elsewhere.json().customer.id).not.toBe(wanjiru.id);
    const bad = await post(app, '/api/v1/voice/inbound-calls', signed, { from: 'nobody' });
    expect(bad.statusCode).toBe(400);
  });
});
