import type { Presence } from '@warmline/shared';

export interface IdleInput {
  presence: Presence;
  /** Last pointer or keyboard activity in the app (ms). */
  lastActivityAt: number;
  now: number;
  /** From the workspace; 0 or less switches automatic away off. */
  idleAwayMinutes: number;
}

const MINUTE = 60_000;

/** True when an available agent has been idle for the workspace's limit: set them to Away. */
export function shouldSetAway({ presence, lastActivityAt, now, idleAwayMinutes }: IdleInput): boolean {
  if (presence !== 'available' || !(idleAwayMinutes > 0)) return false;
  return now - lastActivityAt >= idleAwayMinutes * MINUTE;
}

/** Milliseconds until the next check is worth doing (null: nothing to watch). Never less than 1 s. */
export function msUntilIdle({ presence, lastActivityAt, now, idleAwayMinutes }: IdleInput): number | null {
  if (presence !== 'available' || !(idleAwayMinutes > 0)) return null;
  return Math.max(1000, lastActivityAt + idleAwayMinutes * MINUTE - now);
}

/** "You were set to Away after 10 minutes idle". */
export function idleAwayText(minutes: number): string {
  return `You were set to Away after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} idle`;
}
