import { describe, expect, it } from 'vitest';
import { idleAwayText, msUntilIdle, shouldSetAway } from './idle.ts';

const MIN = 60_000;
const base = { presence: 'available' as const, lastActivityAt: 1_000_000, idleAwayMinutes: 10 };

describe('automatic away', () => {
  it('waits the workspace’s full idle time', () => {
    expect(shouldSetAway({ ...base, now: base.lastActivityAt + 10 * MIN - 1 })).toBe(false);
    expect(shouldSetAway({ ...base, now: base.lastActivityAt + 10 * MIN })).toBe(true);
  });

  it('only moves people who are available', () => {
    for (const presence of ['busy', 'away', 'offline'] as const) {
      expect(shouldSetAway({ ...base, presence, now: base.lastActivityAt + 60 * MIN })).toBe(false);
    }
  });

  it('is off when the workspace sets no limit', () => {
    expect(shouldSetAway({ ...base, idleAwayMinutes: 0, now: base.lastActivityAt + 600 * MIN })).toBe(false);
    expect(msUntilIdle({ ...base, idleAwayMinutes: 0, now: base.lastActivityAt })).toBeNull();
  });

  it('knows how long until the next check matters', () => {
    expect(msUntilIdle({ ...base, now: base.lastActivityAt + 4 * MIN })).toBe(6 * MIN);
    expect(msUntilIdle({ ...base, now: base.lastActivityAt + 20 * MIN })).toBe(1000);
    expect(msUntilIdle({ ...base, presence: 'away', now: base.lastActivityAt })).toBeNull();
  });

  it('explains itself gently', () => {
    expect(idleAwayText(10)).toBe('You were set to Away after 10 minutes idle');
    expect(idleAwayText(1)).toBe('You were set to Away after 1 minute idle');
  });
});
