import type { Services } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, mailDomain, mailOrWhy, type OutboundEmail } from '../../core/mailer.ts';
import { type TextSender, textOrWhy } from '../../core/sms.ts';
import { noteSurveyLink, type SurveyLinkDue, surveyLinkDue } from '../../modules/surveys/index.ts';
import { oneLine } from './composeReply.ts';

/** The survey email: a short, warm question and the one link, in the customer's language. */
export function composeSurveyEmail(due: SurveyLinkDue, from: string): OutboundEmail {
  const w = due.words;
  const text = w.emailBody(due.name, due.company, due.url);
  const [greeting, , invite, , , , closing] = text.split('\n');
  return {
    from: { name: oneLine(due.company), address: from },
    to: due.to,
    replyTo: from,
    subject: oneLine(w.emailSubject(due.company)),
    text: `${text}\n`,
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; color: #1c1917">',
      `<p>${escapeHtml(greeting ?? '')}</p>`,
      `<p>${escapeHtml(invite ?? '')}</p>`,
      `<p><a href="${escapeHtml(due.url)}" style="display:inline-block;padding:10px 18px;border-radius:8px;background:#0f766e;color:#fff;text-decoration:none">${escapeHtml(w.emailLink)}</a></p>`,
      `<p style="color:#57534e">${escapeHtml(closing ?? '')}</p>`,
      '</body></html>',
    ].join('\n'),
    // One survey per conversation: a retry carries the same Message-ID.
    messageId: `<survey-${due.invitationId}@${mailDomain(from)}>`,
    inReplyTo: null,
    references: [],
  };
}

/**
 * Sends a survey link once, by email or by text, and notes on the conversation's timeline that it went, or why
 * not (no SMTP, no text provider, a refusal). A provider that is down fails the job and the runner tries again.
 */
export function surveyInvitationJob(
  services: Services,
  mailerOf: () => Mailer | null,
  textSenderOf: () => TextSender | null,
): JobHandler {
  return async (tx, job, now, events) => {
    const found = await surveyLinkDue(tx, services.secretKey, services.config.publicUrl, job, now);
    if (!found) return;
    // No text-message provider, but an address: the link goes by email rather than not at all.
    const due =
      found.by === 'sms' && !textSenderOf() && found.orEmail ? { ...found, by: 'email' as const, to: found.orEmail } : found;
    const outcome =
      due.by === 'sms'
        ? await textOrWhy(textSenderOf(), due.to, due.words.text(due.company, due.url))
        : await mailOrWhy(mailerOf(), () => composeSurveyEmail(due, services.config.smtp!.from));
    await noteSurveyLink(tx, due, outcome, events);
  };
}
