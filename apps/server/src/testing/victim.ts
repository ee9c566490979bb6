import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { callbacks, inboundEmails } from '../modules/conversations/index.ts';
import { alerts } from '../modules/empathy/index.ts';
import { teams } from '../modules/teams/index.ts';
import { calls } from '../modules/voice/index.ts';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildVisitor,
  buildWorkspace,
  client,
  newAddress,
  newClientId,
  type Signed,
  signIn,
} from './factories.ts';
import type { TestServer } from './testServer.ts';

/**
 * A workspace holding one of everything, for the tests that go looking for it from outside: a conversation of a
 * restricted team, with a visitor's message, a note, a handoff note on a pending transfer, a service failure and
 * an alert; its customer with an email, a note, an organization; two more customers merged; an attribute and an
 * open invitation. Every word written is unique to this victim, so a body that holds one has leaked it.
 */
export async function buildVictim(t: TestServer) {
  // Letters only, so no mark can read as a number to the text search.
  const mark = randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);
  const secret = (what: string) => `secret-${what}-${mark}`;
  const workspace = await buildWorkspace(t, { name: secret('shop') });
  const [adminRecord, memberRecord, colleagueRecord, outsiderRecord] = await Promise.all([
    buildAgent(t, workspace, { role: 'admin', displayName: 'Ada Admin' }),
    buildAgent(t, workspace, { displayName: secret('member') }),
    buildAgent(t, workspace, { displayName: 'Cleo Colleague' }),
    buildAgent(t, workspace, { displayName: 'Otto Outsider' }),
  ]);
  const team = await buildTeam(t, workspace, { name: secret('team'), members: [memberRecord, colleagueRecord] });
  await teams.update(t.db, workspace.id, team.id, { restricted: true });
  const [admin, member, colleague, outsider] = await Promise.all([
    signIn(t, adminRecord),
    signIn(t, memberRecord),
    signIn(t, colleagueRecord),
    signIn(t, outsiderRecord),
  ]);
  const as = (who: Signed) => client(t, who);
  const ok = async (res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    // biome-ignore lint/suspicious/noExplicitAny: the setup reads what the API answered
    return r.body as any;
  };

  const chat = await buildConversation(t, workspace, secret('message'));
  // A file the customer sent in the conversation: its name and its words are the conversation's.
  const asVisitor = client(t, { visitorToken: chat.visitorToken, from: newAddress() });
  const uploaded = await ok(
    asVisitor.post(`/api/v1/widget/attachments?name=${secret('attachment')}.txt`, Buffer.from(secret('attachment-text')), {
      'content-type': 'application/octet-stream',
    }),
  );
  await ok(
    asVisitor.post('/api/v1/widget/messages', { clientId: newClientId(), body: '', attachmentIds: [uploaded.attachment.id] }),
  );
  const url = `/api/v1/conversations/${chat.conversationId}`;
  await ok(as(admin).patch(url, { teamId: team.id }));
  await ok(as(admin).post(`${url}/assign`, { agentId: memberRecord.id }));
  await ok(as(member).post(`${url}/notes`, { clientId: newClientId(), body: secret('note') }));
  await ok(as(member).post(`${url}/service-failure`, { reason: secret('failure') }));
  await ok(as(member).post(`${url}/transfer`, { toAgentId: colleagueRecord.id, note: secret('handoff') }));
  const alert = await alerts.raise(t.db, workspace.id, {
    conversationId: chat.conversationId,
    kind: 'mood_drop',
    text: secret('alert'),
  });

  // The first message as if it came by email: the kept email an agent may open (GET …/entries/1/email).
  const [first] = await t.db.query<{ id: string }>('select id::text as id from entries where conversation_id = $1 and seq = 1', [
    chat.conversationId,
  ]);
  const keptEmail = await inboundEmails.keep(t.db, {
    workspaceId: workspace.id,
    dedupeKey: `id:<${mark}@example.com>`,
    messageId: `<${mark}@example.com>`,
    sender: 'sam@example.com',
    subject: null,
    html: null,
    flags: [],
    automatic: false,
    raw: Buffer.from(`From: sam@example.com\r\nSubject: order\r\n\r\n${secret('email-text')}\r\n`),
  });
  await inboundEmails.link(t.db, workspace.id, keptEmail!, {
    conversationId: chat.conversationId,
    entryId: first!.id,
    customerId: null,
    flags: [],
  });

  const customerId = (await ok(as(admin).get(url))).conversation.customer.id as string;
  const customer = `/api/v1/customers/${customerId}`;
  await ok(as(admin).patch(customer, { name: secret('name') }));
  const email = `${secret('email')}@example.com`;
  const withEmail = await ok(as(admin).post(`${customer}/identities`, { kind: 'email', value: email }));
  const identityId = withEmail.customer.identities.find((i: { value: string }) => i.value === email).id as string;
  await ok(as(admin).post(`${customer}/notes`, { body: secret('customer-note') }));
  const organizationId = (await ok(as(admin).post('/api/v1/organizations', { name: secret('organization') }))).organization
    .id as string;
  await ok(as(admin).put(`/api/v1/organizations/${organizationId}/members/${customerId}`, { role: 'buyer' }));
  await ok(as(admin).post('/api/v1/attributes', { key: 'plan', label: secret('attribute'), type: 'text' }));
  await ok(as(member).post(`${url}/tags`, { tag: secret('tag') }));
  // The customer's first message, marked by the member as a moment of delight on the restricted team's wall.
  const momentId = (await ok(as(member).post(`${url}/delight`, { seq: 1, keep: true }))).moment.id as string;
  const savedReplyId = (
    await ok(
      as(admin).post('/api/v1/saved-replies', { shortcut: secret('reply'), title: 'Hello', body: 'Hi {{customer.first_name}}' }),
    )
  ).savedReply.id as string;

  const newCustomer = async (who: string) =>
    (await ok(as(admin).post('/api/v1/customers', { name: secret(who) }))).customer.id as string;
  const [keptId, mergedId, spareId] = await Promise.all([newCustomer('kept'), newCustomer('merged'), newCustomer('spare')]);
  const mergeId = (await ok(as(admin).post(`/api/v1/customers/${keptId}/merge`, { sourceId: mergedId }))).mergeId as string;
  const invitation = await ok(as(admin).post('/api/v1/agents/invitations', { email: `${secret('invitee')}@example.com` }));
  const invitationToken = String(invitation.invitation.url).split('/').at(-1)!;
  const neighbour = await buildVisitor(t, workspace);
  // A call the member took on the conversation, and has ended.
  const placed = await calls.insert(t.db, {
    workspaceId: workspace.id,
    conversationId: chat.conversationId,
    customerId,
    customerSocket: randomUUID(),
    placedAt: new Date(),
  });
  await calls.ring(t.db, workspace.id, placed.id, memberRecord.id, new Date());
  await calls.answerIfRinging(t.db, workspace.id, placed.id, memberRecord.id, randomUUID(), new Date());
  await calls.endIfLive(t.db, workspace.id, placed.id, 'completed', new Date());

  // A store where the member and the colleague work: one walk-in called to the admin's counter, one waiting, and an
  // appointment booked for an hour from now.
  const store = await ok(
    as(admin).post('/api/v1/locations', {
      slug: `victim-${mark}`,
      name: secret('store'),
      timezone: 'UTC',
      openingHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00', '24:00']])),
      services: [{ name: 'Returns', typicalMinutes: 10 }],
      staffIds: [adminRecord.id, memberRecord.id, colleagueRecord.id],
    }),
  );
  const locationId = store.location.id as string;
  const serviceId = store.location.services[0].id as string;
  const kiosk = client(t, { from: newAddress() });
  const checkIn = (who: string) =>
    ok(kiosk.post(`/api/v1/store/locations/victim-${mark}/check-ins`, { clientId: newClientId(), name: secret(who), serviceId }));
  await checkIn('walk-in');
  const waitingTicket = (await checkIn('second-walk-in')).ticket.token as string;
  const walkInId = (await ok(as(admin).post(`/api/v1/locations/${locationId}/call-next`))).ticket.id as string;
  // On the quarter hour, an hour or so from now: inside the staff view's day.
  const soon = new Date(Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000).toISOString();
  const booked = await ok(
    kiosk.post(`/api/v1/store/locations/victim-${mark}/appointments`, {
      clientId: newClientId(),
      serviceId,
      start: soon,
      agentId: null,
      name: secret('appointment'),
      contact: `${secret('booker')}@example.com`,
    }),
  );
  const appointmentId = (await ok(as(admin).get(`/api/v1/locations/${locationId}/queue`))).appointments[0]?.id as string;

  const ids = {
    conversationId: chat.conversationId,
    locationId,
    serviceId,
    walkInId,
    appointmentId,
    customerId,
    identityId,
    organizationId,
    teamId: team.id,
    memberId: memberRecord.id,
    colleagueId: colleagueRecord.id,
    alertId: alert.id,
    mergeId,
    keptId,
    spareId,
    callId: placed.id,
    tag: secret('tag'),
    savedReplyId,
    momentId,
    attachmentId: uploaded.attachment.id as string,
  };
  /** What only those who may read the restricted conversation may see. */
  const ofTheConversation = [
    chat.conversationId,
    alert.id,
    ...['message', 'note', 'failure', 'handoff', 'alert', 'tag', 'attachment', 'attachment-text', 'email-text'].map(secret),
    placed.id,
    uploaded.attachment.id,
    momentId,
  ];
  /** What only the agents of this workspace and the customer themselves may see. */
  const ofTheCustomer = [
    ...ofTheConversation,
    customerId,
    identityId,
    organizationId,
    email,
    secret('name'),
    secret('customer-note'),
  ];
  /** What nobody outside this workspace may see. */
  const ofTheWorkspace = [
    ...ofTheCustomer,
    ...Object.values(ids),
    workspace.id,
    invitationToken,
    ...['shop', 'member', 'team', 'organization', 'attribute', 'kept', 'merged', 'spare', 'invitee', 'reply'].map(secret),
    ...['store', 'walk-in', 'second-walk-in', 'appointment', 'booker'].map(secret),
  ];
  return {
    workspace,
    ids,
    invitationToken,
    /** The store's public address, a waiting walk-in's ticket and the appointment's link: what customers hold. */
    store: { slug: `victim-${mark}`, waitingTicket, appointmentToken: booked.appointment.token as string },
    adminEmail: adminRecord.email,
    /** The customer's name, one word: what a saved reply greets them by. */
    customerName: secret('name'),
    /** Signed in: an admin, the assignee (in the restricted team), the colleague the transfer is offered to, and an agent outside the team. */
    admin,
    member,
    colleague,
    outsider,
    /** The visitor who wrote, and another visitor of the same workspace. */
    visitorToken: chat.visitorToken,
    neighbourToken: neighbour.visitorToken,
    /** A callback the member promised on the conversation falls due, for the routes that ring and record it. */
    async callbackDue() {
      const promise = await callbacks.create(t.db, workspace.id, {
        conversationId: chat.conversationId,
        phone: '+442071838752',
        windowStart: new Date(),
        windowEnd: new Date(Date.now() + 30 * 60_000),
        ownerId: memberRecord.id,
      });
      await callbacks.setStatus(t.db, workspace.id, promise.id, 'due');
    },
    secrets: { ofTheConversation, ofTheCustomer, ofTheWorkspace },
  };
}

export type Victim = Awaited<ReturnType<typeof buildVictim>>;

/** The words of `secrets` that `body` holds: what a response leaked. */
export function leaked(body: unknown, secrets: readonly string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return secrets.filter((s) => text.includes(s));
}
