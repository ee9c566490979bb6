import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../core/context.ts';
import { route } from '../../../core/http/route.ts';
import { checkLineSecret, recordMissedCall } from './missedCall.ts';

// In the query, URL-encoded: the one encoding the SIP proxy's script writes without a JSON library.
const MissedCallQuery = z.object({
  workspace: z.string().min(1).max(100, { message: 'workspace must be the workspace key' }).optional(),
  from: z.string().min(1, { message: "from must be the caller's SIP address" }).max(500),
  callId: z.string().min(1, { message: "callId must be the call's SIP Call-ID" }).max(300),
  reason: z.enum(['nobody_on_line', 'not_answered', 'caller_hung_up'], {
    message: 'reason must be nobody_on_line, not_answered or caller_hung_up',
  }),
});
const MissedCallResponse = z.object({
  recorded: z.boolean(),
  conversationId: z.uuid().nullable(),
  callback: z
    .object({ id: z.uuid(), windowStart: z.iso.datetime(), windowEnd: z.iso.datetime(), ownerId: z.uuid().nullable() })
    .nullable(),
});

const MISSED_CALLS_URL = '/api/v1/voice/line/missed-calls';

/** The SIP proxy's report of a call on the phone line that reached nobody (docs/phone-lines.md, kamailio.cfg). */
export function missedCallRoutes(app: FastifyInstance, services: Services) {
  // The secret first: without it nothing of the request is read, not even to say what is wrong with it.
  app.addHook('onRequest', async (request) => {
    if (request.url.split('?')[0] === MISSED_CALLS_URL) checkLineSecret(services, request.headers.authorization);
  });
  route(app, services, {
    method: 'POST',
    url: MISSED_CALLS_URL,
    tag: 'voice',
    summary:
      "A phone call nobody answered, from the SIP proxy with the line secret: on the caller's timeline, with a call back booked in the next window",
    auth: 'none',
    query: MissedCallQuery,
    responses: { 200: MissedCallResponse },
    handler: async ({ query }) => {
      return recordMissedCall(services, query.workspace, { from: query.from, sipCallId: query.callId, reason: query.reason });
    },
  });
}
