import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { InboundSmtpSettings } from '../../core/config.ts';
import type { Services } from '../../core/context.ts';
import { replyFor } from '../../core/replies.ts';
import { isOurRecipient, receiveEmail } from './inboundEmail.ts';

/** The built-in SMTP receiver, listening. */
export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The SMTP answer for a failure, from the one error vocabulary (core/replies.ts): a mailbox we do not have is
 * permanent (550); anything else — the database down, a bug — is temporary (451), so the sending server keeps the
 * email and tries again instead of losing it.
 */
export function smtpErrorFor(thrown: unknown): SmtpError {
  const reply = replyFor(thrown);
  if (reply.status === 404) return smtpError(550, '5.1.1 No such mailbox here');
  const message = reply.unexpected ? 'Something went wrong on our side' : reply.error.message;
  return smtpError(451, `4.3.0 ${message} Please try again later.`);
}

const mailFrom = (address: SMTPServerAddress | false): string | null => (address ? address.address || null : null);

/**
 * Receives forwarded mail (`help@…` forwarded to Warmline): recipients that are not ours are refused at RCPT, a
 * message over the size limit at MAIL (its SIZE) or at the end of DATA (552), and a message is answered 250 only once
 * it is committed (inboundEmail.ts).
 */
export async function startInboundSmtp(services: Services, settings: InboundSmtpSettings): Promise<InboundSmtp> {
  const server = new SMTPServer({
    banner: 'Warmline',
    size: settings.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // A flood of connections is answered 421 beyond this, instead of each holding memory and a parse.
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      if (isOurRecipient(services, address.address)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= settings.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > settings.maxBytes) {
          return callback(smtpError(552, `5.3.4 Message too big: at most ${settings.maxBytes} bytes are accepted`));
        }
        receiveEmail(services, {
          raw: Buffer.concat(chunks),
          envelopeFrom: mailFrom(session.envelope.mailFrom),
          recipients: session.envelope.rcptTo.map((r) => r.address),
        }).then(
          () => callback(),
          (err: unknown) => {
            const reply = smtpErrorFor(err);
            if (replyFor(err).unexpected) services.log.error({ err }, 'inbound email not received');
            else services.log.warn({ reason: reply.message }, 'inbound email not received');
            callback(reply);
          },
        );
      });
    },
  });
  server.on('error', (err) => services.log.warn({ err }, 'inbound SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
