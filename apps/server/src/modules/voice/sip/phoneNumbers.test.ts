import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { callerOf, dialableNumber, sipAddressOf } from './phoneNumbers.ts';

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error('the number was accepted');
}

describe('numbers an agent dials', () => {
  it('reads international numbers however they are written', () => {
    expect(dialableNumber('+254 712 345 678', null)).toBe('+254712345678');
    expect(dialableNumber('+44 (20) 7946-0958', null)).toBe('+442079460958');
  });

  it("reads a local number in the workspace's country", () => {
    expect(dialableNumber('0712 345678', 'KE')).toBe('+254712345678');
  });

  it('refuses a local number when the workspace has no country, saying how to write it', () => {
    const { status, message } = refusal(() => dialableNumber('0712 345678', null));
    expect(status).toBe(400);
    expect(message).toMatch(/"0712 345678" is not a phone number we can call: write it with its \+country code/);
    expect(message).toMatch(/no default country/);
  });

  it('refuses letters, SIP addresses, impossible numbers and an empty number with a 400', () => {
    for (const input of ['call me', 'sip:1001@pbx.example.com', '+999 123', '+254 7123', '12345678901234567890']) {
      const { status, message } = refusal(() => dialableNumber(input, 'KE'));
      expect(status).toBe(400);
      expect(message).toMatch(/is not a phone number we can call/);
    }
    expect(refusal(() => dialableNumber('  ', 'KE'))).toEqual({ status: 400, message: 'number: enter the phone number to call' });
  });

  it('rings a number through the trunk as a phone number, not as a SIP user', () => {
    expect(sipAddressOf('+254712345678', 'trunk.example.net')).toBe('sip:+254712345678@trunk.example.net;user=phone');
  });
});

describe('who is calling, from what the phone line says', () => {
  it('reads the number of a SIP address, with or without a display name and parameters', () => {
    expect(callerOf('sip:+254712345678@trunk.example.net;user=phone', null)).toEqual({ kind: 'number', number: '+254712345678' });
    expect(callerOf('"Kamau Otieno" <sip:+254712345678@10.0.0.5:5060>;tag=abc', null)).toEqual({
      kind: 'number',
      number: '+254712345678',
    });
    expect(callerOf('tel:+254-712-345-678', null)).toEqual({ kind: 'number', number: '+254712345678' });
  });

  it("reads local numbers in the workspace's country, and international ones sent without the +", () => {
    expect(callerOf('sip:0712345678@trunk', 'KE')).toEqual({ kind: 'number', number: '+254712345678' });
    expect(callerOf('sip:254712345678@trunk', null)).toEqual({ kind: 'number', number: '+254712345678' });
    expect(callerOf('sip:00254712345678@trunk', null)).toEqual({ kind: 'number', number: '+254712345678' });
  });

  it('knows a withheld number when it sees one', () => {
    expect(callerOf('"Anonymous" <sip:anonymous@anonymous.invalid>', 'KE')).toEqual({ kind: 'withheld' });
    expect(callerOf('sip:restricted@trunk', 'KE')).toEqual({ kind: 'withheld' });
  });

  it('reads nothing from what is not a caller address, or from an extension that is no phone number', () => {
    expect(callerOf('hello', 'KE')).toBeNull();
    expect(callerOf('http://example.com', 'KE')).toBeNull();
    expect(callerOf('sip:1001@pbx.example.com', 'KE')).toBeNull();
  });
});
