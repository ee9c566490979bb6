import net from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { mimeProblem } from '../apps/server/src/channels/email/mimeLimits.ts';
import { readEmail } from '../apps/server/src/channels/email/readEmail.ts';
import type { Figure } from './index.ts';
import { percentile, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

const CRLF = '\r\n';

function headers(from: string, subject: string, extra = ''): string {
  return [
    `From: ${from}`,
    'To: help@bakery.example',
    `Subject: ${subject}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@bench.example>`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    extra,
  ]
    .filter(Boolean)
    .join(CRLF);
}

/** A customer's ordinary email: a text and an HTML part, a quoted reply below. */
function ordinary(i: number): Buffer {
  const text = `Hello,\n\nMy order ${1000 + i} has not arrived yet. Could you look?\n\nThanks,\nSam\n\n> On Monday you wrote:\n> Your order is on its way.\n`;
  const html = `<p>Hello,</p><p>My order <b>${1000 + i}</b> has not arrived yet.</p><blockquote>Your order is on its way.</blockquote><img src="https://tracker.example/p.gif">`;
  return Buffer.from(
    `${headers(`Sam ${i} <sam${i}@example.com>`, `Order ${1000 + i}`, 'Content-Type: multipart/alternative; boundary="b1"')}${CRLF}${CRLF}` +
      `--b1${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${text.repeat(1 + (i % 20))}${CRLF}` +
      `--b1${CRLF}Content-Type: text/html; charset=utf-8${CRLF}${CRLF}${html.repeat(1 + (i % 20))}${CRLF}--b1--${CRLF}`,
  );
}

/** A 10 MB message: a photo attached, base64 in 76-character lines. */
function tenMegabytes(): Buffer {
  const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3'.slice(0, 76)}${CRLF}`;
  const body = line.repeat(Math.ceil((10 * 2 ** 20) / line.length));
  return Buffer.from(
    `${headers('Big <big@example.com>', 'Photos of the damage', 'Content-Type: multipart/mixed; boundary="m1"')}${CRLF}${CRLF}` +
      `--m1${CRLF}Content-Type: text/plain${CRLF}${CRLF}Photos attached.${CRLF}` +
      `--m1${CRLF}Content-Type: image/jpeg; name="damage.jpg"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${body}--m1--${CRLF}`,
  );
}

/** Multiparts nested `depth` deep (60 is refused unparsed; 30 is parsed). */
function nested(depth: number): Buffer {
  let body = `Content-Type: text/plain${CRLF}${CRLF}deep${CRLF}`;
  for (let d = depth; d > 0; d--) {
    body = `Content-Type: multipart/mixed; boundary="n${d}"${CRLF}${CRLF}--n${d}${CRLF}${body}--n${d}--${CRLF}`;
  }
  return Buffer.from(`${headers('Deep <deep@example.com>', 'Nested')}${CRLF}${body}`);
}

/** Hostile headers: a subject of 200 KB, thousands of Received lines, broken encoded words and charsets. */
function hostile(i: number): Buffer {
  const kinds = [
    () => headers('Long <long@example.com>', 'x'.repeat(200_000)),
    () =>
      headers(
        'Many <many@example.com>',
        'Many',
        Array.from({ length: 3000 }, (_, n) => `Received: from relay${n}.example`).join(CRLF),
      ),
    () =>
      headers(
        '=?utf-8?B?!!!not base64!!!?= <odd@example.com>',
        '=?x-unknown?Q?=FF=FE=00?= =?utf-8?Q?broken',
        'Content-Type: text/plain; charset="no-such-charset"',
      ),
    () => headers('Nul <nul@example.com>', `bad\u0000subject`, 'Content-Transfer-Encoding: quoted-printable'),
  ];
  return Buffer.from(`${kinds[i % kinds.length]!()}${CRLF}${CRLF}=E2=82=AC body =ZZ${CRLF}`);
}

/**
 * email.ingest_rate (below) and email.parse_p99: every message of a mixed corpus read as the receiver reads it — the byte scan for hostile shapes,
 * then mailparser with its time limit and the HTML sanitised — one after another. Baseline: mailparser's
 * simpleParser alone on the messages the receiver parses.
 */
export async function emailBenchmarks(): Promise<Figure[]> {
  const corpus = [
    ...Array.from({ length: 300 }, (_, i) => ordinary(i)),
    ...Array.from({ length: 5 }, () => tenMegabytes()),
    ...Array.from({ length: 20 }, (_, i) => nested(i % 2 ? 30 : 1_000)),
    ...Array.from({ length: 40 }, (_, i) => hostile(i)),
  ];
  const times: number[] = [];
  const bare: number[] = [];
  let keptRaw = 0;
  for (const raw of corpus) {
    const t0 = performance.now();
    const problem = mimeProblem(raw);
    if (problem) keptRaw++;
    else await readEmail(raw);
    times.push(performance.now() - t0);
    if (!problem) {
      const t1 = performance.now();
      await simpleParser(raw).catch(() => null);
      bare.push(performance.now() - t1);
    }
  }
  const p99 = percentile(times, 99);
  const bareP99 = percentile(bare, 99);
  const ingested = await ingestRate();
  return [
    ingested,
    {
      bench: 'email.parse_p99',
      value: round(p99, 1),
      unit: 'ms',
      baseline: round(bareP99, 1),
      ratio: round(p99 / bareP99),
      notes: `${corpus.length} messages: 300 ordinary (text + HTML, quoted), 5 of 10 MB, 20 deep trees (half 1,000 deep), 40 hostile headers; ${keptRaw} kept raw unparsed by the byte scan; p50 ${round(percentile(times, 50), 2)} ms, max ${round(Math.max(...times), 1)} ms; baseline: simpleParser alone on the messages parsed`,
    },
  ];
}

const SENDERS = 50;
const PER_SENDER = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** 2,000 emails from 50 senders, each sender's after the first answering it (threads), over 10 SMTP connections. */
async function sendAll(port: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 10,
  });
  const t0 = performance.now();
  try {
    const sends: Promise<unknown>[] = [];
    for (let n = 0; n < PER_SENDER; n++) {
      for (let s = 0; s < SENDERS; s++) {
        const first = `<thread-${s}@sender${s}.example>`;
        sends.push(
          transport.sendMail({
            from: `Customer ${s} <customer${s}@sender${s}.example>`,
            to: 'help@juniper-rye.example',
            subject: n === 0 ? `Question ${s}` : `Re: Question ${s}`,
            text: `Message ${n} from customer ${s}: where is my order ${s * 100 + n}?`,
            messageId: n === 0 ? first : `<m-${s}-${n}@sender${s}.example>`,
            ...(n === 0 ? {} : { inReplyTo: first, references: [first] }),
          }),
        );
      }
    }
    await Promise.all(sends);
    return performance.now() - t0;
  } finally {
    transport.close();
  }
}

