import { randomUUID } from 'node:crypto';
import { images } from '../modules/files/images.testing.ts';
import { DELIGHT_CASES } from './delightIsolationCases.ts';
import type { Reply } from './factories.ts';
import { REPORT_ISOLATION_CASES } from './reportIsolationCases.ts';
import { STORE_DOOR_CASES } from './storeIsolationCases.ts';
import { SURVEY_CASES } from './surveyIsolationCases.ts';
import type { Victim } from './victim.ts';

/** Who, inside the victim's workspace, may make a request: the control showing that an outsider's 404 is about access. */
export type Insider = 'admin' | 'member' | 'colleague' | 'visitor';

/**
 * How one route is tried from outside. Parameters and ids in bodies are filled from the victim by name
 * (`targetOf`); a case says only what a sample cannot know.
 */
export interface IsolationCase {
  /** A body the route accepts, when the smallest sample of its schema would be refused as invalid. */
  body?: (v: Victim, ask: Ask) => unknown | Promise<unknown>;
  contentType?: string;
  query?: (v: Victim) => Record<string, string>;
  /** The control: who gets a real answer (default: an admin, or the visitor who wrote, for widget routes). */
  insider?: Insider;
  /** Words the insider's answer must hold, so an outsider's answer without them shows a filter, not an empty page. */
  shows?: (v: Victim) => string[];
  /** The path names a view (a report's figure), not an object: another workspace's admin is answered about their own. */
  names?: 'view';
  /** Routes open to anyone: why, what a stranger is answered, and the credential-shaped input they send. */
  open?: {
    why: string;
    status: number;
    params?: (v: Victim) => Record<string, string>;
    query?: (v: Victim) => Record<string, string>;
    body?: (v: Victim) => unknown;
  };
}

export type Ask = (who: Insider, method: string, url: string, body?: unknown) => Promise<Reply>;

const conversationId = (v: Victim) => v.ids.conversationId;

/** A link a customer holds without an account (a ticket's page, an appointment's): a made-up one opens nothing. */
function madeUpLink(what: string): IsolationCase {
  return {
    open: {
      why: `the ${what}'s signed link is the credential; a made-up one tells nothing`,
      status: 404,
      params: () => ({ token: `${randomUUID()}.made-up-signature` }),
    },
  };
}

/** A free time at the victim's store, from its public calendar: hours ahead, on the quarter hour. */
function openSlot(): string {
  return new Date(Math.ceil((Date.now() + 3 * 3_600_000 + Math.random() * 3_600_000) / 900_000) * 900_000).toISOString();
}

/**
 * Every route Warmline declares, by `METHOD url`. The suite fails for a declared route missing here, so a
 * new route comes with its isolation case.
 */
