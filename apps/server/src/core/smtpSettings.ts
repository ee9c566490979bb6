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
