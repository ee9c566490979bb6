import type { CustomerProfile, TimelineItem } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, client } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { customerOf, profile, say, shop, userHash, useServer, widgetSession } from './customers.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

describe(`identities and verification (${backend})`, () => {
  it('links a signed-in website user to one customer on every visit, only with a valid HMAC', async () => {
    const s = await shop();
    const user = { userId: 'member-1001', userHash: await userHash(s.admin, 'member-1001'), name: 'Wanjiru Kamau' };
    const first = await widgetSession(s.workspace.key, { user });
    expect(first.status).toBe(200);
    const conversationId = await say(first.body.visitorToken, 'Hello, about my bread club order');
    const customerId = await customerOf(s.agent, conversationId);

    // Another device, no visitor token: the same person, their conversation already there.
    const second = await widgetSession(s.workspace.key, { user });
    expect(second.status).toBe(200);
    expect(second.body.conversation.id).toBe(conversationId);

    const p = await profile(s.agent, customerId);
    expect(p.name).toBe('Wanjiru Kamau');
    expect(p.verified).toBe(true);
    expect(p.identities).toEqual([expect.objectContaining({ kind: 'external', value: 'member-1001', verified: true })]);

    const wrong = await widgetSession(s.workspace.key, { user: { ...user, userHash: await userHash(s.admin, 'member-1002') } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/HMAC-SHA256/);
    const empty = await widgetSession(s.workspace.key, { user: { ...user, userHash: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/userHash/);
    const missing = await widgetSession(s.workspace.key, { user: { userId: 'member-1001' } });
    expect(missing.status).toBe(400);

    // A rotated secret stops old hashes verifying.
    expect((await s.as(s.admin).post('/api/v1/workspace/identity-secret/rotate')).status).toBe(200);
    expect((await widgetSession(s.workspace.key, { user })).status).toBe(401);
    expect((await s.as(s.agent).get('/api/v1/workspace/identity-secret')).status).toBe(403);
  });

  it('never links an unverified visitor who types a known email: a separate customer, suggested as possibly the same', async () => {
    const s = await shop();
    const created = await s.as(s.agent).post('/api/v1/customers', { name: 'Ana Wanjiru', email: 'Ana@Example.com' });
    expect(created.status).toBe(201);
    const known = created.body.customer as CustomerProfile;
    expect(known.email).toBe('ana@example.com');

    const stranger = await buildConversation(t, s.workspace, 'Where is my order?');
    const left = await client(t, { visitorToken: stranger.visitorToken }).post('/api/v1/widget/leave-message', {
      conversationId: stranger.conversationId,
      email: 'ana@example.com',
    });
    expect(left.status).toBe(200);
    const strangerId = await customerOf(s.agent, stranger.conversationId);
    expect(strangerId).not.toBe(known.id);

    const theirs = await profile(s.agent, strangerId);
    expect(theirs.verified).toBe(false);
    expect(theirs.identities).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'email', value: 'ana@example.com', verified: false })]),
    );
    expect(theirs.suggestions).toEqual([
      { customer: expect.objectContaining({ id: known.id }), reasons: ['email: ana@example.com'] },
    ]);
    const ours = await profile(s.agent, known.id);
    expect(ours.conversations).toEqual([]);
    expect(ours.suggestions.map((x) => x.customer.id)).toEqual([strangerId]);
  });

  it('stores contact points normalised, and a proven one belongs to one customer only', async () => {
    const s = await shop();
    const a = await s.as(s.agent).post('/api/v1/customers', { name: 'Baraka', phone: '0712 345 678', externalId: 'crm-7' });
    expect(a.status).toBe(201);
    expect(a.body.customer.phone).toBe('+254712345678');
    const b = await s.as(s.agent).post('/api/v1/customers', { name: 'Someone else' });
    const taken = await s.as(s.agent).post(`/api/v1/customers/${b.body.customer.id}/identities`, {
      kind: 'phone',
      value: '+254 712 345678',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual({ field: 'phone', customerId: a.body.customer.id });
    const bad = await s
      .as(s.agent)
      .post(`/api/v1/customers/${b.body.customer.id}/identities`, { kind: 'email', value: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/not a valid email/);
    const nothing = await s.as(s.agent).post('/api/v1/customers', {});
    expect(nothing.status).toBe(400);
  });
});

describe(`merge and unmerge (${backend})`, () => {
  it('moves everything into one customer, audited, and undoing puts every row back', async () => {
    const s = await shop();
    await s
      .as(s.admin)
      .post('/api/v1/attributes', { key: 'plan', label: 'Plan', type: 'choice', choices: ['bread club', 'wholesale'] });
    const org = (await s.as(s.agent).post('/api/v1/organizations', { name: 'Kamau household', kind: 'household' })).body
      .organization;

    const a = await buildConversation(t, s.workspace, 'First visit: rye for Saturday');
    const aId = await customerOf(s.agent, a.conversationId);
    await s.as(s.agent).post(`/api/v1/customers/${aId}/identities`, { kind: 'email', value: 'wanjiru@example.com' });
    await s.as(s.agent).patch(`/api/v1/customers/${aId}`, { name: 'Wanjiru Kamau' });
    await s.as(s.agent).put(`/api/v1/organizations/${org.id}/members/${aId}`, { role: 'buyer' });

    const b = await buildConversation(t, s.workspace, 'Second visit from the phone');
    const bId = await customerOf(s.agent, b.conversationId);
    await s.as(s.agent).post(`/api/v1/customers/${bId}/identities`, { kind: 'phone', value: '+254 700 000 001' });
    await s.as(s.agent).patch(`/api/v1/customers/${bId}`, { attributes: { plan: 'bread club' } });
    await s.as(s.agent).post(`/api/v1/customers/${bId}/notes`, { body: 'Prefers calls after 5pm' });
    await s.as(s.agent).put(`/api/v1/organizations/${org.id}/members/${bId}`, { role: 'beneficiary' });

    expect((await s.as(s.agent).post(`/api/v1/customers/${aId}/merge`, { sourceId: aId })).status).toBe(400);
    const merged = await s.as(s.agent).post(`/api/v1/customers/${aId}/merge`, { sourceId: bId });
    expect(merged.status).toBe(200);
    const one = merged.body.customer as CustomerProfile;
    expect(one.conversations.map((c) => c.id).sort()).toEqual([a.conversationId, b.conversationId].sort());
    expect(one.identities.map((i) => `${i.kind}:${i.value}`)).toEqual(
      expect.arrayContaining(['email:wanjiru@example.com', 'phone:+254700000001']),
    );
    expect(one.name).toBe('Wanjiru Kamau');
    expect(one.attributes).toEqual({ plan: 'bread club' });
    expect(one.notes.map((n) => n.body)).toEqual(['Prefers calls after 5pm']);
    expect(one.memberships).toEqual([{ organization: expect.objectContaining({ id: org.id }), role: 'buyer' }]);
    expect(one.merges).toEqual([
      expect.objectContaining({ id: merged.body.mergeId, source: expect.objectContaining({ id: bId }) }),
    ]);
    // The merged-away customer's link leads to the survivor; the visitor carries on as them.
    expect((await profile(s.agent, bId)).id).toBe(aId);
    expect((await client(t, { visitorToken: b.visitorToken }).get('/api/v1/widget/wait')).status).toBe(200);
    expect((await s.as(s.agent).post(`/api/v1/customers/${aId}/merge`, { sourceId: bId })).status).toBe(409);

    const undone = await s.as(s.agent).post(`/api/v1/customer-merges/${merged.body.mergeId}/undo`);
    expect(undone.status).toBe(200);
    const back = await profile(s.agent, aId);
    expect(back.conversations.map((c) => c.id)).toEqual([a.conversationId]);
    expect(back.identities.filter((i) => i.kind !== 'visitor').map((i) => i.value)).toEqual(['wanjiru@example.com']);
    expect(back.attributes).toEqual({});
    expect(back.notes).toEqual([]);
    expect(back.memberships.map((m) => m.role)).toEqual(['buyer']);
    const restored = await profile(s.agent, bId);
    expect(restored.id).toBe(bId);
    expect(restored.conversations.map((c) => c.id)).toEqual([b.conversationId]);
    expect(restored.phone).toBe('+254700000001');
    expect(restored.attributes).toEqual({ plan: 'bread club' });
    expect(restored.memberships).toEqual([{ organization: expect.objectContaining({ id: org.id }), role: 'beneficiary' }]);
    expect((await s.as(s.agent).post(`/api/v1/customer-merges/${merged.body.mergeId}/undo`)).status).toBe(409);

    const log = await t.db.query<{ action: string }>(
      `select action from audit_log where workspace_id = $1 and subject_id = $2 order by id`,
      [s.workspace.id, aId],
    );
    expect(log.map((l) => l.action)).toEqual(['customer.merged', 'customer.unmerged']);
  });

  it('refuses to merge across workspaces: the other shop’s customer does not exist', async () => {
    const s = await shop();
    const other = await shop();
    const mine = (await s.as(s.agent).post('/api/v1/customers', { name: 'Mine' })).body.customer.id;
    const theirs = (await other.as(other.agent).post('/api/v1/customers', { name: 'Theirs' })).body.customer.id;
    const res = await s.as(s.agent).post(`/api/v1/customers/${mine}/merge`, { sourceId: theirs });
    expect(res.status).toBe(404);
    expect((await profile(other.agent, theirs)).name).toBe('Theirs');
  });
});

describe(`organizations and attributes (${backend})`, () => {
  it('keeps members with roles, an account owner, and one timeline of all members', async () => {
    const s = await shop();
    const owner = s.agent.session.agent.id;
    const created = await s.as(s.agent).post('/api/v1/organizations', { name: 'Acme Offices', ownerId: owner });
    expect(created.status).toBe(201);
    const org = created.body.organization;
    const buyer = await buildConversation(t, s.workspace, 'We need 40 croissants every Monday');
    const user = await buildConversation(t, s.workspace, 'The croissants arrived cold today');
    const buyerId = await customerOf(s.agent, buyer.conversationId);
    const userId = await customerOf(s.agent, user.conversationId);
    expect(
      (await s.as(s.agent).put(`/api/v1/organizations/${org.id}/members/${buyerId}`, { role: 'decision_maker' })).status,
    ).toBe(200);
    const both = await s.as(s.agent).put(`/api/v1/organizations/${org.id}/members/${userId}`, { role: 'user' });
    expect(both.body.organization.members.map((m: { role: string }) => m.role)).toEqual(['decision_maker', 'user']);
    expect(both.body.organization.owner.id).toBe(owner);
    expect((await s.as(s.agent).put(`/api/v1/organizations/${org.id}/members/${userId}`, { role: 'chief' })).status).toBe(400);

    const timeline = await s.as(s.agent).get(`/api/v1/organizations/${org.id}/timeline?limit=50`);
    const texts = (timeline.body.items as TimelineItem[]).filter((i) => i.kind === 'message').map((i) => i.text);
    expect(texts).toEqual(['The croissants arrived cold today', 'We need 40 croissants every Monday']);
    expect((await profile(s.agent, userId)).memberships).toEqual([
      { organization: { id: org.id, name: 'Acme Offices', kind: 'business' }, role: 'user' },
    ]);

    const removed = await s.as(s.agent).raw('DELETE', `/api/v1/organizations/${org.id}/members/${userId}`);
    expect(removed.body.organization.members).toHaveLength(1);
  });

  it('validates custom attributes against their type, and only admins define them', async () => {
    const s = await shop();
    expect((await s.as(s.agent).post('/api/v1/attributes', { key: 'tier', label: 'Tier', type: 'text' })).status).toBe(403);
    expect((await s.as(s.admin).post('/api/v1/attributes', { key: 'birthday', label: 'Birthday', type: 'date' })).status).toBe(
      200,
    );
    expect((await s.as(s.admin).post('/api/v1/attributes', { key: 'Bad Key', label: 'x', type: 'text' })).status).toBe(400);
    expect((await s.as(s.admin).post('/api/v1/attributes', { key: 'size', label: 'Size', type: 'choice' })).status).toBe(400);
    const c = (await s.as(s.agent).post('/api/v1/customers', { name: 'Priya' })).body.customer.id;
    const good = await s.as(s.agent).patch(`/api/v1/customers/${c}`, { attributes: { birthday: '1990-04-01' } });
    expect(good.body.customer.attributes).toEqual({ birthday: '1990-04-01' });
    const bad = await s.as(s.agent).patch(`/api/v1/customers/${c}`, { attributes: { birthday: '1990-02-30', shoe: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('birthday: must be a date written YYYY-MM-DD');
    expect(bad.body.error.message).toContain('shoe: no such attribute');
    expect((await profile(s.agent, c)).attributes).toEqual({ birthday: '1990-04-01' });
  });
});

describe(`timeline, export and erase (${backend})`, () => {
  it('shows one person’s story newest first, a page at a time', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'one');
    await say(chat.visitorToken, 'two');
    await say(chat.visitorToken, 'three');
    const id = await customerOf(s.agent, chat.conversationId);
    await s.as(s.agent).post(`/api/v1/customers/${id}/notes`, { body: 'Regular on Saturdays' });
    const seen: TimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await s.as(s.agent).get(`/api/v1/customers/${id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.text).filter((x) => ['one', 'two', 'three', 'Regular on Saturdays'].includes(x))).toEqual([
      'Regular on Saturdays',
      'three',
      'two',
      'one',
    ]);
    expect(seen.at(-1)?.kind).toBe('conversation');
    expect(new Set(seen.map((i) => `${i.at}${i.text}`)).size).toBe(seen.length);
    expect((await s.as(s.agent).get(`/api/v1/customers/${id}/timeline?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('is a customer since their first conversation, when that is older than their record', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'Hello from November');
    const id = await customerOf(s.agent, chat.conversationId);
    // History from before the record: an import or a merge brings a conversation that started weeks earlier.
    const november = new Date('2026-11-12T09:30:00.000Z');
    await t.db.query('update conversations set started_at = $2 where id = $1', [chat.conversationId, november]);
    const customer = await profile(s.agent, id);
    expect(new Date(customer.createdAt).getTime()).toBeGreaterThan(november.getTime());
    expect(customer.customerSince).toBe(november.toISOString());

    // Without older history, the record's own date.
    const fresh = await customerOf(s.agent, (await buildConversation(t, s.workspace, 'Hi')).conversationId);
    const freshProfile = await profile(s.agent, fresh);
    expect(freshProfile.customerSince).toBe(freshProfile.createdAt);
  });

  it('exports everything about one person, and erases them leaving only the figures', async () => {
    const s = await shop();
    const chat = await buildConversation(t, s.workspace, 'My address is 12 Riverside Drive');
    const id = await customerOf(s.agent, chat.conversationId);
    await s.as(s.agent).post(`/api/v1/customers/${id}/identities`, { kind: 'email', value: 'erase.me@example.com' });
    await s.as(s.agent).patch(`/api/v1/customers/${id}`, { name: 'Erin Erase' });

    expect((await s.as(s.agent).get(`/api/v1/customers/${id}/export`)).status).toBe(403);
    const exported = await s.as(s.supervisor).get(`/api/v1/customers/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    expect(exported.body.customer).toMatchObject({ name: 'Erin Erase', email: 'erase.me@example.com' });
    expect(exported.body.conversations[0].entries.map((e: { body: string }) => e.body)).toContain(
      'My address is 12 Riverside Drive',
    );

    expect((await s.as(s.supervisor).post(`/api/v1/customers/${id}/erase`)).status).toBe(403);
    const erased = await s.as(s.admin).post(`/api/v1/customers/${id}/erase`);
    expect(erased.status).toBe(200);
    const after = await profile(s.agent, id);
    expect(after).toMatchObject({ erased: true, name: null, email: null, identities: [], attributes: {} });
    expect(after.conversations).toHaveLength(1);
    const timeline = await s.as(s.agent).get(`/api/v1/customers/${id}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain('Riverside');
    const search = await s.as(s.agent).get('/api/v1/search?q=Riverside');
    expect(search.body.conversations).toEqual([]);
    // The visitor's session ends; the conversation's clocks remain for reports.
    expect((await client(t, { visitorToken: chat.visitorToken }).get('/api/v1/widget/wait')).status).toBe(401);
    expect((await s.as(s.agent).get(`/api/v1/conversations/${chat.conversationId}`)).body.conversation.startedAt).toEqual(
      expect.any(String),
    );
    const log = await t.db.query<{ action: string; data: unknown }>(
      `select action, data from audit_log where workspace_id = $1 and subject_id = $2 order by id`,
      [s.workspace.id, id],
    );
    expect(log.map((l) => l.action)).toEqual(['customer.exported', 'customer.erased']);
    expect(JSON.stringify(log)).not.toContain('erase.me');
    expect((await s.as(s.admin).post(`/api/v1/customers/${id}/erase`)).status).toBe(409);
  });
});
