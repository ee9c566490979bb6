import type { Services } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, MailNotSent, mailDomain, type OutboundEmail } from '../../core/mailer.ts';
import { type MissedContactNotice, missedContacts } from '../../modules/empathy/index.ts';
import { oneLine } from './composeReply.ts';

const SUBJECTS: Record<string, (customer: string | null) => string> = {
  waited_too_long: (customer) => `${customer ?? 'A customer'} is still waiting for you`,
  callback_due: (customer) => `Time to call ${customer ?? 'a customer'} back`,
};

/** The email to the person a missed-contact alert is for: what happened, and one link to the conversation. */
export function composeMissedContact(notice: MissedContactNotice, from: string, publicUrl: string): OutboundEmail {
  const link = `${publicUrl}/app/conversations/${encodeURIComponent(notice.conversationId)}`;
  const footer = 'You get these emails when a customer waits for you past the target or a callback you own falls due.';
  const domain = mailDomain(from);
  return {
    from: { name: `Warmline · ${oneLine(notice.workspaceName)}`, address: from },
    to: notice.agentEmail,
    replyTo: from,
    subject: oneLine((SUBJECTS[notice.kind] ?? SUBJECTS.waited_too_long!)(notice.customerName)),
    text: `Hello ${notice.agentName},\n\n${notice.text}.\n\nOpen the conversation: ${link}\n\n--\n${footer}\n`,
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
      `<p>Hello ${escapeHtml(notice.agentName)},</p>`,
      `<p style="white-space: pre-wrap">${escapeHtml(notice.text)}.</p>`,
      `<p><a href="${escapeHtml(link)}">Open the conversation</a></p>`,
      `<p style="color: #666; font-size: 0.9em">${escapeHtml(footer)}</p>`,
      '</body></html>',
    ].join('\n'),
    messageId: `<alert-${notice.alertId}@${domain}>`,
    inReplyTo: null,
    references: [],
  };
}

/**
 * Emails the person a missed-contact alert is for (modules/empathy/missedContacts.ts), once: the alert is locked and
 * marked emailed in the job's transaction. Nothing is sent for an alert already taken, to someone who opted out, or
 * when this server has no SMTP set up; a relay that is down is tried again by the job runner.
 */
export function missedContactJob(services: Services, mailerOf: () => Mailer | null): JobHandler {
  return async (tx, job, now) => {
    const notice = await missedContacts.lockNotice(tx, job.workspaceId, String(job.payload.alertId ?? ''));
    if (!notice || notice.emailedAt || notice.acknowledgedAt || notice.optedOut) return;
    const settings = services.config.smtp;
    const mailer = mailerOf();
    if (!settings || !mailer) return;
    try {
      await mailer.send(composeMissedContact(notice, settings.from, services.config.publicUrl));
    } catch (err) {
      if (err instanceof MailNotSent && err.permanent) {
        services.log.warn({ alertId: notice.alertId, reason: err.message }, 'missed-contact email refused by the relay');
        return;
      }
      throw err;
    }
    await missedContacts.markEmailed(tx, job.workspaceId, notice.alertId, now);
  };
}
