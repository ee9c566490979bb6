import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Dovecot } from './dovecot.ts';

/**
 * The mail between Warmline and the people it writes to, on this machine: an SMTP relay (what `SMTP_HOST` names,
 * and what a customer's mail program sends through) that delivers every message into its recipient's mailbox on the
 * test's dovecot, unread, as a mail provider's delivery does. A recipient without a mailbox is refused at `RCPT`
 * (`550`); `local+tag@domain` is delivered to `local@domain` (sub-addressing), as most providers do.
 */
export interface MailRelay {
  port: number;
  /** Every delivery made: to which mailbox, and the envelope sender. */
  delivered: { mailbox: string; from: string }[];
  close(): Promise<void>;
}

export async function startMailRelay(dovecot: Dovecot, passwords: Record<string, string>): Promise<MailRelay> {
  const delivered: MailRelay['delivered'] = [];
  const mailboxOf = (address: string): string | null => {
    const lower = address.toLowerCase();
    if (passwords[lower]) return lower;
    const plain = lower.replace(/^([^@+]+)\+[^@]*@/, '$1@');
    return passwords[plain] ? plain : null;
  };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (mailboxOf(address.address)) callback();
      else callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox here`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const mailboxes = [...new Set(session.envelope.rcptTo.map((r) => mailboxOf(r.address)!))];
        // What a delivering server adds on top: the envelope sender and the mailbox it went to.
        const deliver = (mailbox: string) =>
          dovecot
            .append(
              mailbox,
              passwords[mailbox]!,
              Buffer.concat([Buffer.from(`Return-Path: <${from}>\r\nDelivered-To: ${mailbox}\r\n`), ...chunks]).toString('utf8'),
            )
            .then(() => void delivered.push({ mailbox, from }));
        Promise.all(mailboxes.map(deliver)).then(
          () => callback(),
          (err: Error) => callback(Object.assign(new Error(`4.3.0 delivery failed: ${err.message}`), { responseCode: 451 })),
        );
      });
    },
  });
  smtp.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (smtp.server.address() as AddressInfo).port,
    delivered,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
