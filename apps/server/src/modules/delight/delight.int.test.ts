import type { Entry } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from '../../core/context.ts';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  request,
  signIn,
} from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/**
 * A shop where Jonas helps Wanjiru Kamau in the Care team: an admin, a supervisor, Jonas, a colleague in the team, and
 * an agent of another team. Wanjiru has written once.
 */
async function shop(opts: { restricted?: boolean } = {}) {
  const workspace = await buildWorkspace(t, { name: 'Duka Bora' });
  const [admin, supervisor, jonas, cleo, otto] = await Promise.all([
    buildAgent(t, workspace, { role: 'admin', displayName: 'Amina Odhiambo' }),
    buildAgent(t, workspace, { role: 'supervisor', displayName: 'Priya Nair' }),
    buildAgent(t, workspace, { displayName: 'Jonas Berg' }),
    buildAgent(t, workspace, { displayName: 'Cleo Colleague' }),
    buildAgent(t, workspace, { displayName: 'Otto Other' }),
  ]);
  const team = await buildTeam(t, workspace, { name: 'Care', members: [jonas, cleo] });
  const as = {
    admin: client(t, await signIn(t, admin)),
    supervisor: client(t, await signIn(t, supervisor)),
    jonas: client(t, await signIn(t, jonas)),
    cleo: client(t, await signIn(t, cleo)),
    otto: client(t, await signIn(t, otto)),
  };
  if (opts.restricted) expect((await as.admin.patch(`/api/v1/teams/${team.id}`, { restricted: true })).status).toBe(200);
  const chat = await buildConversation(t, workspace, 'My order came without the charger');
  const url = `/api/v1/conversations/${chat.conversationId}`;
  const conversation = (await as.admin.get(url)).body.conversation;
  expect((await as.admin.patch(`/api/v1/customers/${conversation.customer.id}`, { name: 'Wanjiru Kamau' })).status).toBe(200);
  const withEmail = await as.admin.post(`/api/v1/customers/${conversation.customer.id}/identities`, {
    kind: 'email',
    value: 'wanjiru.kamau@example.com',
  });
  expect(withEmail.status).toBe(200);
  expect((await as.admin.patch(url, { teamId: team.id })).status).toBe(200);
  expect((await as.admin.post(`${url}/assign`, { agentId: jonas.id })).status).toBe(200);
  const visitor = client(t, { visitorToken: chat.visitorToken });
  /** Wanjiru writes; answers the entry's seq. */
  const says = async (body: string) => {
    const res = await visitor.post('/api/v1/widget/messages', { clientId: newClientId(), body });
    expect(res.status).toBe(201);
    return res.body.entry.seq as number;
  };
  return { workspace, admin, supervisor, jonas, cleo, otto, team, as, chat, url, customerId: conversation.customer.id, says };
}

type Shop = Awaited<ReturnType<typeof shop>>;
type Moment = { id: string; seq: number | null; status: string; source: string; words: string };

const momentsOf = async (s: Shop, who: keyof Shop['as'] = 'jonas') =>
  (await s.as[who].get(`${s.url}/delight`)).body.moments as Moment[];
