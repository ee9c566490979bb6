import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsSettings } from '../core/config.ts';

export interface FakeText {
  to: string;
  from: string;
  body: string;
}

/** A local stand-in for Twilio's Messages API: checks basic auth and the form, keeps what it accepted. */
export interface FakeSmsProvider {
  port: number;
  /** Every text accepted (201), in order. */
  texts: FakeText[];
  /** How many requests arrived, accepted or not. */
  requests: number;
  /** The next answers, in order, instead of accepting: a 500 (down) or a 400 with Twilio's error body. */
  answerNext(...statuses: Array<500 | 400>): void;
  /** Settings that text through this provider. */
  settings(): SmsSettings;
  close(): Promise<void>;
}

const ACCOUNT_SID = `AC${'f'.repeat(32)}`;
const AUTH_TOKEN = 'fake-provider-auth-token';
const FROM = '+15005550006';

function answer(res: http.ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Starts the fake provider on a free loopback port. */
export async function startFakeSmsProvider(): Promise<FakeSmsProvider> {
  const planned: number[] = [];
  const fake = { texts: [] as FakeText[], requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      fake.requests++;
      const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`) {
        return answer(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      }
      if (req.headers.authorization !== expectedAuth) {
        return answer(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const text = { to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '' };
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || !text.to || !text.from || !text.body) {
        return answer(res, 400, { code: 21604, message: "A 'To', 'From' and 'Body' are required", status: 400 });
      }
      const status = planned.shift();
      if (status === 500) return answer(res, 500, { code: 20500, message: 'An internal server error has occurred', status: 500 });
      if (status === 400) {
        return answer(res, 400, { code: 21211, message: `The 'To' number ${text.to} is not a valid phone number.`, status: 400 });
      }
      fake.texts.push(text);
      answer(res, 201, { sid: `SM${fake.texts.length}`, status: 'queued', to: text.to, from: text.from, body: text.body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    port,
    answerNext: (...statuses: Array<500 | 400>) => void planned.push(...statuses),
    settings: () => ({ providerUrl: `http://127.0.0.1:${port}`, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
