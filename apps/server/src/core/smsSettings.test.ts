import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

const twilio = {
  SMS_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
  SMS_AUTH_TOKEN: 'an-auth-token-0123456789',
  SMS_FROM: '+15005550006',
};

describe('a text-message provider from the environment', () => {
  it('is off until configured, and on Twilio itself unless SMS_PROVIDER_URL names another address', () => {
    expect(loadConfig({}).sms).toBeNull();
    expect(loadConfig(twilio).sms).toEqual({
      providerUrl: 'https://api.twilio.com',
      accountSid: twilio.SMS_ACCOUNT_SID,
      authToken: twilio.SMS_AUTH_TOKEN,
      from: '+15005550006',
    });
    expect(loadConfig({ ...twilio, SMS_PROVIDER_URL: 'http://127.0.0.1:4010/' }).sms?.providerUrl).toBe('http://127.0.0.1:4010');
  });

  it('names each key a half-configured provider still needs', () => {
    expect(problemsOf({ SMS_PROVIDER_URL: 'https://sms.example.com', SMS_FROM: twilio.SMS_FROM })).toEqual([
      'SMS_ACCOUNT_SID: SMS_PROVIDER_URL, SMS_FROM are set, so texting needs SMS_ACCOUNT_SID too',
      'SMS_AUTH_TOKEN: SMS_PROVIDER_URL, SMS_FROM are set, so texting needs SMS_AUTH_TOKEN too',
    ]);
    expect(problemsOf({ SMS_AUTH_TOKEN: twilio.SMS_AUTH_TOKEN })).toHaveLength(2);
  });

  it('says what a wrong account SID, sender number or provider address should look like', () => {
    const problems = problemsOf({ ...twilio, SMS_ACCOUNT_SID: 'AC123', SMS_FROM: '0712 345 678', SMS_PROVIDER_URL: 'ftp://x' });
    expect(problems.join('\n')).toMatch(/SMS_ACCOUNT_SID: SMS_ACCOUNT_SID must be an account SID/);
    expect(problems.join('\n')).toMatch(/SMS_FROM: SMS_FROM must be a phone number in international form/);
    expect(problems.join('\n')).toMatch(/SMS_PROVIDER_URL: SMS_PROVIDER_URL must be an http:\/\/ or https:\/\/ URL/);
  });
});
