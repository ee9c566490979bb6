import type { Direction, Emotion, Entry } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { bindAttachments } from '../files/index.ts';
import { agents } from '../teams/index.ts';
import { conversationBatches } from './repository/conversationBatches.ts';
import { type BatchEntry, entryBatches, goesByEmail, type NewEntry } from './repository/entries.ts';

/** The job that sends one email reply (channels/email/emailReplyJob.ts handles it). */
export const EMAIL_REPLY_JOB = 'email_reply';

/** An entry for a conversation's timeline, from any channel: a message, a note, an event (later calls, visits). */
export interface EntryToAppend extends NewEntry {
  workspaceId: string;
  conversationId: string;
}

/**
 * The one storage path of every timeline entry. Reserves each conversation's next seqs in one statement (the
 * only place a seq is given out: dense and in order, under the conversation's row lock), moves the inbox preview
 * and the customer's mood, and inserts every entry in one multi-row statement. Runs in the caller's transaction.
 */
export async function appendEntries(tx: Sql, items: EntryToAppend[]): Promise<Entry[]> {
  if (!items.length) return [];
  const perConversation = new Map<
    string,
    {
      workspaceId: string;
      id: string;
      n: number;
      lastBody: string | null;
      lastDirection: Direction | null;
      upset: boolean | null;
      mood: Emotion | null;
    }
  >();
  for (const item of items) {
    const row = perConversation.get(item.conversationId) ?? {
      workspaceId: item.workspaceId,
      id: item.conversationId,
      n: 0,
      lastBody: null,
      lastDirection: null,
      upset: null,
      mood: null,
    };
    row.n++;
    if (item.kind === 'message') {
      // A message of files alone reads, in the inbox, as the files it carries.
      row.lastBody = item.body?.trim() ? item.body : filesInWords(item.attachments) || (item.body ?? '');
      row.lastDirection = item.direction ?? null;
    }
    // The customer's latest message sets the conversation's mood, and so its priority in the queue.
    if (item.emotion && item.direction === 'in') {
      row.upset = item.emotion.upset;
      row.mood = item.emotion.label;
    }
    perConversation.set(item.conversationId, row);
  }
  const agentAuthors = items.flatMap((i) =>
    i.author.kind === 'agent' && i.author.id ? [{ workspaceId: i.workspaceId, id: i.author.id }] : [],
  );
  // Sent together: statements of one transaction run in order, and the second needs nothing from the first.
  const [lastSeqs, faces] = await Promise.all([
    conversationBatches.reserveSeqs(tx, [...perConversation.values()]),
    agents.faces(tx, agentAuthors),
  ]);
  const nextSeq = new Map([...perConversation.values()].map((r) => [r.id, lastSeqs.get(r.id)! - r.n + 1]));
  const rows: BatchEntry[] = items.map((item) => {
    const seq = nextSeq.get(item.conversationId)!;
    nextSeq.set(item.conversationId, seq + 1);
    const face = item.author.kind === 'agent' && item.author.id ? faces.get(item.author.id) : undefined;
    return {
      workspaceId: item.workspaceId,
      conversationId: item.conversationId,
      seq,
      kind: item.kind,
      direction: item.direction ?? null,
      channel: item.channel ?? null,
      body: item.body ?? '',
      clientId: item.clientId ?? null,
      author: { kind: item.author.kind, id: item.author.id, name: face?.displayName ?? null, avatarUrl: face?.avatarUrl ?? null },
      event: item.event ?? null,
      emotion: item.emotion ?? null,
      attachments: item.attachments?.length ? item.attachments : null,
    };
  });
  const stored = await entryBatches.insert(tx, rows);
  await bindAttachments(
    tx,
    stored.flatMap((entry, i) =>
      (items[i]!.attachments ?? []).map((a) => ({
        workspaceId: items[i]!.workspaceId,
        id: a.id,
        entryId: entry.id,
        conversationId: entry.conversationId,
      })),
    ),
  );
  await scheduleEmails(tx, stored, items);
  return stored;
}

/** "📎 receipt.pdf, photo.jpg": the files of a message without words. */
function filesInWords(attachments: EntryToAppend['attachments']): string {
  return attachments?.length ? `📎 ${attachments.map((a) => a.name).join(', ')}` : '';
}

/** The durable job of each email reply, in the transaction that stores it: a crash after commit never loses one. */
async function scheduleEmails(tx: Sql, stored: Entry[], items: EntryToAppend[]): Promise<void> {
  for (const [i, entry] of stored.entries()) {
    // Due at once by any clock: the job runner takes it on its next look.
    if (goesByEmail(entry)) await scheduleEmailReply(tx, items[i]!.workspaceId, entry, 0, new Date(0));
  }
}

/** Try `attempt` (from 0) at sending one email reply, at `runAt` (channels/email/emailReplyJob.ts sends it). */
export function scheduleEmailReply(
  tx: Sql,
  workspaceId: string,
  entry: { id: string; conversationId: string },
  attempt: number,
  runAt: Date,
): Promise<void> {
  return jobs.schedule(tx, workspaceId, {
    kind: EMAIL_REPLY_JOB,
    runAt,
    payload: { entryId: entry.id, conversationId: entry.conversationId, attempt },
  });
}

/** One entry through the same path (an event, a note, a message that changes its conversation). */
export async function appendEntry(tx: Sql, item: EntryToAppend): Promise<Entry> {
  const [entry] = await appendEntries(tx, [item]);
  return entry!;
}
