import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free loopback port that keeps every message it accepts, parsed. */
export interface MailCatcher {
  port: number;
  messages: ParsedMail[];
  /** Messages to this address, in the order they arrived. */
  to(address: string): ParsedMail[];
  /** Waits until `count` messages to `address` have arrived (polling, up to `timeoutMs`). */
  waitFor(address: string, count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The relay goes down: connections to its port are refused until `start()`. */
  stop(): Promise<void>;
  /** Back up, on the same port, with the messages taken so far. */
  start(): Promise<void>;
}

/** The SMTP settings a test server uses to send through this catcher. */
export function smtpSettingsFor(catcher: { port: number }, from = 'help@bakery.test') {
  return { host: '127.0.0.1', port: catcher.port, secure: false, auth: null, from };
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: ParsedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const listen = async () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            messages.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    smtp.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => resolve());
    });
    port = (smtp.server.address() as AddressInfo).port;
    server = smtp;
  };
  await listen();
  const to = (address: string) => messages.filter((m) => recipients(m).includes(address.toLowerCase()));
  return {
    get port() {
      return port;
    },
    messages,
    to,
    async waitFor(address, count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (to(address).length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails to ${address}, got ${to(address).length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return to(address);
    },
    async stop() {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    start: listen,
  };
}

function recipients(mail: ParsedMail): string[] {
  const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}
