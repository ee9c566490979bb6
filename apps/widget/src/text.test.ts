import { describe, expect, it } from 'vitest';
import { composerState, emailProblem, initials } from './text.ts';

describe('emailProblem', () => {
  it('accepts ordinary addresses', () => {
    expect(emailProblem('you@example.com')).toBeNull();
    expect(emailProblem('  a.b+c@mail.co.uk ')).toBeNull();
  });
  it('explains what is wrong', () => {
    expect(emailProblem('')).toMatch(/enter your email/);
    expect(emailProblem('you@')).toMatch(/doesn’t look/);
    expect(emailProblem('you@example')).toMatch(/doesn’t look/);
    expect(emailProblem('a b@c.de')).toMatch(/doesn’t look/);
  });
});

describe('composerState', () => {
  it('refuses empty and whitespace-only bodies', () => {
    expect(composerState('', 100).canSend).toBe(false);
    expect(composerState(' \n\t', 100).canSend).toBe(false);
    expect(composerState('hi', 100).canSend).toBe(true);
  });
  it('shows a counter near the limit and refuses above it', () => {
    expect(composerState('x'.repeat(8000), 10_000).counter).toBeNull();
    expect(composerState('x'.repeat(9500), 10_000)).toEqual({ canSend: true, counter: '9,500 / 10,000', over: false });
    expect(composerState('x'.repeat(10_001), 10_000)).toMatchObject({ canSend: false, over: true });
  });
});

describe('initials', () => {
  it('takes first and last initials', () => {
    expect(initials('Amina Diallo')).toBe('AD');
    expect(initials('sam')).toBe('S');
    expect(initials('')).toBe('·');
  });
});
