import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../../core/config.ts';
import { type Mailer, MailNotSent, type OutboundEmail } from '../../core/mailer.ts';

/**
 * The mailer over SMTP (nodemailer): one connection per reply (replies are few), short timeouts so a relay that hangs is treated
 * like one that is down (the email job tries again later).
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.auth ? { auth: settings.auth } : {}),
    ...(settings.dkim ? { dkim: settings.dkim } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email: OutboundEmail) {
      try {
        await transport.sendMail({
          from: { name: email.from.name, address: email.from.address },
          to: email.to,
          replyTo: email.replyTo,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          ...(email.references.length ? { references: email.references } : {}),
          headers: { 'Auto-Submitted': email.automatic ? 'auto-replied' : 'no' },
        });
      } catch (err) {
        throw notSent(err);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** A relay's 5xx is final; anything else (refused connection, timeout, 4xx) may pass on a later try. */
function notSent(err: unknown): MailNotSent {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  // Our own sign-in refused: fixing SMTP_USER / SMTP_PASSWORD lets the waiting replies go, so keep them waiting.
  if (e.code === 'EAUTH') return new MailNotSent('the mail relay refused our sign-in (check SMTP_USER and SMTP_PASSWORD)', false);
  if (typeof e.responseCode === 'number') {
    const said = (e.response ?? e.message ?? '').slice(0, 300);
    return new MailNotSent(`the mail relay answered ${said}`, e.responseCode >= 500);
  }
  const refused = e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '');
  const cut = /closed unexpectedly|ECONNRESET/.test(e.message ?? '') || e.code === 'ECONNRESET';
  const why = refused
    ? 'the mail relay refused the connection (is it running?)'
    : cut
      ? 'the mail relay closed the connection before answering (is it running?)'
      : (e.message ?? String(err));
  return new MailNotSent(why.slice(0, 300), false);
}
