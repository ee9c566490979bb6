import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../core/context.ts';
import { route } from '../../../core/http/route.ts';
import { customerForCaller } from '../sip/inboundCaller.ts';
import { logPhoneCall } from '../sip/phoneCallLog.ts';
import { dialNumber, phoneLineFor } from '../sip/phoneLine.ts';
import { iceServersFor } from './turnCredentials.ts';

export const IceServersResponse = z.object({
  iceServers: z.array(
    z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() }),
  ),
  /** When the TURN credentials stop working; a browser asks again before placing or answering a later call. */
  expiresAt: z.iso.datetime(),
});

export const PhoneLineResponse = z.object({
  line: z
    .object({
      janusUrl: z.string(),
      token: z.string(),
      expiresAt: z.iso.datetime(),
      account: z.object({ username: z.string(), proxy: z.string(), secret: z.string(), displayName: z.string() }),
    })
    .nullable(),
});

const DialBody = z.object({ number: z.string().max(100) });
const DialResponse = z.object({ number: z.string(), uri: z.string() });

const InboundCallBody = z.object({ from: z.string().min(1).max(500) });
const PhoneCallBody = z.object({
  customerId: z.uuid({ message: 'customerId must be a customer id' }),
  direction: z.enum(['in', 'out'], { message: 'direction must be in or out' }),
  number: z.string().trim().min(1).max(40),
  answeredAt: z.iso.datetime({ offset: true, message: 'answeredAt must be an ISO date-time' }).nullable(),
  endedAt: z.iso.datetime({ offset: true, message: 'endedAt must be an ISO date-time' }),
});
const PhoneCallResponse = z.object({
  conversationId: z.uuid(),
  entry: z.object({ seq: z.number().int(), body: z.string() }),
});
const InboundCallResponse = z.object({
  customer: z.object({ id: z.uuid(), name: z.string().nullable(), phone: z.string().nullable() }),
  number: z.string().nullable(),
  created: z.boolean(),
});

/** The STUN and TURN servers for a call, with TURN credentials made for the one asking. */
function iceServersReply(services: Services, identity: string) {
  const now = services.now();
  return {
    iceServers: iceServersFor(services.config, identity, now),
    expiresAt: new Date(now.getTime() + services.config.turnTtlSeconds * 1000).toISOString(),
  };
}

/**
 * How browsers reach each other and the phone network: ICE servers for agents (session cookie) and for visitors
 * in the widget (visitor token), and the agent's phone line through Janus. Credentials are short-lived and never
 * stored: coturn and Janus check them against their shared secrets.
 */
export function voiceLineRoutes(app: FastifyInstance, services: Services) {
  // The same servers for both ends of a call; each asker's TURN credentials carry who they are.
  const askers = [
    { url: '/api/v1/voice/ice-servers', tag: 'voice', auth: 'agent', who: 'a call' },
    { url: '/api/v1/widget/voice/ice-servers', tag: 'widget', auth: 'visitor', who: "a visitor's call" },
  ] as const;
  for (const asker of askers) {
    route(app, services, {
      method: 'GET',
      url: asker.url,
      tag: asker.tag,
      summary: `STUN and TURN servers for ${asker.who}, with TURN credentials valid for TURN_TTL_SECONDS`,
      auth: asker.auth,
      responses: { 200: IceServersResponse },
      handler: async ({ actor, reply }) => {
        reply.header('cache-control', 'no-store');
        return iceServersReply(services, 'agentId' in actor ? `agent-${actor.agentId}` : `customer-${actor.customerId}`);
      },
    });
  }

  route(app, services, {
    method: 'GET',
    url: '/api/v1/voice/phone-line',
    tag: 'voice',
    summary: "The agent's phone line through Janus (address, token, SIP account), or null when none is connected",
    auth: 'agent',
    responses: { 200: PhoneLineResponse },
    handler: async ({ actor, reply }) => {
      reply.header('cache-control', 'no-store');
      const line = await phoneLineFor(services, actor);
      return { line: line && { ...line, expiresAt: line.expiresAt.toISOString() } };
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/voice/dial',
    tag: 'voice',
    summary: 'The SIP address that rings a phone number through the line (400 for a number that cannot be called)',
    auth: 'agent',
    body: DialBody,
    responses: { 200: DialResponse },
    handler: async ({ actor, body }) => dialNumber(services, actor, body.number),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/voice/phone-calls',
    tag: 'voice',
    summary: "A call on the phone line that ended, on the customer's timeline (their open phone conversation, or a new one)",
    auth: 'agent',
    body: PhoneCallBody,
    responses: { 201: PhoneCallResponse },
    handler: async ({ actor, body, reply }) => {
      reply.code(201);
      return logPhoneCall(services, actor, body);
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/voice/inbound-calls',
    tag: 'voice',
    summary: "Who a ringing phone call is from: the customer holding the caller's number, or a new unverified one",
    auth: 'agent',
    body: InboundCallBody,
    responses: { 200: InboundCallResponse },
    handler: async ({ actor, body }) => {
      const { customer, number, created } = await customerForCaller(services, actor.workspaceId, body.from);
      return { customer: { id: customer.id, name: customer.name, phone: customer.phone }, number, created };
    },
  });
}
