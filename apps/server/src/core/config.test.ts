import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('starts embedded with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.messageMaxLength).toBe(10_000);
  });

  it('names every problem, one line each, instead of stopping at the first', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db', SECRET_KEY: 'short', PUBLIC_URL: 'not a url' });
      expect.unreachable('loadConfig accepted a broken environment');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const lines = (err as ConfigError).message.split('\n').slice(1);
      expect(lines).toHaveLength(4);
      expect(lines.join('\n')).toMatch(/PORT: PORT must be a number/);
      expect(lines.join('\n')).toMatch(/DATABASE_URL: DATABASE_URL must start with postgres/);
      expect(lines.join('\n')).toMatch(/SECRET_KEY: SECRET_KEY must be at least 32 characters/);
      expect(lines.join('\n')).toMatch(/PUBLIC_URL: PUBLIC_URL must be an absolute URL/);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('drops a trailing slash from PUBLIC_URL so links join cleanly', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://help.example.com/' }).publicUrl).toBe('https://help.example.com');
  });

  it('reads the SMTP relay, defaulting the port by whether TLS starts at once', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ SMTP_HOST: 'mail.example.com', SMTP_FROM: 'help@example.com' }).smtp).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      auth: null,
      from: 'help@example.com',
      dkim: null,
    });
    const secure = loadConfig({
      SMTP_HOST: 'mail.example.com',
      SMTP_SECURE: 'true',
      SMTP_USER: 'bakery',
      SMTP_PASSWORD: 'pw',
      SMTP_FROM: 'help@example.com',
    }).smtp;
    expect(secure).toMatchObject({ port: 465, secure: true, auth: { user: 'bakery', pass: 'pw' } });
  });

  it('names each SMTP problem on a line of its own', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ SMTP_FROM: 'help@example.com', SMTP_PORT: '25' })).toEqual([
      'SMTP_HOST: SMTP_HOST is required when SMTP_PORT, SMTP_FROM are set',
    ]);
    expect(
      problems({ SMTP_HOST: 'mail.example.com', SMTP_PORT: 'twenty-five', SMTP_SECURE: 'yes', SMTP_FROM: 'not an address' }),
    ).toEqual([
      'SMTP_PORT: SMTP_PORT must be a number',
      'SMTP_SECURE: SMTP_SECURE must be true (TLS from the start, port 465) or false',
      'SMTP_FROM: SMTP_FROM must be an email address such as help@example.com',
    ]);
    expect(problems({ SMTP_HOST: 'mail.example.com', SMTP_USER: 'bakery' })).toEqual([
      'SMTP_FROM: SMTP_FROM is required with SMTP_HOST (the address replies are sent from)',
      'SMTP_PASSWORD: SMTP_PASSWORD is required with SMTP_USER',
    ]);
  });

  it('signs with DKIM only when domain, selector and a real private key are all given', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const base = { SMTP_HOST: 'mail.example.com', SMTP_FROM: 'help@example.com' };
    const oneLine = key.replaceAll('\n', '\\n');
    expect(
      loadConfig({ ...base, SMTP_DKIM_DOMAIN: 'example.com', SMTP_DKIM_SELECTOR: 'wl', SMTP_DKIM_PRIVATE_KEY: oneLine }).smtp
        ?.dkim,
    ).toEqual({ domainName: 'example.com', keySelector: 'wl', privateKey: key });
    expect(() => loadConfig({ ...base, SMTP_DKIM_DOMAIN: 'example.com' })).toThrow(
      /SMTP_DKIM_SELECTOR: DKIM signing needs all of SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY/,
    );
    expect(() =>
      loadConfig({ ...base, SMTP_DKIM_DOMAIN: 'example.com', SMTP_DKIM_SELECTOR: 'wl', SMTP_DKIM_PRIVATE_KEY: 'hunter2' }),
    ).toThrow(/SMTP_DKIM_PRIVATE_KEY: SMTP_DKIM_PRIVATE_KEY must be a private key in PEM form/);
  });
});
