import { readLink, signLink } from '../store/index.ts';

const PURPOSE = 'survey';

/**
 * The secret in a survey link: the invitation's id and its expiry, signed with the instance's secret (HMAC-SHA256),
 * so nothing secret is stored and a changed link opens nothing.
 *
 * @example surveyToken(secret, invitation.id, invitation.expiresAt) // "3f0c…-….1797811200.Jx9…"
 */
export function surveyToken(secretKey: string, invitationId: string, expiresAt: Date): string {
  return signLink(secretKey, PURPOSE, invitationId, expiresAt);
}

/**
 * The invitation a survey token names; `expired` for a genuine link past its time; null for one that is malformed,
 * tampered with, or signed for something else (a ticket's link opens no survey). Compared in constant time.
 */
export function invitationOfToken(secretKey: string, token: string, now: Date): { invitationId: string } | 'expired' | null {
  if (token.length > 200) return null;
  const read = readLink(secretKey, PURPOSE, token, now);
  if (read === null || read === 'expired') return read;
  // A survey link always carries its expiry.
  return token.split('.').length === 3 ? { invitationId: read.id } : null;
}
