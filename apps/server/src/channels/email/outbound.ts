import type { Services } from '../../core/context.ts';
import type { JobHandlers } from '../../core/jobs/runner.ts';
import type { Mailer } from '../../core/mailer.ts';
import type { TextSender } from '../../core/sms.ts';
import { EMAIL_REPLY_JOB } from '../../modules/conversations/index.ts';
import { MISSED_CONTACT_EMAIL_JOB } from '../../modules/empathy/index.ts';
import { APPOINTMENT_REMINDER, WALK_IN_TURN } from '../../modules/store/index.ts';
import { SURVEY_INVITATION_JOB } from '../../modules/surveys/index.ts';
import { EMAIL_ACKNOWLEDGEMENT_JOB, emailAcknowledgementJob } from './acknowledgementJob.ts';
import { appointmentReminderJob } from './appointmentReminderJob.ts';
import { emailReplyJob } from './emailReplyJob.ts';
import { missedContactJob } from './missedContactJob.ts';
import { smtpMailer } from './smtpMailer.ts';
import { surveyInvitationJob } from './surveyInvitationJob.ts';
import { walkInTurnJob } from './walkInTurnJob.ts';

/**
 * The jobs that send email replies, acknowledgements of new emails, missed-contact notices to agents, and customers' appointment reminders and
 * "your turn" notices, with the SMTP mailer made on first use from the settings of the moment. A customer who asked
 * for a text gets it through `textSenderOf` (the SMS port; the provider's adapter is channels/sms).
 */
export function emailOutbound(
  services: Services,
  textSenderOf: () => TextSender | null,
): { jobHandlers: JobHandlers; close(): void } {
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
      [APPOINTMENT_REMINDER]: appointmentReminderJob(services, mailerOf, textSenderOf),
      [WALK_IN_TURN]: walkInTurnJob(services, mailerOf, textSenderOf),
      [SURVEY_INVITATION_JOB]: surveyInvitationJob(services, mailerOf, textSenderOf),
    },
    close() {
      current?.mailer.close();
      current = null;
    },
  };
}
