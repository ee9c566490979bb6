import { Invalid } from '../../../core/errors.ts';
import { normalisePhone } from '../../customers/index.ts';

/** What a SIP network sends when the caller withheld their number. */
const WITHHELD = new Set(['anonymous', 'restricted', 'unavailable', 'unknown', 'private', 'withheld']);

/**
 * A number an agent asked to call, in E.164 (`+254712345678`). Numbers written without `+country` are read in the
 * workspace's country. Anything else is a 400 that says what to write instead.
 */
export function dialableNumber(input: string, defaultCountry: string | null): string {
  const written = input.trim();
  if (written.length === 0) throw new Invalid('number: enter the phone number to call', { field: 'number' });
  const number = normalisePhone(written, defaultCountry);
  if (number) return number;
  const hint =
    !written.startsWith('+') && !defaultCountry
      ? 'write it with its +country code, such as +254712345678 (this workspace has no default country for local numbers)'
      : 'write it with its +country code, such as +254712345678';
  throw new Invalid(`number: "${written.slice(0, 40)}" is not a phone number we can call: ${hint}`, { field: 'number' });
}

export type Caller = { kind: 'number'; number: string } | { kind: 'withheld' };

/**
 * Who is calling, from the SIP address a phone line gives for the caller (`sip:+254712345678@trunk;user=phone`,
 * `"Kamau" <sip:0712345678@trunk>`, `tel:+254-712-345-678`). Null when it is not a caller address at all.
 */
export function callerOf(from: string, defaultCountry: string | null): Caller | null {
  const user = userPart(from);
  if (user === null) return null;
  if (WITHHELD.has(user.toLowerCase()) || user === '') return { kind: 'withheld' };
  // Some trunks send international numbers without the +, or with 00 in front of the country code.
  const candidates = [user, user.startsWith('00') ? `+${user.slice(2)}` : null, /^\d{11,15}$/.test(user) ? `+${user}` : null];
  for (const candidate of candidates) {
    const number = candidate ? normalisePhone(candidate, defaultCountry) : null;
    if (number) return { kind: 'number', number };
  }
  return null;
}

/** The user part of a SIP or tel URI, with visual separators removed; null when `from` is no such URI. */
function userPart(from: string): string | null {
  const value = from.trim();
  const inBrackets = /<([^>]*)>/.exec(value)?.[1] ?? value;
  const match = /^(?:sips?:([^@;?]*)@[^\s]+|tel:([^;?\s]+)(?:[;?].*)?)$/i.exec(inBrackets.trim());
  if (!match) return null;
  const user = decodeURIComponent(match[1] ?? match[2] ?? '').split(';')[0]!;
  return user.replace(/[\s().-]/g, '');
}

/** The SIP address that rings `number` through the trunk at `domain`. */
export function sipAddressOf(number: string, domain: string): string {
  return `sip:${number}@${domain};user=phone`;
}
