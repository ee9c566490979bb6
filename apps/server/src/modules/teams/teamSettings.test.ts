import { describe, expect, it } from 'vitest';
import { targetFor } from './teamSettings.ts';

describe('time-to-human targets by channel', () => {
  it('holds chat to the team target and other channels to their own', () => {
    const team = { targetSeconds: 90, channelTargets: { phone: 30 } };
    expect(targetFor(team, 'chat')).toBe(90);
    expect(targetFor(team, 'phone')).toBe(30);
  });

  it('falls back to sensible channel defaults: a call sooner than a chat, an email later', () => {
    expect(targetFor(null, 'chat')).toBe(120);
    expect(targetFor(null, 'phone')).toBe(60);
    expect(targetFor(null, 'email')).toBe(4 * 3600);
    expect(targetFor({ targetSeconds: 90, channelTargets: {} }, 'email')).toBe(4 * 3600);
  });
});
