import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Contact points in the one form we store and match on. Each returns null when the input is not one. */

// Deliberately plain: one @, a dot in the domain, no spaces. Real validation is whether mail arrives.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\].]{2,}$/u;

export function normaliseEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length > 320 || !EMAIL.test(value)) return null;
  return value;
}

/** E.164 (`+254712345678`). Numbers without `+country` need the workspace's country. */
export function normalisePhone(input: string, defaultCountry?: string | null): string | null {
  const value = input.trim();
  if (value.length === 0 || value.length > 40 || /[^\d\s+().\-/]/.test(value)) return null;
  const country = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberFromString(value, country);
    return parsed?.isValid() ? parsed.number : null;
  } catch {
    // An unknown default country: only international numbers can be read.
    return null;
  }
}

export function normaliseExternalId(input: string): string | null {
  const value = input.trim();
  if (value.length === 0 || value.length > 200 || hasControlCharacters(value)) return null;
  return value;
}

export type ContactKind = 'email' | 'phone' | 'external';

export function normaliseContact(kind: ContactKind, input: string, defaultCountry?: string | null): string | null {
  if (kind === 'email') return normaliseEmail(input);
  if (kind === 'phone') return normalisePhone(input, defaultCountry);
  return normaliseExternalId(input);
}

export function describeInvalid(kind: ContactKind): string {
  if (kind === 'email') return 'is not a valid email address';
  if (kind === 'phone') return 'is not a valid phone number (write it with its +country code)';
  return 'is not a valid external id (1–200 characters, no control characters)';
}

function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) === 0x7f) return true;
  return false;
}
