import { describe, expect, it } from 'vitest';
import { embeddedSettings, renderSettings, socketFits } from './settings.ts';

describe('the settings of the embedded PostgreSQL', () => {
  it('every commit reaches the disk before it is acknowledged', () => {
    const s = embeddedSettings({ socketDir: '/data/postgres' });
    expect([s.fsync, s.synchronous_commit, s.full_page_writes]).toEqual(['on', 'on', 'on']);
  });

  it("has room for Warmline's pool of 20, a second pool (migrations, the CLI) and an operator", () => {
    const s = embeddedSettings({ socketDir: '/data/postgres' });
    expect(Number(s.max_connections) - Number(s.superuser_reserved_connections)).toBeGreaterThanOrEqual(45);
  });

  it('listens only on its socket, or only on 127.0.0.1 when given a port', () => {
    expect(embeddedSettings({ socketDir: '/data/postgres' })).toMatchObject({
      listen_addresses: '',
      unix_socket_directories: '/data/postgres',
    });
    expect(embeddedSettings({ port: 54321 })).toMatchObject({
      listen_addresses: '127.0.0.1',
      port: 54321,
      unix_socket_directories: '',
    });
  });

  it('a socket path too long for the kernel falls back to TCP', () => {
    expect(socketFits('/tmp/warmline-test-abc123/postgres')).toBe(true);
    expect(socketFits(`/home/someone/${'a-very-long-folder-name/'.repeat(4)}data/postgres`)).toBe(false);
  });

  it('renders values as postgresql.conf reads them, quotes included', () => {
    expect(renderSettings({ max_connections: 50, unix_socket_directories: "/data/o'neil/postgres" })).toContain(
      "max_connections = 50\nunix_socket_directories = '/data/o''neil/postgres'\n",
    );
  });
});
