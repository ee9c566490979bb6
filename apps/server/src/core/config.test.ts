import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The problems loadConfig names for an environment, one per line; none when it loads. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

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

  it('starts the SMTP receiver only when INBOUND_SMTP_PORT is set, on loopback by default, with the addresses it serves', () => {
    expect(loadConfig({}).inboundSmtp).toBeNull();
    const teamId = '7b0c2f9e-0000-4000-8000-000000000001';
    expect(
      loadConfig({
        INBOUND_SMTP_PORT: '2525',
        INBOUND_EMAIL_ADDRESSES: `Help@Bakery.example=wk_abc, billing@bakery.example = wk_abc/${teamId}`,
      }).inboundSmtp,
    ).toEqual({
      host: '127.0.0.1',
      port: 2525,
      maxBytes: 10 * 1024 * 1024,
      addresses: [
        { address: 'help@bakery.example', workspaceKey: 'wk_abc', teamId: null },
        { address: 'billing@bakery.example', workspaceKey: 'wk_abc', teamId },
      ],
    });
  });

  it('names each INBOUND_* problem on a line of its own', () => {
    expect(problems({ INBOUND_EMAIL_ADDRESSES: 'help@bakery.example=wk_abc' })).toEqual([
      'INBOUND_SMTP_PORT: INBOUND_SMTP_PORT is required with INBOUND_EMAIL_ADDRESSES (the port mail is received on)',
    ]);
    expect(
      problems({
        INBOUND_SMTP_PORT: 'twenty-five',
        INBOUND_SMTP_MAX_BYTES: '10',
        INBOUND_EMAIL_ADDRESSES: 'help=wk, a@b.example=wk/team',
      }),
    ).toEqual([
      'INBOUND_SMTP_PORT: INBOUND_SMTP_PORT must be a number',
      'INBOUND_SMTP_MAX_BYTES: INBOUND_SMTP_MAX_BYTES must be at least 1024',
      'INBOUND_EMAIL_ADDRESSES: "help=wk" must read address=<workspace key> or address=<workspace key>/<team id>',
      'INBOUND_EMAIL_ADDRESSES: "a@b.example=wk/team" must read address=<workspace key> or address=<workspace key>/<team id>',
    ]);
  });

  it('names each SMTP problem on a line of its own', () => {
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

describe('call servers (STUN and TURN) from the environment', () => {
  it('reads comma-separated STUN and TURN URLs, the TURN secret and a ten-minute credential lifetime by default', () => {
    const config = loadConfig({
      STUN_URLS: 'stun:turn.example.com:3478',
      TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349?transport=tcp',
      TURN_SECRET: 'a-shared-secret-0123',
    });
    expect(config.stunUrls).toEqual(['stun:turn.example.com:3478']);
    expect(config.turnUrls).toEqual(['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349?transport=tcp']);
    expect(config.turnSecret).toBe('a-shared-secret-0123');
    expect(config.turnTtlSeconds).toBe(600);
  });

  it('starts without any call server', () => {
    const config = loadConfig({});
    expect(config.stunUrls).toEqual([]);
    expect(config.turnUrls).toEqual([]);
    expect(config.turnSecret).toBeUndefined();
  });

  it('names each wrong URL, a short secret and a lifetime out of range', () => {
    const problems = problemsOf({
      STUN_URLS: 'stun:ok.example.com, https://stun.example.com',
      TURN_URLS: 'turn.example.com:3478',
      TURN_SECRET: 'short',
      TURN_TTL_SECONDS: '5',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(
      /STUN_URLS: STUN_URLS has "https:\/\/stun.example.com", which is not a stun: or stuns: URL/,
    );
    expect(problems.join('\n')).toMatch(/TURN_URLS: TURN_URLS has "turn.example.com:3478", which is not a turn: or turns: URL/);
    expect(problems.join('\n')).toMatch(/TURN_SECRET: TURN_SECRET must be at least 16 characters/);
    expect(problems.join('\n')).toMatch(/TURN_TTL_SECONDS: TURN_TTL_SECONDS must be at least 60/);
  });

  it('refuses a TURN server without its secret, and a secret without a server', () => {
    expect(problemsOf({ TURN_URLS: 'turn:turn.example.com:3478' })).toEqual([
      'TURN_SECRET: TURN_URLS is set, so TURN_SECRET (the static-auth-secret of the coturn server) must be set too',
    ]);
    expect(problemsOf({ TURN_SECRET: 'a-shared-secret-0123' })).toEqual([
      'TURN_URLS: TURN_SECRET is set but TURN_URLS is empty: name the TURN server, such as turn:turn.example.com:3478',
    ]);
  });
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('a phone line (Janus and a SIP proxy) from the environment', () => {
  const line = {
    JANUS_URL: 'wss://pbx.example.com/janus',
    JANUS_TOKEN_SECRET: 'a-janus-token-secret-0123',
    SIP_PROXY: 'sip:pbx.example.com:5060',
    SIP_DOMAIN: 'pbx.example.com',
    SIP_LINE_SECRET: 'line-password',
  };

  it('is off until configured, and on with every key, the line user defaulting to support', () => {
    expect(loadConfig({}).phoneLine).toBeNull();
    expect(loadConfig(line).phoneLine).toEqual({
      janusUrl: 'wss://pbx.example.com/janus',
      janusTokenSecret: 'a-janus-token-secret-0123',
      sipProxy: 'sip:pbx.example.com:5060',
      sipDomain: 'pbx.example.com',
      lineUser: 'support',
      lineSecret: 'line-password',
    });
  });

  it('names each key a half-configured line still needs', () => {
    expect(problemsOf({ JANUS_URL: line.JANUS_URL, SIP_DOMAIN: line.SIP_DOMAIN })).toEqual([
      'JANUS_TOKEN_SECRET: JANUS_URL, SIP_DOMAIN are set, so a phone line needs JANUS_TOKEN_SECRET too',
      'SIP_PROXY: JANUS_URL, SIP_DOMAIN are set, so a phone line needs SIP_PROXY too',
      'SIP_LINE_SECRET: JANUS_URL, SIP_DOMAIN are set, so a phone line needs SIP_LINE_SECRET too',
    ]);
  });

  it('says what a wrong Janus URL, SIP proxy or domain should look like', () => {
    const problems = problemsOf({ ...line, JANUS_URL: 'https://pbx', SIP_PROXY: 'pbx.example.com', SIP_DOMAIN: 'pbx example' });
    expect(problems.join('\n')).toMatch(/JANUS_URL: JANUS_URL must be a ws:\/\/ or wss:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/SIP_PROXY: SIP_PROXY must be a SIP address without a user/);
    expect(problems.join('\n')).toMatch(/SIP_DOMAIN: SIP_DOMAIN must be a host name/);
  });
});

describe('file storage (disk or an S3-compatible bucket) from the environment', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  it('keeps files under the data directory until S3_BUCKET is set', () => {
    expect(loadConfig({ WARMLINE_DATA_DIR: '/srv/warmline' }).storage).toEqual({ kind: 'disk', dir: '/srv/warmline/files' });
  });

  it('reads a bucket with its endpoint, path style, credentials and prefix; the region defaults to us-east-1', () => {
    expect(
      loadConfig({
        S3_BUCKET: 'warmline-files',
        S3_ENDPOINT: 'https://minio.example.com',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'AKIA',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PREFIX: 'warmline/',
      }).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'warmline-files',
      region: 'us-east-1',
      endpoint: 'https://minio.example.com',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      prefix: 'warmline/',
    });
    // Without keys, the SDK's own chain (an instance role, AWS_* variables) signs.
    expect(loadConfig({ S3_BUCKET: 'b', S3_REGION: 'eu-north-1' }).storage).toMatchObject({
      region: 'eu-north-1',
      credentials: null,
    });
  });

  it('names each S3 problem on a line of its own', () => {
    expect(problems({ S3_ENDPOINT: 'https://s3.example.com', S3_REGION: 'eu-west-1' })).toEqual([
      'S3_BUCKET: S3_BUCKET is required when S3_REGION, S3_ENDPOINT are set',
    ]);
    expect(problems({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'AKIA' })).toEqual([
      'S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID',
    ]);
    expect(problems({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000', S3_FORCE_PATH_STYLE: 'yes' })).toEqual([
      'S3_ENDPOINT: S3_ENDPOINT must be an absolute URL such as https://s3.example.com',
      'S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true (bucket in the path, as MinIO wants) or false',
    ]);
  });

  it('takes a node for dead after 20 s without a heartbeat (every 5 s), and never after a single late beat', () => {
    expect(loadConfig({})).toMatchObject({ nodeHeartbeatSeconds: 5, nodeDeadAfterSeconds: 20 });
    expect(problemsOf({ NODE_HEARTBEAT_SECONDS: '10', NODE_DEAD_AFTER_SECONDS: '15' })).toEqual([
      'NODE_DEAD_AFTER_SECONDS: NODE_DEAD_AFTER_SECONDS must be at least twice NODE_HEARTBEAT_SECONDS',
    ]);
  });
});
