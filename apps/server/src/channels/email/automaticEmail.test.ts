import { describe, expect, it } from 'vitest';
import { automaticKind, isLooping, LOOP_LIMIT } from './automaticEmail.ts';

const person = 'sam@example.com';

describe('an email written by a machine', () => {
  it('is an auto-reply by Auto-Submitted (RFC 3834), Precedence or the common auto-responder headers', () => {
    expect(automaticKind({ 'auto-submitted': 'auto-replied' }, person, person)).toBe('auto_reply');
    expect(automaticKind({ 'auto-submitted': 'auto-generated' }, person, person)).toBe('auto_reply');
    expect(automaticKind({ precedence: 'bulk' }, person, person)).toBe('auto_reply');
    expect(automaticKind({ precedence: 'auto_reply' }, person, person)).toBe('auto_reply');
    expect(automaticKind({ 'x-autoreply': 'yes' }, person, person)).toBe('auto_reply');
    expect(automaticKind({ 'x-auto-response-suppress': 'All' }, person, person)).toBe('auto_reply');
  });

  it('is a bounce when the envelope sender is empty, a mailer daemon writes, or it is a delivery report', () => {
    expect(automaticKind({}, null, person)).toBe('bounce');
    expect(automaticKind({}, person, 'MAILER-DAEMON@mx.example.com')).toBe('bounce');
    expect(automaticKind({}, person, 'postmaster@example.com')).toBe('bounce');
    expect(automaticKind({ 'content-type': 'multipart/report; report-type=delivery-status' }, person, person)).toBe('bounce');
  });

  it('is a mailing list by List-Id, List-Unsubscribe or Precedence: list', () => {
    expect(automaticKind({ 'list-id': '<news.example.com>' }, person, person)).toBe('mailing_list');
    expect(automaticKind({ 'list-unsubscribe': '<mailto:u@example.com>' }, person, person)).toBe('mailing_list');
    expect(automaticKind({ precedence: 'list' }, person, person)).toBe('mailing_list');
  });

  it("is not a person's email marked Auto-Submitted: no (as our own replies are)", () => {
    expect(automaticKind({ 'auto-submitted': 'no' }, person, person)).toBeNull();
    expect(automaticKind({ subject: 'Out of office?' }, person, person)).toBeNull();
  });

  it('is a loop once one address writes more than the limit within the window', () => {
    expect(isLooping(LOOP_LIMIT - 1)).toBe(false);
    expect(isLooping(LOOP_LIMIT)).toBe(true);
  });
});
