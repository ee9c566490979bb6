import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

/** The SMTP_* variables: the outbound mail relay (docs/email.md). */
export const SmtpEnv = {
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
};

type SmtpVariables = Partial<z.infer<z.ZodObject<typeof SmtpEnv>>>;

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
export function smtpProblems(e: SmtpVariables): string[] {
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

/** The relay's settings from validated variables, or null when SMTP_HOST is not set. */
export function smtpSettings(e: SmtpVariables): SmtpSettings | null {
  return e.SMTP_HOST
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
    : null;
}

/** The INBOUND_* variables: the built-in SMTP receiver for forwarded mail (docs/email.md, "Receiving email"). */
export const InboundSmtpEnv = {
  INBOUND_SMTP_PORT: z.coerce
    .number({ message: 'INBOUND_SMTP_PORT must be a number' })
    .int({ message: 'INBOUND_SMTP_PORT must be a whole number' })
    .min(0, { message: 'INBOUND_SMTP_PORT must be between 0 and 65535' })
    .max(65535, { message: 'INBOUND_SMTP_PORT must be between 0 and 65535' })
    .optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_SMTP_MAX_BYTES: z.coerce
    .number({ message: 'INBOUND_SMTP_MAX_BYTES must be a number' })
    .int()
    .min(1024, { message: 'INBOUND_SMTP_MAX_BYTES must be at least 1024' })
    .max(50 * 1024 * 1024, { message: 'INBOUND_SMTP_MAX_BYTES must be at most 52428800 (50 MB)' })
    .default(10 * 1024 * 1024),
  /** `help@bakery.example=<workspace key>, billing@bakery.example=<workspace key>/<team id>`. */
  INBOUND_EMAIL_ADDRESSES: z.string().optional(),
};

type InboundVariables = Partial<z.infer<z.ZodObject<typeof InboundSmtpEnv>>>;

/** Where mail forwarded to one of our addresses lands: a workspace, and optionally one of its teams. */
export interface InboundAddress {
  address: string;
  workspaceKey: string;
  teamId: string | null;
}

/** The SMTP receiver; null when INBOUND_SMTP_PORT is not set. */
export interface InboundSmtpSettings {
  host: string;
  /** 0 takes a free port (tests). */
  port: number;
  /** Larger messages are refused at SMTP time (552). */
  maxBytes: number;
  addresses: InboundAddress[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^\s@,=/]+@[^\s@,=/]+\.[^\s@,=/]+$/;

/** INBOUND_EMAIL_ADDRESSES read, with one problem per entry that cannot work. */
export function parseInboundAddresses(text: string | undefined): { addresses: InboundAddress[]; problems: string[] } {
  const addresses: InboundAddress[] = [];
  const problems: string[] = [];
  for (const item of (text ?? '').split(',').map((s) => s.trim())) {
    if (!item) continue;
    const [address = '', target = ''] = item.split('=').map((s) => s.trim());
    const [workspaceKey = '', teamId] = target.split('/').map((s) => s.trim());
    if (!ADDRESS.test(address) || !workspaceKey || (teamId !== undefined && !UUID.test(teamId))) {
      problems.push(`INBOUND_EMAIL_ADDRESSES: "${item}" must read address=<workspace key> or address=<workspace key>/<team id>`);
      continue;
    }
    addresses.push({ address: address.toLowerCase(), workspaceKey, teamId: teamId?.toLowerCase() ?? null });
  }
  return { addresses, problems };
}

/** Problems with the INBOUND_* settings taken together. */
export function inboundSmtpProblems(e: InboundVariables): string[] {
  const { problems } = parseInboundAddresses(e.INBOUND_EMAIL_ADDRESSES);
  if (e.INBOUND_EMAIL_ADDRESSES && e.INBOUND_SMTP_PORT === undefined) {
    problems.push('INBOUND_SMTP_PORT: INBOUND_SMTP_PORT is required with INBOUND_EMAIL_ADDRESSES (the port mail is received on)');
  }
  return problems;
}

/** The receiver's settings from validated variables, or null when INBOUND_SMTP_PORT is not set. */
export function inboundSmtpSettings(e: InboundVariables): InboundSmtpSettings | null {
  if (e.INBOUND_SMTP_PORT === undefined) return null;
  return {
    host: e.INBOUND_SMTP_HOST ?? '127.0.0.1',
    port: e.INBOUND_SMTP_PORT,
    maxBytes: e.INBOUND_SMTP_MAX_BYTES ?? 10 * 1024 * 1024,
    addresses: parseInboundAddresses(e.INBOUND_EMAIL_ADDRESSES).addresses,
  };
}
