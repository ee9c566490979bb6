import net, { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** A message as parsed, and as it came over the wire. */
export type CaughtMail = ParsedMail & { raw: string };

/** A real SMTP server on a free loopback port that keeps every message it accepts, parsed. */
export interface MailCatcher {
  port: number;
  messages: CaughtMail[];
  /** Messages to this address, in the order they arrived. */
  to(address: string): CaughtMail[];
  /** Waits until `count` messages to `address` have arrived (polling, up to `timeoutMs`). */
  waitFor(address: string, count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /**
   * The relay goes down until `start()`: its port stays held (so no other process of a parallel test run can take
   * it and answer in its place), and every connection is cut before the greeting.
   */
  stop(): Promise<void>;
  /** Back up, on the same port, with the messages taken so far. */
  start(): Promise<void>;
  /** Gone for good: the port is let go (the end of a test file). */
  close(): Promise<void>;
}

/** The SMTP settings a test server uses to send through this catcher. */
export function smtpSettingsFor(catcher: { port: number }, from = 'help@bakery.test') {
  return { host: '127.0.0.1', port: catcher.port, secure: false, auth: null, from, dkim: null };
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  let server: SMTPServer | null = null;
  let down: net.Server | null = null;
  let port = 0;
  const listen = async () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (mail) => {
              messages.push(Object.assign(mail, { raw: raw.toString('utf8') }));
              callback();
            },
            (err: Error) => callback(err),
          );
        });
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
      if (down) return;
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
      const cut = net.createServer((socket) => socket.destroy());
      await new Promise<void>((resolve, reject) => {
        cut.once('error', reject);
        cut.listen(port, '127.0.0.1', () => resolve());
      });
      down = cut;
    },
    async close() {
      const running = server;
      const cut = down;
      server = null;
      down = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
      if (cut) await new Promise<void>((resolve) => cut.close(() => resolve()));
    },
    async start() {
      const cut = down;
      down = null;
      if (cut) await new Promise<void>((resolve) => cut.close(() => resolve()));
      await listen();
    },
  };
}

function recipients(mail: ParsedMail): string[] {
  const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

/** An email as nodemailer takes it. */
export type Mail = Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0];

/** Sends over real SMTP to a server on this machine (Warmline's receiver); resolves with its answer, or rejects with its code. */
export function sendMailTo(port: number, mail: Mail) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail(mail).finally(() => transport.close());
}
