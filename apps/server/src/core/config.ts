import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { MESSAGE_MAX_LENGTH_DEFAULT } from '@warmline/shared';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number({ message: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'PUBLIC_URL must be an absolute URL such as https://help.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
    .optional(),
  WARMLINE_DATA_DIR: z.string().min(1).default('./data'),
  SECRET_KEY: z.string().min(32, { message: 'SECRET_KEY must be at least 32 characters' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MESSAGE_MAX_LENGTH: z.coerce
    .number({ message: 'MESSAGE_MAX_LENGTH must be a number' })
    .int()
    .min(1)
    .max(100_000)
    .default(MESSAGE_MAX_LENGTH_DEFAULT),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  VISITOR_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  SIGN_IN_LIMIT_PER_15_MIN: z.coerce.number().int().min(1).default(10),
  WIDGET_SESSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  CALLBACK_MIN_LEAD_MINUTES: z.coerce.number().int().min(0).max(30).default(10),
  WARMLINE_METRICS_TOKEN: z.string().min(16, { message: 'WARMLINE_METRICS_TOKEN must be at least 16 characters' }).optional(),
  STUN_URLS: z.string().default(''),
  CALL_RING_SECONDS: z.coerce.number({ message: 'CALL_RING_SECONDS must be a number' }).int().min(5).max(120).default(20),
  CALL_RING_PEOPLE: z.coerce.number({ message: 'CALL_RING_PEOPLE must be a number' }).int().min(1).max(10).default(3),
  CALL_HOLD_CHECK_IN_SECONDS: z.coerce
    .number({ message: 'CALL_HOLD_CHECK_IN_SECONDS must be a number' })
    .int()
    .min(1)
    .max(600)
    .default(30),
  JOBS_POLL_MS: z.coerce.number({ message: 'JOBS_POLL_MS must be a number' }).int().min(10).max(60_000).default(1000),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce
    .number({ message: 'SMTP_PORT must be a number' })
    .int({ message: 'SMTP_PORT must be a whole number' })
    .min(1, { message: 'SMTP_PORT must be between 1 and 65535' })
    .max(65535, { message: 'SMTP_PORT must be between 1 and 65535' })
    .optional(),
  SMTP_SECURE: z
    .enum(['true', 'false'], { message: 'SMTP_SECURE must be true (TLS from the start, port 465) or false' })
    .optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.email({ message: 'SMTP_FROM must be an email address such as help@example.com' }).optional(),
  SMTP_DKIM_DOMAIN: z.string().min(1).optional(),
  SMTP_DKIM_SELECTOR: z.string().min(1).optional(),
  /** PEM; `\n` escapes are read as line breaks, for environments that keep a variable on one line. */
  SMTP_DKIM_PRIVATE_KEY: z.string().min(1).optional(),
});

/** The outbound mail relay; null when SMTP_HOST is not set (email replies then say that email is not set up). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the relay offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  /** The address every reply is sent from; the display name is the agent's. */
  from: string;
  /** Signs every outbound email when set (SMTP_DKIM_*). */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

const pem = (key: string) => key.replaceAll('\\n', '\n');

function isPrivateKey(key: string): boolean {
  try {
    createPrivateKey(key);
    return true;
  } catch {
    return false;
  }
}

/** Problems with the SMTP_* settings taken together (each variable alone is checked by Env). */
function smtpProblems(e: Partial<z.infer<typeof Env>>): string[] {
  const problems: string[] = [];
  const set = (['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_FROM', 'SMTP_DKIM_DOMAIN'] as const).filter(
    (k) => e[k] !== undefined,
  );
  if (!e.SMTP_HOST) {
    if (set.length) problems.push(`SMTP_HOST: SMTP_HOST is required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set`);
    return problems;
  }
  if (!e.SMTP_FROM) problems.push('SMTP_FROM: SMTP_FROM is required with SMTP_HOST (the address replies are sent from)');
  if (e.SMTP_USER && !e.SMTP_PASSWORD) problems.push('SMTP_PASSWORD: SMTP_PASSWORD is required with SMTP_USER');
  if (e.SMTP_PASSWORD && !e.SMTP_USER) problems.push('SMTP_USER: SMTP_USER is required with SMTP_PASSWORD');
  const dkim = (['SMTP_DKIM_DOMAIN', 'SMTP_DKIM_SELECTOR', 'SMTP_DKIM_PRIVATE_KEY'] as const).filter((k) => e[k] === undefined);
  if (dkim.length > 0 && dkim.length < 3)
    problems.push(`${dkim[0]}: DKIM signing needs all of SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY`);
  if (e.SMTP_DKIM_PRIVATE_KEY && !isPrivateKey(pem(e.SMTP_DKIM_PRIVATE_KEY))) {
    problems.push('SMTP_DKIM_PRIVATE_KEY: SMTP_DKIM_PRIVATE_KEY must be a private key in PEM form (-----BEGIN PRIVATE KEY-----)');
  }
  return problems;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  messageMaxLength: number;
  sessionTtlHours: number;
  visitorTokenTtlDays: number;
  signInLimitPer15Min: number;
  /** New widget sessions per IP per minute. */
  widgetSessionsPerMinute: number;
  /** Messages one visitor or agent may send per minute. */
  messagesPerMinute: number;
  /** A callback window already under way is offered only while this much of it is left. */
  callbackMinLeadMinutes: number;
  /** How often a worker looks for due jobs. */
  jobsPollMs: number;
  /** STUN servers for calls (`stun:host:port`); none on loopback. */
  stunUrls: string[];
  /** How long a call rings one person before it rings the next. */
  callRingSeconds: number;
  /** How many people a call rings, one after another, before the customer is offered a callback. */
  callRingPeople: number;
  /** While a customer is on hold, the agent is prompted to check in this often. */
  callHoldCheckInSeconds: number;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`; unset, only this machine, unproxied. */
  metricsToken: string | undefined;
  /** The outbound mail relay (SMTP_*), or null when email is not set up. */
  smtp: SmtpSettings | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = Env.safeParse(blankToUndefined);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  problems.push(...smtpProblems(parsed.success ? parsed.data : (blankToUndefined as Partial<z.infer<typeof Env>>)));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.WARMLINE_DATA_DIR),
    secretKey: e.SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    messageMaxLength: e.MESSAGE_MAX_LENGTH,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    visitorTokenTtlDays: e.VISITOR_TOKEN_TTL_DAYS,
    signInLimitPer15Min: e.SIGN_IN_LIMIT_PER_15_MIN,
    widgetSessionsPerMinute: e.WIDGET_SESSIONS_PER_MINUTE,
    messagesPerMinute: e.MESSAGES_PER_MINUTE,
    callbackMinLeadMinutes: e.CALLBACK_MIN_LEAD_MINUTES,
    jobsPollMs: e.JOBS_POLL_MS,
    stunUrls: e.STUN_URLS.split(',')
      .map((u) => u.trim())
      .filter(Boolean),
    callRingSeconds: e.CALL_RING_SECONDS,
    callRingPeople: e.CALL_RING_PEOPLE,
    callHoldCheckInSeconds: e.CALL_HOLD_CHECK_IN_SECONDS,
    metricsToken: e.WARMLINE_METRICS_TOKEN,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587),
          secure: e.SMTP_SECURE === 'true',
          auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : null,
          from: e.SMTP_FROM!,
          dkim:
            e.SMTP_DKIM_DOMAIN && e.SMTP_DKIM_SELECTOR && e.SMTP_DKIM_PRIVATE_KEY
              ? { domainName: e.SMTP_DKIM_DOMAIN, keySelector: e.SMTP_DKIM_SELECTOR, privateKey: pem(e.SMTP_DKIM_PRIVATE_KEY) }
              : null,
        }
      : null,
  };
}
