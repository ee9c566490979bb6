import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildWorkspace, client, type Reply, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let publicUrl: string;
beforeAll(async () => {
  t = await testServer();
  publicUrl = t.config.publicUrl;
});
afterEach(() => {
  t.config.publicUrl = publicUrl;
});

/** A page, the API signed in and not, an error, a static file and the widget script: every kind of response. */
async function everyKindOfResponse(): Promise<Reply[]> {
  const signed = await signIn(t, await buildAgent(t, await buildWorkspace(t)));
  return Promise.all([
    client(t).get('/app'),
    client(t).get('/demo'),
    client(t, signed).get('/api/v1/agents'),
    client(t).get('/api/v1/agents'),
    client(t).get('/no/such/page'),
    client(t).post('/api/v1/widget/session', '{oops'),
    client(t).get('/avatars/amina.svg'),
    client(t).get('/widget.js'),
  ]);
}

describe(`Strict-Transport-Security follows PUBLIC_URL (${backend})`, () => {
  it('served over https, every response tells browsers to use https for a year, this host only', async () => {
    t.config.publicUrl = 'https://help.example.com';
    for (const res of await everyKindOfResponse())
      expect(res.headers.get('strict-transport-security'), `status ${res.status}`).toBe('max-age=31536000');
  });

  it('served over plain http, no response claims https', async () => {
    expect(t.config.publicUrl.startsWith('http://')).toBe(true);
    for (const res of await everyKindOfResponse()) {
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
