import type { Services } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, MailNotSent, mailDomain, type OutboundEmail } from '../../core/mailer.ts';
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
    messageId: `<appointment-${reminder.appointmentId}-${Date.now()}@${mailDomain(from)}>`,
    inReplyTo: null,
    references: [],
  };
}

/**
 * Reminds a customer of their appointment by email, once, and says so on their timeline. Where it cannot go (a
 * phone number and no text-message provider, or no SMTP), the timeline says why, so staff can call instead.
 */
export function appointmentReminderJob(services: Services, mailerOf: () => Mailer | null): JobHandler {
  return async (tx, job, _now, events) => {
    const reminder = await reminderDue(tx, services.secretKey, services.config.publicUrl, {
      appointmentId: String(job.payload.appointmentId ?? ''),
      start: String(job.payload.start ?? ''),
    });
    if (!reminder) return;
    const settings = services.config.smtp;
    const mailer = mailerOf();
    if (reminder.notifyBy !== 'email' || !reminder.to) {
      await noteReminder(tx, reminder, { sent: false, why: 'no text-message provider is set up for phone numbers' }, events);
      return;
    }
    if (!settings || !mailer) {
      await noteReminder(tx, reminder, { sent: false, why: 'email is not set up' }, events);
      return;
    }
    try {
      await mailer.send(composeReminder(reminder, settings.from));
    } catch (err) {
      if (err instanceof MailNotSent && err.permanent) {
        await noteReminder(tx, reminder, { sent: false, why: `the mail server refused it: ${err.message}` }, events);
        return;
      }
      throw err;
    }
    await noteReminder(tx, reminder, { sent: true }, events);
  };
}