/**
 * email.ingest_rate: messages per second from the SMTP conversation to 250, which Warmline answers only after the
 * message is committed (stored, threaded and announced to agents); beside a bare smtp-server that reads each message
 * and accepts it, in the same run with the same client.
 */
async function ingestRate(): Promise<Figure> {
  const bare = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  const barePort = await freePort();
  await new Promise<void>((resolve) => bare.listen(barePort, '127.0.0.1', resolve));
  const bareMs = await sendAll(barePort);
  await new Promise<void>((resolve) => bare.close(() => resolve()));

  const port = await freePort();
  const warmline = await startWarmline({
    demo: true,
    env: { INBOUND_SMTP_PORT: String(port), INBOUND_EMAIL_ADDRESSES: 'help@juniper-rye.example=demo' },
  });
  try {
    const ms = await sendAll(port);
    const total = SENDERS * PER_SENDER;
    const rate = total / (ms / 1000);
    const bareRate = total / (bareMs / 1000);
    return {
      bench: 'email.ingest_rate',
      value: round(rate, 0),
      unit: 'msg/s',
      baseline: round(bareRate, 0),
      ratio: round(rate / bareRate, 3),
      notes: `${total} emails from ${SENDERS} senders (threads of ${PER_SENDER}) over 10 SMTP connections, each answered 250 after its commit, embedded database, ${round(ms / 1000, 1)} s; by the loop rule (more than 10 from one address in 10 minutes) ${SENDERS * (PER_SENDER - 10)} of them are kept and flagged rather than shown; baseline: a bare smtp-server reading and accepting each message (${round(bareMs / 1000, 2)} s)`,
    };
  } finally {
    await warmline.stop();
  }
}
