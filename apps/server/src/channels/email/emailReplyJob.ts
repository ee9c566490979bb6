import type { Delivery } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, MailNotSent } from '../../core/mailer.ts';
import {
  conversations,
  deliveries,
  entries,
  keepPromise,
  pushConversationChanged,
  scheduleEmailReply,
} from '../../modules/conversations/index.ts';
import { workspaces } from '../../modules/workspaces/index.ts';
import { composeReply, messageIdOf } from './composeReply.ts';
import { replyAddress } from './replyToken.ts';

/** Tries per reply before it is shown as "could not be sent": about two hours of a relay being down. */
export const EMAIL_ATTEMPTS = 10;

/** The wait before try `attempt + 1`: doubling from 30 seconds, never more than 30 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** attempt, 30 * 60_000);
}

/**
 * Sends one agent reply by email: the job written with the entry (conversations/appendEntries.ts). It acts only on
 * a reply not sent yet, so a job run twice sends once; a try that fails is followed by another job, later, until the
 * relay takes it or the tries run out. Each change of state reaches the agents live (`entry.delivery_changed`).
 */
export function emailReplyJob(services: Services, mailerOf: () => Mailer | null): JobHandler {
  return async (tx, job, now, events) => {
    const attempt = Number(job.payload.attempt ?? 0);
    const entry = await entries.byId(tx, job.workspaceId, String(job.payload.entryId ?? ''));
    if (entry?.delivery?.status !== 'pending') return;
    const conversation = await conversations.byId(tx, job.workspaceId, entry.conversationId);
    if (!conversation) return;
    const record = (delivery: Omit<Delivery, 'attempts'>, attempts: number) =>
      setDelivery(tx, job.workspaceId, entry, { ...delivery, attempts }, events);

    const to = conversation.replyEmail ?? conversation.customerEmail;
    if (!to) {
      return record({ status: 'failed', to: null, error: 'The customer left no email address', at: now.toISOString() }, attempt);
    }
    const settings = services.config.smtp;
    const mailer = mailerOf();
    if (!settings || !mailer) {
      const error = `Email is not set up on this server (SMTP_HOST) — this reply can't reach ${to}`;
      return record({ status: 'failed', to, error, at: now.toISOString() }, attempt);
    }
    const workspace = await workspaces.byId(tx, job.workspaceId);
    const thread = await deliveries.threadBefore(tx, job.workspaceId, conversation.id, entry.seq);
    const email = composeReply({
      business: workspace?.name ?? 'us',
      agentName: entry.author.name ?? workspace?.name ?? 'Customer service',
      fromAddress: settings.from,
      to,
      replyTo: replyAddress(services.secretKey, conversation.id, settings.from),
      body: entry.body,
      conversationId: conversation.id,
      entryId: entry.id,
      earlier: thread.map((e) => e.inboundMessageId ?? messageIdOf(e.entryId, conversation.id, settings.from)),
      theirSubject: thread.find((e) => e.subject)?.subject ?? null,
      automatic: entry.author.kind === 'system',
    });
    try {
      await mailer.send(email);
      await record({ status: 'sent', to, error: null, at: now.toISOString() }, attempt + 1);
      if (entry.author.kind === 'agent' && entry.author.id) {
        const author = { kind: 'agent', workspaceId: job.workspaceId, agentId: entry.author.id, role: 'agent' } as const;
        // Read again under the conversation's lock: two replies sent at once keep the promise once.
        await conversations.lock(tx, job.workspaceId, conversation.id);
        const current = await conversations.byId(tx, job.workspaceId, conversation.id);
        if (current && !current.promiseKeptAt) {
          await keepPromise(tx, author, current, now, events);
          await pushConversationChanged(tx, job.workspaceId, conversation.id, events);
        }
      }
      return;
    } catch (err) {
      const reason = err instanceof MailNotSent ? err.message : String(err);
      services.log.warn({ entryId: entry.id, attempt, reason }, 'email reply not sent');
      if ((err instanceof MailNotSent && err.permanent) || attempt + 1 >= EMAIL_ATTEMPTS) {
        return record({ status: 'failed', to, error: reason, at: now.toISOString() }, attempt + 1);
      }
      const retryAt = new Date(now.getTime() + retryDelayMs(attempt));
      await scheduleEmailReply(tx, job.workspaceId, entry, attempt + 1, retryAt);
      return record({ status: 'pending', to, error: reason, at: retryAt.toISOString() }, attempt + 1);
    }
  };
}

async function setDelivery(
  tx: Sql,
  workspaceId: string,
  entry: { id: string; conversationId: string; seq: number },
  delivery: Delivery,
  events: WarmlineEvent[],
): Promise<void> {
  await deliveries.set(tx, workspaceId, entry.id, delivery);
  events.push({ type: 'entry.delivery_changed', workspaceId, conversationId: entry.conversationId, seq: entry.seq, delivery });
}
