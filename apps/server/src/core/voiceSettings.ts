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

/** The variables of calls: STUN/TURN servers and a phone line through Janus (docs/voice.md, docs/phone-lines.md). */
export const VoiceEnv = {
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
};

/** The keys a phone line needs, all of them or none. */
const PHONE_LINE_KEYS = ['JANUS_URL', 'JANUS_TOKEN_SECRET', 'SIP_PROXY', 'SIP_DOMAIN', 'SIP_LINE_SECRET'] as const;

/** Problems between keys, which no single key's schema can see. */
export function voiceProblems(env: Record<string, string | undefined>): string[] {
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

type VoiceVariables = z.infer<z.ZodObject<typeof VoiceEnv>>;

/** The phone line from validated variables, or null when calls stay in the browser. */
export function phoneLineConfig(e: VoiceVariables): PhoneLineConfig | null {
  return e.JANUS_URL && e.JANUS_TOKEN_SECRET && e.SIP_PROXY && e.SIP_DOMAIN && e.SIP_LINE_SECRET
    ? {
        janusUrl: e.JANUS_URL,
        janusTokenSecret: e.JANUS_TOKEN_SECRET,
        sipProxy: e.SIP_PROXY,
        sipDomain: e.SIP_DOMAIN,
        lineUser: e.SIP_LINE_USER,
        lineSecret: e.SIP_LINE_SECRET,
      }
    : null;
}