export const ISOLATION_CASES: Record<string, IsolationCase> = {
  'POST /api/v1/auth/sign-in': {
    open: {
      why: 'signing in: a wrong password for a real account is answered as for an unknown one',
      status: 401,
      body: (v) => ({ email: v.adminEmail, password: 'not the password' }),
    },
  },
  'POST /api/v1/auth/sign-out': {},
  'POST /api/v1/auth/password': {
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' }),
  },
  'GET /api/v1/auth/session': {},
  'GET /api/v1/auth/invitations/:token': {
    open: {
      why: 'the invitation link itself is the credential; a made-up one tells nothing',
      status: 404,
      params: () => ({ token: 'made-up-invitation-token' }),
    },
  },
  'POST /api/v1/auth/accept-invitation': {
    open: {
      why: 'accepting an invitation needs its token; a made-up one tells nothing',
      status: 404,
      body: () => ({
        token: 'made-up-invitation-token',
        displayName: 'Eve',
        email: 'eve@example.com',
        password: 'a long passphrase',
      }),
    },
  },
  'GET /api/v1/agents': { shows: (v) => [v.ids.memberId] },
  'PATCH /api/v1/agents/me': { body: () => ({ displayName: 'Renamed' }) },
  'PUT /api/v1/agents/me/presence': {},
  'PUT /api/v1/agents/me/avatar': { body: () => images.png, contentType: 'image/png' },
  'PATCH /api/v1/agents/:id': { body: () => ({ role: 'supervisor' }) },
  'DELETE /api/v1/agents/:id': {},
  'POST /api/v1/agents/invitations': {},
  'GET /api/v1/conversations': { query: () => ({ view: 'all' }), insider: 'member', shows: (v) => [conversationId(v)] },
  'GET /api/v1/conversations/counts': {},
  'GET /api/v1/conversations/:id': {},
  'GET /api/v1/conversations/:id/entries': { shows: (v) => v.secrets.ofTheConversation.slice(2, 4) },
  'POST /api/v1/conversations/:id/messages': { insider: 'member' },
  'POST /api/v1/conversations/:id/notes': {},
  'POST /api/v1/conversations/:id/assign': {},
  'POST /api/v1/conversations/:id/resolve': {},
  'POST /api/v1/conversations/:id/reopen': {
    insider: 'member',
    body: async (v, ask) => {
      await ask('member', 'POST', `/api/v1/conversations/${conversationId(v)}/resolve`);
      return {};
    },
  },
  'PATCH /api/v1/conversations/:id': { body: () => ({ priority: 5 }) },
  'POST /api/v1/conversations/:id/transfer': {
    insider: 'member',
    body: async (v, ask) => {
      await ask('colleague', 'POST', `/api/v1/conversations/${conversationId(v)}/transfer/decline`);
      return { toTeamId: v.ids.teamId, note: 'Handing over the order question' };
    },
  },
  'POST /api/v1/conversations/:id/transfer/accept': { insider: 'colleague' },
  'POST /api/v1/conversations/:id/transfer/decline': { insider: 'colleague' },
  'GET /api/v1/teams': { shows: (v) => [v.ids.teamId] },
  'GET /api/v1/tags': { insider: 'member', shows: (v) => [v.ids.tag] },
  'POST /api/v1/conversations/:id/tags': { insider: 'member', body: () => ({ tag: 'callback-asked' }) },
  'DELETE /api/v1/conversations/:id/tags/:tag': { insider: 'member' },
  'GET /api/v1/saved-replies': { shows: (v) => [v.ids.savedReplyId] },
  'POST /api/v1/saved-replies': {
    body: () => ({ shortcut: 'thanks', title: 'Thanks', body: 'Thank you, {{customer.first_name}}' }),
  },
  'PATCH /api/v1/saved-replies/:id': { body: () => ({ title: 'Renamed reply' }) },
  'DELETE /api/v1/saved-replies/:id': {},
  'POST /api/v1/saved-replies/:id/use': { insider: 'member', shows: (v) => [`Hi ${v.customerName}`] },
  'POST /api/v1/teams': {},
  'PATCH /api/v1/teams/:id': { body: () => ({ name: 'Renamed team' }) },
  'PUT /api/v1/teams/:id/members': { body: (v) => ({ agentIds: [v.ids.memberId] }) },
  'GET /api/v1/supervisor/overview': { shows: (v) => [conversationId(v)] },
  ...REPORT_ISOLATION_CASES,
  'POST /api/v1/imports/customers': { body: () => 'name,email\nIvy Import,ivy@example.com\n', contentType: 'text/csv' },
  'GET /api/v1/exports/customers': { shows: (v) => [v.ids.customerId] },
  'GET /api/v1/exports/conversations': { shows: (v) => [conversationId(v)] },
  'GET /api/v1/workspace': { shows: (v) => [v.workspace.name] },
  'PATCH /api/v1/workspace': { body: () => ({ name: 'Renamed shop' }) },
  'PUT /api/v1/workspace/logo': { body: () => images.png, contentType: 'image/png' },
  'GET /api/v1/workspace/identity-secret': {},
  'POST /api/v1/workspace/identity-secret/rotate': {},
  'POST /api/v1/widget/session': {
    open: {
      why: 'the widget starts a session for anyone on the website; a new visitor is a customer of their own',
      status: 200,
      body: (v) => ({ workspaceKey: v.workspace.key }),
    },
  },
  'GET /api/v1/widget/config/:key': {
    open: {
      why: "every website visitor's widget reads the workspace's name, greeting, colour and logo; nothing else",
      status: 200,
      params: (v) => ({ key: v.workspace.key }),
    },
  },
  'POST /api/v1/widget/messages': {},
  'GET /api/v1/widget/conversations/:id/entries': { shows: (v) => [v.secrets.ofTheConversation[2]!] },
  'POST /api/v1/widget/leave-message': { body: (v) => ({ conversationId: conversationId(v), email: 'me@example.com' }) },
  'GET /api/v1/widget/wait': {},
  'GET /api/v1/widget/callback-windows': {},
  'POST /api/v1/widget/callback': {
    body: async (v, ask) => {
      const offered = await ask('visitor', 'GET', '/api/v1/widget/callback-windows');
      const window = offered.body.windows[0];
      return { conversationId: conversationId(v), phone: '+254712345678', windowStart: window.start, windowEnd: window.end };
    },
  },
  'GET /api/v1/customers': { shows: (v) => [v.ids.customerId] },
  'POST /api/v1/customers': { body: () => ({ name: 'Nia New' }) },
  'GET /api/v1/customers/:id': { shows: (v) => [conversationId(v)] },
  'PATCH /api/v1/customers/:id': { body: () => ({ name: 'Renamed customer' }) },
  'POST /api/v1/customers/:id/identities': { body: () => ({ kind: 'email', value: 'second@example.com' }) },
  'DELETE /api/v1/customers/:id/identities/:identityId': {},
  'POST /api/v1/customers/:id/notes': {},
  'GET /api/v1/customers/:id/timeline': { shows: (v) => [v.secrets.ofTheConversation[2]!] },
  'POST /api/v1/customers/:id/merge': {},
  'POST /api/v1/customer-merges/:id/undo': {},
  'GET /api/v1/customers/:id/export': { shows: (v) => [v.secrets.ofTheConversation[2]!] },
  'POST /api/v1/customers/:id/erase': {},
  'GET /api/v1/search': { query: (v) => ({ q: v.secrets.ofTheConversation[2]! }), shows: (v) => [conversationId(v)] },
  'GET /api/v1/attributes': { shows: (v) => [v.secrets.ofTheWorkspace.find((s) => s.includes('-attribute-'))!] },
  'POST /api/v1/attributes': { body: () => ({ key: 'tier', label: 'Tier', type: 'text' }) },
  'DELETE /api/v1/attributes/:key': {},
  'GET /api/v1/organizations': { shows: (v) => [v.ids.organizationId] },
  'POST /api/v1/organizations': {},
  'GET /api/v1/organizations/:id': {},
  'PATCH /api/v1/organizations/:id': { body: () => ({ name: 'Renamed organization' }) },
  'PUT /api/v1/organizations/:id/members/:customerId': {},
  'DELETE /api/v1/organizations/:id/members/:customerId': {},
  'GET /api/v1/organizations/:id/timeline': {},
  'GET /api/v1/alerts': { shows: (v) => [v.ids.alertId] },
  'GET /api/v1/email/mailboxes': {},
  'GET /api/v1/conversations/:id/entries/:seq/email': {
    shows: (v) => v.secrets.ofTheConversation.filter((s) => s.startsWith('secret-email-text')),
  },
  'POST /api/v1/alerts/:id/acknowledge': {},
  'GET /api/v1/conversations/:id/recovery': {},
  'POST /api/v1/conversations/:id/service-failure': { body: () => ({ reason: 'The parcel went to the wrong town' }) },
  'POST /api/v1/conversations/:id/recovery': {},
  'GET /api/v1/calls': {},
  'POST /api/v1/conversations/:id/attachments': {
    body: () => images.png,
    contentType: 'application/octet-stream',
    query: () => ({ name: 'receipt.png', type: 'image/png' }),
  },
  'GET /api/v1/attachments/:id': { shows: (v) => [v.secrets.ofTheConversation.find((s) => s.includes('-attachment-text-'))!] },
  'POST /api/v1/widget/attachments': {
    body: () => images.png,
    contentType: 'application/octet-stream',
    query: () => ({ name: 'receipt.png', type: 'image/png' }),
  },
  'GET /api/v1/widget/attachments/:id': {
    shows: (v) => [v.secrets.ofTheConversation.find((s) => s.includes('-attachment-text-'))!],
  },
  'GET /api/v1/calls/:id': { shows: (v) => [v.ids.callId] },
  'POST /api/v1/calls/:id/wrap-up': { insider: 'member', body: () => ({ notes: 'Refund agreed on the phone' }) },
  'GET /api/v1/conversations/:id/calls': { shows: (v) => [v.ids.callId] },
  'GET /api/v1/voice/ice-servers': {},
  'GET /api/v1/widget/voice/ice-servers': {},
  'GET /api/v1/voice/phone-line': {},
  'POST /api/v1/conversations/:id/callback/ring': {
    insider: 'member',
    body: async (v) => {
      await v.callbackDue();
      return {};
    },
  },
  'POST /api/v1/conversations/:id/callback/outcome': {
    insider: 'member',
    body: async (v) => {
      await v.callbackDue();
      return { outcome: 'no_answer' };
    },
  },
  'POST /api/v1/voice/dial': { body: () => ({ number: '+442071838750' }) },
  // A caller's number resolves in the asker's own workspace: an outsider finds or makes their own customer, never the victim's.
  'POST /api/v1/voice/inbound-calls': { body: () => ({ from: 'sip:+442071838751@trunk.example' }) },
  // Logging a phone call names the customer: another workspace's is not found.
  'POST /api/v1/voice/phone-calls': {
    body: (v) => ({
      customerId: v.ids.customerId,
      direction: 'in',
      number: '+442071838751',
      answeredAt: '2026-01-01T10:00:00Z',
      endedAt: '2026-01-01T10:03:00Z',
    }),
  },
  'POST /api/v1/voice/line/missed-calls': {
    open: {
      why: 'the SIP proxy reports calls nobody answered with the line secret; without it nothing is read',
      status: 401,
      query: () => ({ from: 'sip:+254712345678@trunk.example', callId: 'made-up', reason: 'nobody_on_line' }),
    },
  },
  'GET /api/v1/locations': { shows: (v) => [v.ids.locationId] },
  'POST /api/v1/locations': {
    // Slugs are unique on the whole server and another shop's admin may open one too: each request takes a new one.
    body: () => ({
      get slug() {
        return `elsewhere-${randomUUID().slice(0, 8)}`;
      },
      name: 'Karen',
      timezone: 'UTC',
      openingHours: { mon: ['09:00', '17:00'] },
      services: [{ name: 'Returns', typicalMinutes: 10 }],
    }),
  },
  'PUT /api/v1/locations/:id': {
    body: (v) => ({
      slug: v.store.slug,
      name: 'Renamed store',
      timezone: 'UTC',
      openingHours: { mon: ['09:00', '17:00'] },
      services: [{ name: 'Returns', typicalMinutes: 10 }],
      staffIds: [v.ids.memberId],
    }),
  },
  'GET /api/v1/locations/:id/queue': { shows: (v) => [v.ids.walkInId] },
  'POST /api/v1/locations/:id/call-next': {},
  'POST /api/v1/walk-ins/:id/end': { body: () => ({ outcome: 'served' }) },
  'POST /api/v1/walk-ins/:id/hand-on': { body: (v) => ({ toAgentId: v.ids.colleagueId, note: 'Over to you' }) },
  'POST /api/v1/appointments/:id/start': {},
  'POST /api/v1/conversations/:id/appointments': {
    body: (v) => ({ locationId: v.ids.locationId, serviceId: v.ids.serviceId, start: openSlot(), agentId: null }),
  },
  ...STORE_DOOR_CASES,
  'GET /api/v1/store/tickets/:token': madeUpLink('ticket'),
  'POST /api/v1/store/tickets/:token/step-out': { open: { ...madeUpLink('ticket').open!, body: () => ({ minutes: 15 }) } },
  'POST /api/v1/store/tickets/:token/come-back': madeUpLink('ticket'),
  'POST /api/v1/store/tickets/:token/cancel': madeUpLink('ticket'),
  'GET /api/v1/store/locations/:slug/availability': {
    open: {
      why: "the booking page shows anyone a store's free times, never who booked them",
      status: 200,
      params: (v) => ({ slug: v.store.slug }),
      query: (v) => ({ serviceId: v.ids.serviceId, date: new Date().toISOString().slice(0, 10) }),
    },
  },
  'POST /api/v1/store/locations/:slug/appointments': {
    open: {
      why: 'anyone books a visit, no account; a new booker is a customer of their own',
      status: 201,
      params: (v) => ({ slug: v.store.slug }),
      body: (v) => ({
        clientId: randomUUID(),
        serviceId: v.ids.serviceId,
        start: new Date(Math.ceil((Date.now() + 5 * 3_600_000) / 900_000) * 900_000).toISOString(),
        agentId: null,
        name: 'Eve',
        contact: 'eve@example.com',
      }),
    },
  },
  'GET /api/v1/store/appointments/:token': madeUpLink('appointment'),
  'POST /api/v1/store/appointments/:token/reschedule': {
    open: { ...madeUpLink('appointment').open!, body: () => ({ start: new Date(Date.now() + 86_400_000).toISOString() }) },
  },
  'POST /api/v1/store/appointments/:token/cancel': madeUpLink('appointment'),
  'GET /api/v1/widget/locations': { shows: (v) => [v.ids.locationId] },
  'POST /api/v1/widget/store-visit': {
    body: (v) => ({
      conversationId: conversationId(v),
      locationId: v.ids.locationId,
      serviceId: v.ids.serviceId,
      start: openSlot(),
      agentId: null,
    }),
  },
  ...DELIGHT_CASES,
  ...SURVEY_CASES,
  'GET /files/:key': {
    open: {
      why: 'avatars are shown to customers without a session; the random key is the credential, a made-up one finds nothing',
      status: 404,
      params: () => ({ key: 'a-made-up-file-key' }),
    },
  },
};

