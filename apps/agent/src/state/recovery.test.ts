import { describe, expect, it } from 'vitest';
import { recovery } from '../testing/fixtures.ts';
import {
  compensationText,
  errorPlacement,
  flaggedText,
  formatMoney,
  fromLocalInput,
  parseAmount,
  recoveryProgress,
  recoverySteps,
  reminderText,
  suggestedFollowUp,
  toLocalInput,
  valueRequired,
} from './recovery.ts';

const NOW = Date.parse('2025-01-01T10:00:00.000Z');
const steps = recovery().steps;

describe('the recovery checklist', () => {
  it('lists five steps, none done when a failure has just been flagged', () => {
    const view = recoverySteps(recovery());
    expect(view.map((s) => s.label)).toEqual([
      'Acknowledged & apologised',
      'Fixed',
      'Compensation offered',
      'Follow-up scheduled',
      'Followed up',
    ]);
    expect(view.every((s) => !s.done)).toBe(true);
    expect(recoveryProgress(recovery()).text).toBe('0 of 5 done · next: Acknowledged & apologised');
  });

  it('shows what was recorded with each step', () => {
    const r = recovery({
      steps: {
        acknowledged: { done: true, at: '2025-01-01T10:01:00.000Z' },
        fixed: { done: true, at: '2025-01-01T10:02:00.000Z', note: 'Baked a new one' },
        compensation: {
          done: true,
          at: '2025-01-01T10:03:00.000Z',
          kind: 'refund',
          valueCents: 1500,
          currency: 'EUR',
          note: null,
        },
        followUp: {
          scheduledFor: '2025-01-02T09:00:00.000Z',
          note: 'Ask how the party went',
          reminded: false,
          done: false,
          at: null,
        },
      },
    });
    const view = recoverySteps(r);
    expect(view.map((s) => s.detail)).toEqual([null, 'Baked a new one', 'Refund · EUR 15.00', 'Ask how the party went', null]);
    expect(view.find((s) => s.key === 'followUp')).toMatchObject({ done: true, at: '2025-01-02T09:00:00.000Z' });
    expect(recoveryProgress(r).text).toBe('4 of 5 done · next: Followed up');
  });

  it('says Recovered once the server counts it recovered, even with no follow-up scheduled', () => {
    expect(recoveryProgress(recovery({ recovered: true })).text).toBe('Recovered');
  });

  it('names who flagged it, or the rule’s reason when nobody did', () => {
    expect(flaggedText(recovery())).toBe('Flagged by Amina Odhiambo — The cake never came');
    expect(flaggedText(recovery({ flaggedBy: null, reason: 'The customer wrote of it: never arrived' }))).toBe(
      'Flagged automatically — the customer wrote of it: never arrived',
    );
  });
});

describe('compensation', () => {
  it('needs a value except for none and a gift', () => {
    expect(valueRequired('refund')).toBe(true);
    expect(valueRequired('discount')).toBe(true);
    expect(valueRequired('gift')).toBe(false);
    expect(valueRequired('none')).toBe(false);
  });

  it('reads amounts as people type them, in minor units', () => {
    expect(parseAmount('15')).toEqual({ cents: 1500 });
    expect(parseAmount('15.5')).toEqual({ cents: 1550 });
    expect(parseAmount(' 1,500.05 ')).toEqual({ cents: 150005 });
    expect(parseAmount('1 500')).toEqual({ cents: 150000 });
    expect(parseAmount('')).toBeNull();
  });

  it('refuses what is not an amount, with a message', () => {
    for (const text of ['-5', 'ten', '1.234', '15.']) expect(parseAmount(text)).toEqual({ error: expect.any(String) });
  });

  it('writes the compensation in a line', () => {
    expect(compensationText({ ...steps.compensation, kind: 'credit', valueCents: 250000, currency: 'KES' }, 'en')).toBe(
      'Account credit · KES 2,500.00',
    );
    expect(compensationText({ ...steps.compensation, kind: 'none', note: 'They asked for nothing' })).toBe(
      'No compensation · They asked for nothing',
    );
    expect(compensationText({ ...steps.compensation, kind: 'gift' })).toBe('A gift');
  });

  it('falls back to plain digits for a currency the browser does not know', () => {
    expect(formatMoney(1234, 'XQZ1')).toBe('XQZ1 12.34');
  });
});

describe('the follow-up', () => {
  it('turns the date-time picker’s value into an instant and back', () => {
    const local = toLocalInput(NOW);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(new Date(NOW).toISOString());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });

  it('suggests tomorrow morning', () => {
    const suggested = new Date(fromLocalInput(suggestedFollowUp(NOW))!);
    expect(suggested.getHours()).toBe(10);
    expect(suggested.getTime()).toBeGreaterThan(NOW);
    expect(suggested.getTime() - NOW).toBeLessThan(2 * 86_400_000);
  });

  it('says when the reminder will come and to whom, then that it was sent', () => {
    const scheduled = { ...steps.followUp, scheduledFor: '2025-01-01T12:30:00.000Z' };
    expect(reminderText(scheduled, 'Amina Odhiambo', NOW)).toMatch(/^Reminder to Amina Odhiambo .+ \(in 2 h 30 min\)$/);
    expect(reminderText({ ...scheduled, reminded: true }, 'Amina Odhiambo', NOW)).toMatch(/^Reminder sent /);
    expect(reminderText({ ...scheduled, done: true }, null, NOW)).toBeNull();
    expect(reminderText(steps.followUp, null, NOW)).toBeNull();
  });
});

describe('errorPlacement', () => {
  it('puts a command’s message beside the field it names', () => {
    expect(errorPlacement({ message: 'a follow-up must be in the future', details: { field: 'at' } })).toEqual({
      field: 'at',
      message: 'A follow-up must be in the future',
    });
  });

  it('puts a validation issue beside its field, without the path in front', () => {
    const error = {
      message: 'body.currency: currency is a three-letter code such as KES or EUR',
      details: { issues: [{ path: 'body.currency', message: 'currency is a three-letter code such as KES or EUR' }] },
    };
    expect(errorPlacement(error)).toEqual({ field: 'currency', message: 'Currency is a three-letter code such as KES or EUR' });
  });

  it('keeps any other error for the form as a whole', () => {
    expect(errorPlacement({ message: 'Cannot reach Warmline.' })).toEqual({ field: null, message: 'Cannot reach Warmline.' });
  });
});
