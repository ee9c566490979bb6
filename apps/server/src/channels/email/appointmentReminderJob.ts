import type { Services } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, mailDomain, mailOrWhy, type OutboundEmail } from '../../core/mailer.ts';
import { type TextSender, textOrWhy } from '../../core/sms.ts';
import { type AppointmentReminder, noteReminder, reminderDue } from '../../modules/store/index.ts';
import { oneLine } from './composeReply.ts';

/** The reminder email: when, where, with whom, and the one link that reschedules or cancels. */
export function composeReminder(reminder: AppointmentReminder, from: string): OutboundEmail {
  const lines = [
    `Hello ${reminder.name},`,
    '',
    `A reminder of your appointment: ${reminder.text}.`,
    ...(reminder.address ? [`Where: ${reminder.address}`] : []),
    '',
    `Can't make it? Change or cancel it here: ${reminder.manageUrl}`,
  ];
  return {
    from: { name: oneLine(reminder.workspaceName), address: from },
    to: reminder.to!,
    replyTo: from,
    subject: oneLine(`Your appointment: ${reminder.text}`),
    text: `${lines.join('\n')}\n`,
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
      `<p>Hello ${escapeHtml(reminder.name)},</p>`,
      `<p>A reminder of your appointment: <strong>${escapeHtml(reminder.text)}</strong>.</p>`,
      ...(reminder.address ? [`<p>Where: ${escapeHtml(reminder.address)}</p>`] : []),
      `<p><a href="${escapeHtml(reminder.manageUrl)}">Change or cancel it</a></p>`,
      '</body></html>',
    ].join('\n'),
    // One reminder per appointment and time: a retry of the same reminder carries the same Message-ID.
    messageId: `<appointment-${reminder.appointmentId}-${Date.parse(reminder.start) / 1000}@${mailDomain(from)}>`,
    inReplyTo: null,
    references: [],
  };
}

/** What a reminder says in a text message: short, with the link. */
export function reminderText(reminder: AppointmentReminder): string {
  return `Reminder: ${reminder.text}. Change or cancel: ${reminder.manageUrl}`;
}

/**
 * Reminds a customer of their appointment once, by email or by text as they asked, and says so on their timeline.
 * Where it cannot go (no SMTP, no text-message provider, a refusal), the timeline says why, so staff can call instead.
 */
export function appointmentReminderJob(
  services: Services,
  mailerOf: () => Mailer | null,
  textSenderOf: () => TextSender | null,
): JobHandler {
  return async (tx, job, _now, events) => {
    const reminder = await reminderDue(tx, services.secretKey, services.config.publicUrl, {
      appointmentId: String(job.payload.appointmentId ?? ''),
      start: String(job.payload.start ?? ''),
    });
    if (!reminder) return;
    const to = reminder.to;
    const outcome = !to
      ? { sent: false as const, why: 'they left no contact' }
      : reminder.notifyBy === 'sms'
        ? await textOrWhy(textSenderOf(), to, reminderText(reminder))
        : await mailOrWhy(mailerOf(), () => composeReminder(reminder, services.config.smtp!.from));
    await noteReminder(tx, reminder, outcome, events);
  };
}
