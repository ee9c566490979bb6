import { describe, expect, it } from 'vitest';
import { deliveryFor } from './invite.ts';
import { mayAskAgain, surveyLanguage } from './quietDays.ts';

const day = 86_400_000;
const now = new Date('2031-01-31T12:00:00Z');

describe('never asked twice within the quiet days', () => {
  it('a customer never asked before is asked', () => {
    expect(mayAskAgain(null, 30, now)).toBe(true);
  });

  it('asked 29 days ago with 30 quiet days: not asked again; 30 days ago: asked', () => {
    expect(mayAskAgain(new Date(now.getTime() - 29 * day), 30, now)).toBe(false);
    expect(mayAskAgain(new Date(now.getTime() - 30 * day + 1), 30, now)).toBe(false);
    expect(mayAskAgain(new Date(now.getTime() - 30 * day), 30, now)).toBe(true);
  });

  it('zero quiet days asks after every resolution', () => {
    expect(mayAskAgain(new Date(now.getTime() - 1000), 0, now)).toBe(true);
  });
});

describe('the language and the channel a survey is asked in', () => {
  it('Swahili and Spanish conversations are asked in their language, anything else in English', () => {
    expect(surveyLanguage('sw')).toBe('sw');
    expect(surveyLanguage('es-KE')).toBe('es');
    expect(surveyLanguage('fr')).toBe('en');
    expect(surveyLanguage(null)).toBe('en');
  });

  it('on the channel used: chat inline, email by email, a call or a visit by text when we have the number', () => {
    const none = { email: null, phone: null };
    const both = { email: 'sam@example.com', phone: '+254712345678' };
    expect(deliveryFor({ channel: 'chat', replyEmail: null }, both)).toEqual({ by: 'chat' });
    expect(deliveryFor({ channel: 'chat', replyEmail: 'left@example.com' }, none)).toEqual({
      by: 'email',
      to: 'left@example.com',
    });
    expect(deliveryFor({ channel: 'email', replyEmail: null }, both)).toEqual({ by: 'email', to: 'sam@example.com' });
    expect(deliveryFor({ channel: 'phone', replyEmail: null }, both)).toEqual({
      by: 'sms',
      to: '+254712345678',
      orEmail: 'sam@example.com',
    });
    expect(deliveryFor({ channel: 'in_person', replyEmail: null }, { email: 'sam@example.com', phone: null })).toEqual({
      by: 'email',
      to: 'sam@example.com',
    });
    expect(deliveryFor({ channel: 'phone', replyEmail: null }, none)).toBeNull();
    expect(deliveryFor({ channel: 'email', replyEmail: null }, none)).toBeNull();
  });
});
