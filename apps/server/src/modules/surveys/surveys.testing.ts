import type { Entry } from '@warmline/shared';
import { expect } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildTeam,
  buildWorkspace,
  client,
  newAddress,
  request,
  signIn,
} from '../../testing/factories.ts';
import type { TestServer } from '../../testing/testServer.ts';

/** What the survey tests build on: a shop whose chats are resolved, and the customer's side of a survey. */
export function surveyScene(server: () => TestServer) {
  /** A shop with Amina (an admin, in the Care team) signed in, and a visitor who wrote in the chat. */
  async function shop(name = 'Duka Bora') {
    const workspace = await buildWorkspace(server(), { name });
    const amina = await buildAgent(server(), workspace, { displayName: 'Amina', role: 'admin', presence: 'available' });
    const team = await buildTeam(server(), workspace, { name: 'Care', members: [amina] });
    const admin = client(server(), await signIn(server(), amina));
    /** A new conversation of `visitorToken`'s customer (or a new visitor), answered by Amina, then resolved by her. */
    const resolvedChat = async (opts: { channel?: string; email?: string; phone?: string; language?: string } = {}) => {
      const chat = await buildConversation(server(), workspace);
      await server().db.query('update conversations set team_id = $2, language = $3 where id = $1', [
        chat.conversationId,
        team.id,
        opts.language ?? null,
      ]);
      if (opts.channel)
        await server().db.query('update conversations set channel = $2 where id = $1', [chat.conversationId, opts.channel]);
      if (opts.email || opts.phone)
        await server().db.query('update customers set email = $2, phone = $3 where id = $1', [
          await customerOf(chat.conversationId),
          opts.email ?? null,
          opts.phone ?? null,
        ]);
      await resolve(chat.conversationId);
      return chat;
    };
    const resolve = async (conversationId: string) => {
      expect((await admin.post(`/api/v1/conversations/${conversationId}/assign`, { agentId: amina.id })).status).toBe(200);
      expect((await admin.post(`/api/v1/conversations/${conversationId}/resolve`)).status).toBe(200);
    };
    const timeline = async (conversationId: string) =>
      (await admin.get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as Entry[];
    return { workspace, amina, team, admin, resolvedChat, resolve, timeline };
  }

  async function customerOf(conversationId: string): Promise<string> {
    const [row] = await server().db.query<{ customerId: string }>(
      'select customer_id as "customerId" from conversations where id = $1',
      [conversationId],
    );
    return row!.customerId;
  }

  /** The survey link a visitor's widget fetches for their resolved chat. */
  async function widgetSurvey(visitorToken: string, conversationId: string) {
    return client(server(), { visitorToken }).get(`/api/v1/widget/conversations/${conversationId}/survey`);
  }

  async function invitations(workspaceId: string) {
    return server().db.query<{ conversationId: string; channel: string; language: string }>(
      'select conversation_id as "conversationId", channel, language from survey_invitations where workspace_id = $1 order by asked_at',
      [workspaceId],
    );
  }

  async function responses(workspaceId: string) {
    return server().db.query<Record<string, unknown>>(
      `select conversation_id as "conversationId", team_id as "teamId", agent_id as "agentId", channel, csat, ces, feeling, comment
       from survey_responses where workspace_id = $1`,
      [workspaceId],
    );
  }

  const linkIn = (text: string) => /\/s\/([A-Za-z0-9._-]+)/.exec(text)?.[1] ?? null;
  const answer = (token: string, body: unknown, from = newAddress()) =>
    request(server(), 'POST', `/api/v1/surveys/${token}`, body, { from });
  const form = (
    token: string,
    fields: Record<string, string>,
    headers: Record<string, string> = { origin: new URL(server().url).origin },
  ) =>
    request(server(), 'POST', `/s/${token}`, new URLSearchParams(fields).toString(), {
      from: newAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });

  return { shop, customerOf, widgetSurvey, invitations, responses, linkIn, answer, form };
}
