import path from 'node:path';
import { z } from 'zod';

/** A comma-separated list of ICE server URLs with one of the given schemes, each checked on its own. */
function iceUrls(name: string, schemes: string[]) {
  const shape = new RegExp(`^(${schemes.join('|')}):[^\\s,/?]+(\\?transport=(udp|tcp))?$`);
  return z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((url) => url.trim())
        .filter((url) => url.length > 0),
    )
    .superRefine((urls, ctx) => {
      for (const url of urls) {
        if (!shape.test(url)) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} has "${url}", which is not a ${schemes.map((s) => `${s}:`).join(' or ')} URL such as ${schemes[0]}:turn.example.com:3478`,
          });
        }
      }
    })
    .default([]);
}

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
    .default(10_000),
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
  JOBS_POLL_MS: z.coerce.number({ message: 'JOBS_POLL_MS must be a number' }).int().min(10).max(60_000).default(1000),
  STUN_URLS: iceUrls('STUN_URLS', ['stun', 'stuns']),
  TURN_URLS: iceUrls('TURN_URLS', ['turn', 'turns']),
  TURN_SECRET: z
    .string()
    .min(16, { message: "TURN_SECRET must be at least 16 characters (coturn's static-auth-secret)" })
    .optional(),
  TURN_TTL_SECONDS: z.coerce
    .number({ message: 'TURN_TTL_SECONDS must be a number of seconds' })
    .int()
    .min(60, { message: 'TURN_TTL_SECONDS must be at least 60' })
    .max(86_400, { message: 'TURN_TTL_SECONDS must be at most 86400 (a day)' })
    .default(600),
  JANUS_URL: z
    .string()
    .regex(/^wss?:\/\/[^\s]+$/, { message: 'JANUS_URL must be a ws:// or wss:// URL, such as wss://pbx.example.com/janus' })
    .optional(),
  JANUS_TOKEN_SECRET: z
    .string()
    .min(16, { message: "JANUS_TOKEN_SECRET must be at least 16 characters (Janus's token_auth_secret)" })
    .optional(),
  SIP_PROXY: z
    .string()
    .regex(/^sips?:[^\s@]+$/, { message: 'SIP_PROXY must be a SIP address without a user, such as sip:pbx.example.com:5060' })
    .optional(),
  SIP_DOMAIN: z
    .string()
    .regex(/^[a-zA-Z0-9.-]+(:\d+)?$/, { message: 'SIP_DOMAIN must be a host name, such as pbx.example.com' })
    .optional(),
  SIP_LINE_USER: z
    .string()
    .regex(/^[a-zA-Z0-9_.+-]{1,64}$/, { message: 'SIP_LINE_USER must be a SIP user name such as support' })
    .default('support'),
  SIP_LINE_SECRET: z.string().min(8, { message: 'SIP_LINE_SECRET must be at least 8 characters' }).optional(),
});

/** The keys a phone line needs, all of them or none. */
const PHONE_LINE_KEYS = ['JANUS_URL', 'JANUS_TOKEN_SECRET', 'SIP_PROXY', 'SIP_DOMAIN', 'SIP_LINE_SECRET'] as const;

/** Problems between keys, which no single key's schema can see. */
function crossKeyProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const turnUrls = (env.TURN_URLS ?? '').trim();
  if (turnUrls && !env.TURN_SECRET) {
    problems.push('TURN_SECRET: TURN_URLS is set, so TURN_SECRET (the static-auth-secret of the coturn server) must be set too');
  }
  if (env.TURN_SECRET && !turnUrls) {
    problems.push(
      'TURN_URLS: TURN_SECRET is set but TURN_URLS is empty: name the TURN server, such as turn:turn.example.com:3478',
    );
  }
  const phoneKeys = PHONE_LINE_KEYS.filter((key) => env[key]);
  if (phoneKeys.length > 0) {
    for (const key of PHONE_LINE_KEYS.filter((k) => !env[k])) {
      problems.push(
        `${key}: ${phoneKeys.join(', ')} ${phoneKeys.length === 1 ? 'is' : 'are'} set, so a phone line needs ${key} too`,
      );
    }
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
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`; unset, only this machine, unproxied. */
  metricsToken: string | undefined;
  /** STUN servers offered to browsers in calls. */
  stunUrls: string[];
  /** TURN servers offered to browsers in calls, with short-lived credentials signed by `turnSecret`. */
  turnUrls: string[];
  /** coturn's `static-auth-secret` (TURN REST API); set exactly when `turnUrls` is. */
  turnSecret: string | undefined;
  /** How long issued TURN credentials are valid. */
  turnTtlSeconds: number;
  /** A phone line through Janus's SIP plugin (docs/phone-lines.md), or null when calls stay in the browser. */
  phoneLine: PhoneLineConfig | null;
}

export interface PhoneLineConfig {
  /** Janus's WebSocket, as the agents' browsers reach it. */
  janusUrl: string;
  /** Janus's token_auth_secret: Warmline signs short-lived Janus tokens for signed-in agents. */
  janusTokenSecret: string;
  /** Where Janus registers the agents' line (kamailio). */
  sipProxy: string;
  /** The SIP domain of the line and of the numbers dialled through it. */
  sipDomain: string;
  lineUser: string;
  lineSecret: string;
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
    ...crossKeyProblems(blankToUndefined),
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
    jobsPollMs: e.JOBS_POLL_MS,
    metricsToken: e.WARMLINE_METRICS_TOKEN,
    stunUrls: e.STUN_URLS,
    turnUrls: e.TURN_URLS,
    turnSecret: e.TURN_SECRET,
    turnTtlSeconds: e.TURN_TTL_SECONDS,
    phoneLine:
      e.JANUS_URL && e.JANUS_TOKEN_SECRET && e.SIP_PROXY && e.SIP_DOMAIN && e.SIP_LINE_SECRET
        ? {
            janusUrl: e.JANUS_URL,
            janusTokenSecret: e.JANUS_TOKEN_SECRET,
            sipProxy: e.SIP_PROXY,
            sipDomain: e.SIP_DOMAIN,
            lineUser: e.SIP_LINE_USER,
            lineSecret: e.SIP_LINE_SECRET,
          }
        : null,
  };
}
