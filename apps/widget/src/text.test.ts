import { describe, expect, it } from 'vitest';
import { callbackErrorField, cleanMessage, emailProblem, initials, phoneProblem } from './text.ts';

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

describe('initials', () => {
  it('takes first and last initials', () => {
    expect(initials('Amina Diallo')).toBe('AD');
    expect(initials('sam')).toBe('S');
    expect(initials('')).toBe('·');
  });
});

describe('phoneProblem', () => {
  it('accepts numbers as people write them', () => {
    expect(phoneProblem('+254 712 345 678')).toBeNull();
    expect(phoneProblem('(030) 1234-5678')).toBeNull();
  });
  it('asks calmly for something that could be a number', () => {
    expect(phoneProblem('  ')).toMatch(/enter a phone number/);
    expect(phoneProblem('123')).toMatch(/doesn’t look quite right/);
    expect(phoneProblem('call me maybe')).toMatch(/doesn’t look quite right/);
  });
});

describe('server errors', () => {
  it('drop the field path and start with a capital', () => {
    expect(cleanMessage('body.phone: phone is required')).toBe('Phone is required');
    expect(cleanMessage('That window has passed.')).toBe('That window has passed.');
  });
  it('are shown next to the field they are about', () => {
    expect(callbackErrorField('x', { issues: [{ path: 'body.phone', message: 'x' }] })).toBe('phone');
    expect(callbackErrorField('That is not a phone number.', null)).toBe('phone');
    expect(callbackErrorField('body.windowStart: windowStart must be an ISO date-time', null)).toBe('window');
    expect(callbackErrorField('That time is outside our opening hours.', null)).toBe('window');
    expect(callbackErrorField('Please slow down.', null)).toBeNull();
  });
});
