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
});
