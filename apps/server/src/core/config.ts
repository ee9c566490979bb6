import path from 'node:path';
import { MESSAGE_MAX_LENGTH_DEFAULT } from '@warmline/shared';
import { z } from 'zod';
import { InboundImapEnv, type InboundImapSettings, inboundImapProblems, inboundImapSettings } from './imapSettings.ts';
import { SmsEnv, type SmsSettings, smsProblems, smsSettings } from './smsSettings.ts';
import {
  InboundSmtpEnv,
  type InboundSmtpSettings,
  inboundSmtpProblems,
  inboundSmtpSettings,
  SmtpEnv,
  type SmtpSettings,
  smtpProblems,
  smtpSettings,
} from './smtpSettings.ts';
import { StorageEnv, type StorageSettings, storageProblems, storageSettings } from './storageSettings.ts';
import { type PhoneLineConfig, phoneLineConfig, VoiceEnv, voiceProblems } from './voiceSettings.ts';

export type { ImapMailbox } from './imapSettings.ts';
export type { InboundImapSettings, InboundSmtpSettings, PhoneLineConfig, SmsSettings, SmtpSettings, StorageSettings };

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
  CALLBACK_MAX_TRIES: z.coerce.number({ message: 'CALLBACK_MAX_TRIES must be a number' }).int().min(1).max(10).default(3),
  WARMLINE_METRICS_TOKEN: z.string().min(16, { message: 'WARMLINE_METRICS_TOKEN must be at least 16 characters' }).optional(),
  CALL_RING_SECONDS: z.coerce.number({ message: 'CALL_RING_SECONDS must be a number' }).int().min(5).max(120).default(20),
  CALL_RING_PEOPLE: z.coerce.number({ message: 'CALL_RING_PEOPLE must be a number' }).int().min(1).max(10).default(3),
  CALL_RECONNECT_SECONDS: z.coerce
    .number({ message: 'CALL_RECONNECT_SECONDS must be a number' })
    .int()
    .min(0)
    .max(120)
    .default(15),
  CALL_HOLD_CHECK_IN_SECONDS: z.coerce
    .number({ message: 'CALL_HOLD_CHECK_IN_SECONDS must be a number' })
    .int()
    .min(1)
    .max(600)
    .default(30),
  NODE_HEARTBEAT_SECONDS: z.coerce.number({ message: 'NODE_HEARTBEAT_SECONDS must be a number' }).int().min(1).max(60).default(5),
  NODE_DEAD_AFTER_SECONDS: z.coerce
    .number({ message: 'NODE_DEAD_AFTER_SECONDS must be a number' })
    .int()
    .min(2)
    .max(600)
    .default(20),
  JOBS_POLL_MS: z.coerce.number({ message: 'JOBS_POLL_MS must be a number' }).int().min(10).max(60_000).default(1000),
  ...SmtpEnv,
  ...InboundSmtpEnv,
  ...InboundImapEnv,
  ...VoiceEnv,
  ...SmsEnv,
  ...StorageEnv,
});

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
  /** How many times a callback nobody answers is tried, one window after another, before it ends as not reached. */
  callbackMaxTries: number;
  /** How often a node records in the database that it is alive (core/nodes/registry.ts). */
  nodeHeartbeatSeconds: number;
  /** A node not heard from for this long is taken for dead: the calls its sockets carried are let go. */
  nodeDeadAfterSeconds: number;
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
  /** How long a call under way waits for a party whose socket dropped to reconnect before it ends. */
  callReconnectSeconds: number;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`; unset, only this machine, unproxied. */
  metricsToken: string | undefined;
  /** The outbound mail relay (SMTP_*), or null when email is not set up. */
  smtp: SmtpSettings | null;
  /** The built-in SMTP receiver for forwarded mail (INBOUND_*), or null when it is not started. */
  inboundSmtp: InboundSmtpSettings | null;
  /** Mailboxes read by IMAP (INBOUND_IMAP_*), or null when none is configured. */
  inboundImap: InboundImapSettings | null;
  /** The text-message provider (SMS_*), or null when texting is not set up. */
  sms: SmsSettings | null;
  /** TURN servers offered to browsers in calls, with short-lived credentials signed by `turnSecret`. */
  turnUrls: string[];
  /** coturn's `static-auth-secret` (TURN REST API); set exactly when `turnUrls` is. */
  turnSecret: string | undefined;
  /** How long issued TURN credentials are valid. */
  turnTtlSeconds: number;
  /** A phone line through Janus's SIP plugin (docs/phone-lines.md), or null when calls stay in the browser. */
  phoneLine: PhoneLineConfig | null;
  /** Where stored files (attachments, photos) live: `<dataDir>/files`, or an S3-compatible bucket (S3_*). */
  storage: StorageSettings;
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
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...smtpProblems(parsed.success ? parsed.data : blankToUndefined),
    ...inboundSmtpProblems(parsed.success ? parsed.data : blankToUndefined),
    ...inboundImapProblems(parsed.success ? parsed.data : blankToUndefined),
    ...voiceProblems(blankToUndefined),
    ...smsProblems(blankToUndefined),
    ...storageProblems(parsed.success ? parsed.data : blankToUndefined),
    ...(parsed.success && parsed.data.NODE_DEAD_AFTER_SECONDS < 2 * parsed.data.NODE_HEARTBEAT_SECONDS
      ? ['NODE_DEAD_AFTER_SECONDS: NODE_DEAD_AFTER_SECONDS must be at least twice NODE_HEARTBEAT_SECONDS']
      : []),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
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
    callbackMaxTries: e.CALLBACK_MAX_TRIES,
    jobsPollMs: e.JOBS_POLL_MS,
    nodeHeartbeatSeconds: e.NODE_HEARTBEAT_SECONDS,
    nodeDeadAfterSeconds: e.NODE_DEAD_AFTER_SECONDS,
    stunUrls: e.STUN_URLS,
    callRingSeconds: e.CALL_RING_SECONDS,
    callRingPeople: e.CALL_RING_PEOPLE,
    callHoldCheckInSeconds: e.CALL_HOLD_CHECK_IN_SECONDS,
    callReconnectSeconds: e.CALL_RECONNECT_SECONDS,
    metricsToken: e.WARMLINE_METRICS_TOKEN,
    smtp: smtpSettings(e),
    inboundSmtp: inboundSmtpSettings(e),
    inboundImap: inboundImapSettings(e),
    sms: smsSettings(e),
    turnUrls: e.TURN_URLS,
    turnSecret: e.TURN_SECRET,
    turnTtlSeconds: e.TURN_TTL_SECONDS,
    phoneLine: phoneLineConfig(e),
    storage: storageSettings(e, path.resolve(e.WARMLINE_DATA_DIR)),
  };
}
