import { CloseCode } from '@warmline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, buildWorkspace } from '../../testing/factories.ts';
import { visitorSocket } from '../../testing/socket.ts';
import { backend, multiNode, startOtherNode, type TestServer, testServer } from '../../testing/testServer.ts';

/**
 * Access that ends ends on every open socket at once. With PostgreSQL and Redis each case also runs across two
 * nodes: the change is made through node a, the socket is open on node b.
 */
const layouts = multiNode ? ['one node', 'two nodes'] : ['one node'];

/** The customer id inside a visitor token (`v1.<claims>.<mac>`). */
function customerOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).c;
}

describe.each(layouts)(`socket access (%s, ${backend})`, (layout) => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await testServer();
    b = layout === 'two nodes' ? await startOtherNode() : a;
  });
  afterAll(async () => {
    if (b && b !== a) await b.stop();
  });

  it('a customer whose access was revoked loses their open widget sockets; other customers keep theirs', async () => {
    const workspace = await buildWorkspace(a);
    const revoked = await buildConversation(a, workspace);
    const other = await buildConversation(a, workspace);
    const tabs = [await visitorSocket(b, revoked.visitorToken), await visitorSocket(b, revoked.visitorToken)];
    const bystander = await visitorSocket(b, other.visitorToken);

    await a.bus.publish({
      type: 'customer.access_revoked',
      workspaceId: workspace.id,
      customerId: customerOf(revoked.visitorToken),
    });

    for (const tab of tabs) expect((await tab.closed).code).toBe(CloseCode.unauthenticated);
    await bystander.sync();
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.close();
  });
});