const wallOf = async (s: Shop, who: keyof Shop['as'] = 'jonas') => {
  const res = await s.as[who].get(`/api/v1/delight/walls/${s.team.id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.wall;
};

/** A survey answer stored as the survey module stores it, and announced as it announces it. */
async function answerSurvey(s: Shop, answer: { csat: number | null; feeling: string | null; comment: string | null }) {
  const [row] = await t.db.query<{ id: string }>(
    `insert into survey_responses (workspace_id, conversation_id, customer_id, team_id, agent_id, channel, csat, feeling, comment)
     values ($1, $2, $3, $4, $5, 'chat', $6, $7, $8)
     on conflict (conversation_id) do update set csat = excluded.csat returning id`,
    [s.workspace.id, s.chat.conversationId, s.customerId, s.team.id, s.jonas.id, answer.csat, answer.feeling, answer.comment],
  );
  const event = {
    type: 'survey.answered' as const,
    workspaceId: s.workspace.id,
    conversationId: s.chat.conversationId,
    customerId: s.customerId,
    responseId: row!.id,
    ces: null,
    ...answer,
  };
  await afterCommit(t, [event]);
  return { responseId: row!.id, announceAgain: () => afterCommit(t, [event]) };
}

describe(`moments of delight (${backend})`, () => {
  it("an agent marks a customer's message: the words as written then, first name only, on the team's wall; unmarking takes it off", async () => {
    const s = await shop();
    const seq = await s.says('Thank you for sending the charger so quickly');
    const marked = await s.as.jonas.post(`${s.url}/delight`, { seq, keep: true });
    expect(marked.status).toBe(200);
    expect(marked.body.moment).toMatchObject({
      seq,
      status: 'kept',
      source: 'agent',
      words: 'Thank you for sending the charger so quickly',
      customerFirstName: 'Wanjiru',
      agent: { id: s.jonas.id, name: 'Jonas Berg' },
      decidedBy: { id: s.jonas.id, name: 'Jonas Berg' },
      team: { id: s.team.id, name: 'Care' },
    });
    // Marking again changes nothing: one moment per message.
    expect((await s.as.cleo.post(`${s.url}/delight`, { seq, keep: true })).body.moment.id).toBe(marked.body.moment.id);

    const wall = await wallOf(s, 'cleo');
    expect(wall.team).toEqual({ id: s.team.id, name: 'Care', restricted: false });
    expect(wall.moments.map((m: Moment) => m.words)).toEqual(['Thank you for sending the charger so quickly']);
    expect(JSON.stringify(wall)).not.toMatch(/Kamau|wanjiru\.kamau@example\.com/);
    expect(wall.canShare).toBe(false);
    expect((await s.as.cleo.get('/api/v1/delight/walls')).body.walls).toEqual([
      { team: { id: 'all', name: 'All teams' }, kept: 1, suggested: 0 },
      { team: { id: s.team.id, name: 'Care' }, kept: 1, suggested: 0 },
    ]);

    const unmarked = await s.as.jonas.post(`${s.url}/delight`, { seq, keep: false });
    expect(unmarked.body.moment).toMatchObject({ id: marked.body.moment.id, status: 'dismissed' });
    expect((await wallOf(s)).moments).toEqual([]);
  });

  it('refuses what cannot be a moment with a clear 4xx, and stores nothing', async () => {
    const s = await shop();
    expect((await s.as.jonas.post(`${s.url}/notes`, { clientId: newClientId(), body: 'Charger resent' })).status).toBe(201);
    expect((await s.as.jonas.post(`${s.url}/messages`, { clientId: newClientId(), body: 'On its way!' })).status).toBe(201);
    const entries = (await s.as.jonas.get(`${s.url}/entries`)).body.entries as Entry[];
    const note = entries.find((e) => e.kind === 'note')!.seq;
    const reply = entries.find((e) => e.kind === 'message' && e.direction === 'out')!.seq;
    const cases: Array<[unknown, number, RegExp]> = [
      [{ seq: note, keep: true }, 400, /^seq: only a message from the customer can be a moment of delight$/],
      [{ seq: reply, keep: true }, 400, /only a message from the customer/],
      [{ seq: 999, keep: true }, 404, /^Message not found/],
      [{ seq: 0, keep: true }, 400, /^seq must be a whole number above 0$/],
      [{ seq: 1.5, keep: true }, 400, /^seq must be a whole number$/],
      [{ seq: 1 }, 400, /^keep must be true/],
    ];
    for (const [body, status, message] of cases) {
      const res = await s.as.jonas.post(`${s.url}/delight`, body);
      expect([res.status, res.body.error?.message]).toEqual([status, expect.stringMatching(message)]);
    }
    expect(await momentsOf(s)).toEqual([]);
    const decided = await s.as.admin.patch('/api/v1/delight/moments/00000000-0000-4000-8000-000000000000', { status: 'kept' });
    expect(decided.status).toBe(404);
    expect((await s.as.admin.patch('/api/v1/delight/moments/x', { status: 'maybe' })).body.error.message).toMatch(
      /^status must be "kept" or "dismissed"$/,
    );
  });

  it('a delighted message is suggested once; kept, it reaches the wall; dismissed, it is never suggested again', async () => {
    const s = await shop();
    await s.says('ok thanks bye');
    const seq = await s.says('This is wonderful, I love it!');
    await expect
      .poll(async () => (await momentsOf(s)).map((m) => [m.seq, m.status, m.source]))
      .toEqual([[seq, 'suggested', 'message']]);
    // The suggestion waits for Jonas and supervisors, not on the wall yet, and not for Cleo (not her conversation).
    expect((await wallOf(s)).moments).toEqual([]);
    expect((await wallOf(s)).suggested.map((m: Moment) => m.seq)).toEqual([seq]);
    expect((await wallOf(s, 'supervisor')).suggested).toHaveLength(1);
    expect((await wallOf(s, 'cleo')).suggested).toEqual([]);
    const [suggestion] = await momentsOf(s);
    const refused = await s.as.cleo.patch(`/api/v1/delight/moments/${suggestion!.id}`, { status: 'kept' });
    expect([refused.status, refused.body.error.message]).toEqual([
      403,
      "Only the conversation's agent, or a supervisor, can keep or dismiss this moment.",
    ]);

    // The same message announced again (a listener run twice) suggests nothing more.
    const entries = (await s.as.jonas.get(`${s.url}/entries`)).body.entries as Entry[];
    const warm = entries.find((e) => e.seq === seq)!;
    expect(warm.emotion?.label).toBe('delighted');
    const again = { type: 'entry.appended' as const, workspaceId: s.workspace.id, customerId: s.customerId, entry: warm };
    await t.listeners.dispatch(t, [again], t.log);
    expect(await momentsOf(s)).toHaveLength(1);

    const dismissed = await s.as.jonas.patch(`/api/v1/delight/moments/${suggestion!.id}`, { status: 'dismissed' });
    expect(dismissed.body.moment.status).toBe('dismissed');
    await t.listeners.dispatch(t, [again], t.log);
    expect((await momentsOf(s)).map((m) => m.status)).toEqual(['dismissed']);

    // Changing one's mind: marked after all, it goes on the wall as it was written.
    await s.as.jonas.post(`${s.url}/delight`, { seq, keep: true });
    expect((await wallOf(s, 'otto')).moments.map((m: Moment) => [m.words, m.source])).toEqual([
      ['This is wonderful, I love it!', 'message'],
    ]);
  });

  it('a survey answer of 5 out of 5 is suggested once and kept by a supervisor; a low one is not', async () => {
    const s = await shop();
    const answer = await answerSurvey(s, { csat: 5, feeling: 'grateful', comment: null });
    const [moment] = await momentsOf(s);
    expect(moment).toMatchObject({ seq: null, surveyResponseId: answer.responseId, words: '', csat: 5, source: 'survey' });
    await answer.announceAgain();
    expect(await momentsOf(s)).toHaveLength(1);
    const kept = await s.as.supervisor.patch(`/api/v1/delight/moments/${moment!.id}`, { status: 'kept' });
    expect(kept.body.moment).toMatchObject({ status: 'kept', decidedBy: { name: 'Priya Nair' }, agent: { name: 'Jonas Berg' } });
    expect((await wallOf(s)).moments.map((m: { csat: number }) => m.csat)).toEqual([5]);

    const low = await shop();
    await answerSurvey(low, { csat: 2, feeling: 'delighted', comment: 'Nobody answered for an hour' });
    expect(await momentsOf(low)).toEqual([]);
    const warm = await shop();
    await answerSurvey(warm, { csat: null, feeling: null, comment: 'Jonas was brilliant, thank you so much for your patience!' });
    expect((await momentsOf(warm)).map((m) => m.words)).toEqual(['Jonas was brilliant, thank you so much for your patience!']);
  });

  it("a restricted team's wall and moments are its members', supervisors' and admins' only; another workspace sees none", async () => {
    const s = await shop({ restricted: true });
    const seq = await s.says('Thank you Jonas, you saved my weekend and my sanity!');
    await s.as.jonas.post(`${s.url}/delight`, { seq, keep: true });
    expect((await wallOf(s, 'cleo')).moments).toHaveLength(1);
    expect((await wallOf(s, 'admin')).moments).toHaveLength(1);
    const outside = await s.as.otto.get(`/api/v1/delight/walls/${s.team.id}`);
    expect([outside.status, outside.body.error.code]).toEqual([404, 'not_found']);
    expect((await s.as.otto.get('/api/v1/delight/walls')).body.walls).toEqual([
      { team: { id: 'all', name: 'All teams' }, kept: 0, suggested: 0 },
    ]);
    expect((await s.as.otto.get('/api/v1/delight/walls/all')).body.wall.moments).toEqual([]);
    expect((await s.as.otto.get(`${s.url}/delight`)).status).toBe(404);
    expect((await s.as.otto.post(`${s.url}/delight`, { seq, keep: false })).status).toBe(404);
    const [moment] = await momentsOf(s);
    expect((await s.as.otto.patch(`/api/v1/delight/moments/${moment!.id}`, { status: 'dismissed' })).status).toBe(404);
    expect((await s.as.otto.post(`/api/v1/delight/walls/${s.team.id}/share`)).status).toBe(404);

    const elsewhere = await shop();
    for (const res of [
      await elsewhere.as.admin.get(`/api/v1/delight/walls/${s.team.id}`),
      await elsewhere.as.admin.get(`${s.url}/delight`),
      await elsewhere.as.admin.patch(`/api/v1/delight/moments/${moment!.id}`, { status: 'dismissed' }),
      await elsewhere.as.admin.post(`/api/v1/delight/walls/${s.team.id}/share`),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('saved my weekend');
    }
    const theirs = (await elsewhere.as.admin.get('/api/v1/delight/walls')).body.walls;
    expect(theirs.map((w: { team: { id: string }; kept: number }) => [w.team.id, w.kept])).toEqual([
      ['all', 0],
      [elsewhere.team.id, 0],
    ]);
    expect((await elsewhere.as.admin.get('/api/v1/delight/walls/all')).body.wall.moments).toEqual([]);
    expect((await wallOf(s, 'admin')).moments[0].status).toBe('kept');
  });

  it('a supervisor shares the wall by a link: a public page, inert, first names only; revoked, it opens nothing', async () => {
    const s = await shop();
    const seq = await s.says('<script>alert("hi")</script> You are the best, thank you so so much!!');
    await s.as.jonas.post(`${s.url}/delight`, { seq, keep: true });
    const refused = await s.as.jonas.post(`/api/v1/delight/walls/${s.team.id}/share`);
    expect([refused.status, refused.body.error.message]).toEqual([403, 'Only supervisors and admins can share a wall.']);

    const shared = await s.as.supervisor.post(`/api/v1/delight/walls/${s.team.id}/share`);
    expect(shared.status).toBe(200);
    const link = new URL(shared.body.share.url);
    expect(link.pathname).toMatch(/^\/wall\/[\w-]+\.[\w-]+$/);
    expect(shared.body.share.createdBy).toBe('Priya Nair');
    // Sharing again answers the same link, which the wall shows supervisors.
    expect((await s.as.admin.post(`/api/v1/delight/walls/${s.team.id}/share`)).body.share.url).toBe(shared.body.share.url);
    expect((await wallOf(s, 'supervisor')).share.url).toBe(shared.body.share.url);
    expect((await wallOf(s)).share).toBeNull();

    const page = await request(t, 'GET', link.pathname, undefined, { from: newAddress() });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
    const html = String(page.body);
    expect(html).toContain('Moments of delight');
    expect(html).toContain('Wanjiru');
    expect(html).toContain('Jonas Berg');
    expect(html).toContain('&#60;script&#62;alert(&#34;hi&#34;)&#60;/script&#62; You are the best');
    expect(html).not.toMatch(/<script|Kamau|wanjiru\.kamau/);

    const tampered = `${link.pathname.slice(0, -2)}xx`;
    expect((await request(t, 'GET', tampered, undefined, { from: newAddress() })).status).toBe(404);

    expect((await s.as.jonas.raw('DELETE', `/api/v1/delight/walls/${s.team.id}/share`)).status).toBe(403);
    const revoked = await s.as.supervisor.raw('DELETE', `/api/v1/delight/walls/${s.team.id}/share`);
    expect([revoked.status, revoked.body]).toEqual([200, { share: null }]);
    const gone = await request(t, 'GET', link.pathname, undefined, { from: newAddress() });
    expect(gone.status).toBe(404);
    expect(String(gone.body)).toContain("This wall isn't shared any more");
    expect(String(gone.body)).not.toContain('You are the best');
    expect((await wallOf(s, 'supervisor')).share).toBeNull();
    // A new link is a new one: the old stays dead.
    const again = await s.as.supervisor.post(`/api/v1/delight/walls/${s.team.id}/share`);
    expect(again.body.share.url).not.toBe(shared.body.share.url);
    expect((await request(t, 'GET', link.pathname, undefined, { from: newAddress() })).status).toBe(404);
    expect((await request(t, 'GET', new URL(again.body.share.url).pathname, undefined, { from: newAddress() })).status).toBe(200);
  });

  it("the wall of all teams holds every team's moments and those of no team; its public link never shows a restricted team's", async () => {
    const s = await shop({ restricted: true });
    await s.as.jonas.post(`${s.url}/delight`, {
      seq: await s.says('Thank you Jonas, the spare charger came today!'),
      keep: true,
    });
    // A customer of no team, helped by Otto.
    const walkIn = await buildConversation(t, s.workspace, 'Thank you Otto, the shop on Moi Avenue was lovely');
    await s.as.otto.post(`/api/v1/conversations/${walkIn.conversationId}/delight`, { seq: 1, keep: true });
    const words = async (who: keyof Shop['as']) =>
      ((await s.as[who].get('/api/v1/delight/walls/all')).body.wall.moments as Moment[]).map((m) => m.words).sort();
    expect(await words('cleo')).toEqual([
      'Thank you Jonas, the spare charger came today!',
      'Thank you Otto, the shop on Moi Avenue was lovely',
    ]);
    expect(await words('supervisor')).toHaveLength(2);
    expect(await words('otto')).toEqual(['Thank you Otto, the shop on Moi Avenue was lovely']);
    expect((await s.as.otto.post('/api/v1/delight/walls/all/share')).status).toBe(403);

    const shared = await s.as.admin.post('/api/v1/delight/walls/all/share');
    expect(shared.status).toBe(200);
    const page = String(
      (await request(t, 'GET', new URL(shared.body.share.url).pathname, undefined, { from: newAddress() })).body,
    );
    expect(page).toContain('Thank you Otto, the shop on Moi Avenue was lovely');
    expect(page).toContain('What customers told us, in their own words.');
    expect(page).not.toContain('spare charger');
    // The team's own link is another one.
    const team = await s.as.admin.post(`/api/v1/delight/walls/${s.team.id}/share`);
    expect(team.body.share.url).not.toBe(shared.body.share.url);
    expect((await s.as.admin.raw('DELETE', '/api/v1/delight/walls/all/share')).status).toBe(200);
    expect((await request(t, 'GET', new URL(shared.body.share.url).pathname, undefined, { from: newAddress() })).status).toBe(
      404,
    );
    expect((await request(t, 'GET', new URL(team.body.share.url).pathname, undefined, { from: newAddress() })).status).toBe(200);
  });

  it('the public page is rate limited per address', async () => {
    const s = await shop();
    const link = new URL((await s.as.admin.post(`/api/v1/delight/walls/${s.team.id}/share`)).body.share.url).pathname;
    const from = newAddress();
    let last = await request(t, 'GET', link, undefined, { from });
    for (let i = 0; i < 120 && last.status === 200; i++) last = await request(t, 'GET', link, undefined, { from });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await request(t, 'GET', link, undefined, { from: newAddress() })).status).toBe(200);
  });

  it('erasing a customer takes their words off every wall', async () => {
    const s = await shop();
    const seq = await s.says('Perfect, that is exactly what I needed. Thank you!');
    await s.as.jonas.post(`${s.url}/delight`, { seq, keep: true });
    expect((await s.as.admin.post(`/api/v1/customers/${s.customerId}/erase`)).status).toBe(200);
    expect((await wallOf(s)).moments).toEqual([]);
  });
});