/** The victim's object a path parameter names, from the parameter and the collection before it. */
export function targetOf(url: string, name: string, v: Victim): string {
  if (name === 'identityId') return v.ids.identityId;
  if (name === 'customerId') return v.ids.customerId;
  if (name === 'token') return v.invitationToken;
  if (name === 'key') return 'plan';
  if (name === 'tag') return v.ids.tag;
  // The conversation's first message, which the victim keeps as a received email.
  if (name === 'seq') return '1';
  if (name === 'figure') return 'effort';
  const collection = url.split('/:')[0]!.split('/').at(-1);
  const byCollection: Record<string, string> = {
    conversations: v.ids.conversationId,
    customers: v.ids.customerId,
    organizations: v.ids.organizationId,
    teams: v.ids.teamId,
    agents: v.ids.memberId,
    'customer-merges': v.ids.mergeId,
    alerts: v.ids.alertId,
    calls: v.ids.callId,
    'saved-replies': v.ids.savedReplyId,
    attachments: v.ids.attachmentId,
    locations: v.ids.locationId,
    'walk-ins': v.ids.walkInId,
    appointments: v.ids.appointmentId,
    moments: v.ids.momentId,
    walls: v.ids.teamId,
  };
  const id = name === 'id' ? byCollection[collection ?? ''] : undefined;
  if (!id) throw new Error(`${url}: no victim object for :${name} — add one to targetOf`);
  return id;
}

/** Ids a body names, by field: the victim's objects of that kind. */
export function bodyTargets(v: Victim): Record<string, string> {
  return {
    conversationId: v.ids.conversationId,
    customerId: v.ids.customerId,
    sourceId: v.ids.spareId,
    agentId: v.ids.colleagueId,
    toAgentId: v.ids.colleagueId,
    toTeamId: v.ids.teamId,
    teamId: v.ids.teamId,
  };
}
