import type { Services } from '../../core/context.ts';
import type { JobHandlers } from '../../core/jobs/runner.ts';
import type { Mailer } from '../../core/mailer.ts';
import { EMAIL_REPLY_JOB } from '../../modules/conversations/index.ts';
import { MISSED_CONTACT_EMAIL_JOB } from '../../modules/empathy/index.ts';
import { APPOINTMENT_REMINDER } from '../../modules/store/index.ts';
import { EMAIL_ACKNOWLEDGEMENT_JOB, emailAcknowledgementJob } from './acknowledgementJob.ts';
import { appointmentReminderJob } from './appointmentReminderJob.ts';
import { emailReplyJob } from './emailReplyJob.ts';
import { missedContactJob } from './missedContactJob.ts';
import { smtpMailer } from './smtpMailer.ts';

/** The jobs that send email replies, acknowledgements of new emails, missed-contact notices to agents and appointment reminders, with the SMTP mailer made on first use from the settings of the moment. */
export function emailOutbound(services: Services): { jobHandlers: JobHandlers; close(): void } {
  let current: { settings: Services['config']['smtp']; mailer: Mailer } | null = null;
  const mailerOf = (): Mailer | null => {
    const settings = services.config.smtp;
    if (!settings) return null;
    if (current?.settings !== settings) {
      current?.mailer.close();
      current = { settings, mailer: smtpMailer(settings) };
    }
    return current.mailer;
  };
  return {
    jobHandlers: {
      [EMAIL_REPLY_JOB]: emailReplyJob(services, mailerOf),
      [EMAIL_ACKNOWLEDGEMENT_JOB]: emailAcknowledgementJob,
      [MISSED_CONTACT_EMAIL_JOB]: missedContactJob(services, mailerOf),
      [APPOINTMENT_REMINDER]: appointmentReminderJob(services, mailerOf),
    },
    close() {
      current?.mailer.close();
      current = null;
    },
  };
}
