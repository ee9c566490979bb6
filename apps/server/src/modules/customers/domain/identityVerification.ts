import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Identity verification for a website's signed-in users: the website's server computes
 * HMAC-SHA256(workspace identity secret, userId) as hex and passes it to the widget with the user id.
 * Only a user id with a matching hash is linked to a customer automatically.
 */
export function userHashFor(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Constant-time: how much of a wrong hash matched is never observable. */
export function isValidUserHash(secret: string, userId: string, userHash: string): boolean {
  const expected = Buffer.from(userHashFor(secret, userId), 'utf8');
  const given = Buffer.from(userHash.trim().toLowerCase(), 'utf8');
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}
