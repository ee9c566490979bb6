import { beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, buildWorkspace } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { callbacks } from './repository/callbacks.ts';
import { conversations } from './repository/conversations.ts';
import { viewsOf } from './views.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

const window = (hoursFromNow: number) => {
  const windowStart = new Date(Date.now() + hoursFromNow * 3_600_000);
  return { windowStart, windowEnd: new Date(windowStart.getTime() + 1_800_000) };
};

describe(`conversation views across workspaces (${backend})`, () => {
  it('a batch spanning workspaces shows each conversation its own latest callback, and none to a conversation without one', async () => {
    const [north, south] = await Promise.all([buildWorkspace(t), buildWorkspace(t)]);
    const [a, b, quiet] = await Promise.all([
      buildConversation(t, north),
      buildConversation(t, south),
      buildConversation(t, south),
    ]);
    await callbacks.create(t.db, north.id, {
      conversationId: a.conversationId,
      phone: '+254700000001',
      ...window(1),
      ownerId: null,
    });
    const cancelled = await callbacks.create(t.db, south.id, {
      conversationId: b.conversationId,
      phone: '+254700000002',
      ...window(3),
      ownerId: null,
    });
    await callbacks.setStatus(t.db, south.id, cancelled.id, 'cancelled');
    await callbacks.create(t.db, south.id, {
      conversationId: b.conversationId,
      phone: '+254700000003',
      ...window(2),
      ownerId: null,
    });

    const records = await Promise.all([
      conversations.byId(t.db, north.id, a.conversationId),
      conversations.byId(t.db, south.id, b.conversationId),
      conversations.byId(t.db, south.id, quiet.conversationId),
    ]);
    const views = await viewsOf(
      t.db,
      records.map((r) => r!),
    );

    expect(views.map((v) => v.id)).toEqual([a.conversationId, b.conversationId, quiet.conversationId]);
    expect(views[0]!.callback).toMatchObject({ phone: '+254700000001', status: 'scheduled' });
    // The cancelled one is skipped even though it was booked for later.
    expect(views[1]!.callback).toMatchObject({ phone: '+254700000003', status: 'scheduled' });
    expect(views[2]!.callback).toBeNull();
  });

  it("a conversation id paired with another workspace finds none of that conversation's callbacks", async () => {
    const [north, south] = await Promise.all([buildWorkspace(t), buildWorkspace(t)]);
    const a = await buildConversation(t, north);
    await callbacks.create(t.db, north.id, {
      conversationId: a.conversationId,
      phone: '+254700000004',
      ...window(1),
      ownerId: null,
    });

    const mine = await callbacks.latestFor(t.db, [{ workspaceId: north.id, id: a.conversationId }]);
    const theirs = await callbacks.latestFor(t.db, [{ workspaceId: south.id, id: a.conversationId }]);
    expect(mine.get(a.conversationId)).toMatchObject({ phone: '+254700000004' });
    expect(theirs.size).toBe(0);
  });
});
