import type { Sql } from '../../core/db/client.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { appendEntry, conversations, pushConversationChanged } from '../../modules/conversations/index.ts';
import { routeConversation } from '../../modules/routing/index.ts';
import { agents, targetFor, teams, withTeamHours } from '../../modules/teams/index.ts';
import { answerBy, dueInWords } from '../../modules/workspaces/index.ts';
import { clientIdOf } from './readEmail.ts';

/** The job that answers a customer's new email once, automatically, with who owns it and by when. */
export const EMAIL_ACKNOWLEDGEMENT_JOB = 'email_acknowledgement';

/** Written in the transaction that opens the conversation, so a crash after the commit still acknowledges it. */
export function scheduleAcknowledgement(tx: Sql, workspaceId: string, conversationId: string, now: Date): Promise<void> {
  return jobs.schedule(tx, workspaceId, { kind: EMAIL_ACKNOWLEDGEMENT_JOB, runAt: now, payload: { conversationId } });
}

/** The acknowledgement's words: a named person when routing found one, else the team, and the time. */
export function acknowledgementText(input: { business: string; owner: string | null; team: string | null; by: string }): string {
  const who = input.owner ?? `Someone from ${input.team ?? input.business}`;
  return [
    `Thank you for writing to ${input.business}. ${who} will answer you by ${input.by}.`,
    'There is nothing more you need to do; if you want to add something, simply reply to this email.',
  ].join('\n\n');
}

/**
 * Acknowledges a customer's new email by email, once: routed first (so a person can be named), then stored as an
 * automatic message (author `system`: never a first response, never time to human) that the `email_reply` job sends,
 * threaded under the customer's email. Nothing is sent when a person has already answered or the conversation ended.
 */
export const emailAcknowledgementJob: JobHandler = async (tx, job, now, events) => {
  const id = String(job.payload.conversationId ?? '');
  await conversations.lock(tx, job.workspaceId, id);
  const before = await conversations.byId(tx, job.workspaceId, id);
  if (!before || before.status === 'resolved' || before.firstResponseAt || !before.replyEmail) return;
  if (!before.assigneeId) await routeConversation(tx, job.workspaceId, id, now, events);
  const conversation = (await conversations.byId(tx, job.workspaceId, id))!;
  const owner = conversation.assigneeId ? await agents.byId(tx, job.workspaceId, conversation.assigneeId) : null;
  const team = conversation.teamId ? await teams.byId(tx, job.workspaceId, conversation.teamId) : null;
  const hours = await withTeamHours(tx, job.workspaceId, conversation.teamId);
  const due = answerBy(new Date(conversation.startedAt), targetFor(team, 'email'), hours);
  const entry = await appendEntry(tx, {
    workspaceId: job.workspaceId,
    conversationId: id,
    kind: 'message',
    direction: 'out',
    channel: 'email',
    body: acknowledgementText({
      business: hours.name,
      owner: owner?.displayName ?? null,
      team: team?.name ?? null,
      by: dueInWords(due, now, hours.timezone),
    }),
    // One per conversation, whatever runs it twice.
    clientId: clientIdOf(`acknowledgement:${id}`),
    author: { kind: 'system', id: null },
  });
  events.push({ type: 'entry.appended', workspaceId: job.workspaceId, customerId: conversation.customerId, entry });
  await pushConversationChanged(tx, job.workspaceId, id, events);
};
