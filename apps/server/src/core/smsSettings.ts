import { z } from 'zod';

/** The SMS_* variables: a text-message provider speaking Twilio's Messages API (docs/deploy.md). */
export const SmsEnv = {
  SMS_PROVIDER_URL: z
    .url({ message: 'SMS_PROVIDER_URL must be an absolute URL such as https://api.twilio.com' })
    .regex(/^https?:\/\//, { message: 'SMS_PROVIDER_URL must be an http:// or https:// URL such as https://api.twilio.com' })
    .optional(),
  SMS_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, { message: 'SMS_ACCOUNT_SID must be an account SID: AC and 32 hexadecimal digits' })
    .optional(),
  SMS_AUTH_TOKEN: z
    .string()
    .min(16, { message: 'SMS_AUTH_TOKEN must be at least 16 characters (the account auth token)' })
    .optional(),
  SMS_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, { message: 'SMS_FROM must be a phone number in international form, such as +254712345678' })
    .optional(),
};

type SmsVariables = Partial<z.infer<z.ZodObject<typeof SmsEnv>>>;

/** Where texts go out; null when SMS_* is not set (the timeline then says no text-message provider is set up). */
export interface SmsSettings {
  /** The provider's API root, without the `/2010-04-01/…` path. */
  providerUrl: string;
  accountSid: string;
  authToken: string;
  /** The number texts come from. */
  from: string;
}

/** The keys a provider needs, all of them or none. */
const SMS_KEYS = ['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] as const;

/** Problems with the SMS_* settings taken together (each variable alone is checked by Env). */
export function smsProblems(e: Record<string, string | undefined>): string[] {
  const set = SMS_KEYS.filter((key) => e[key]);
  const given = e.SMS_PROVIDER_URL ? ['SMS_PROVIDER_URL', ...set] : set;
  if (given.length === 0 || set.length === SMS_KEYS.length) return [];
  return SMS_KEYS.filter((key) => !e[key]).map(
    (key) => `${key}: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set, so texting needs ${key} too`,
  );
}

/** The provider's settings from validated variables, or null when texting is not set up. */
export function smsSettings(e: SmsVariables): SmsSettings | null {
  return e.SMS_ACCOUNT_SID && e.SMS_AUTH_TOKEN && e.SMS_FROM
    ? {
        providerUrl: (e.SMS_PROVIDER_URL ?? 'https://api.twilio.com').replace(/\/+$/, ''),
        accountSid: e.SMS_ACCOUNT_SID,
        authToken: e.SMS_AUTH_TOKEN,
        from: e.SMS_FROM,
      }
    : null;
}
