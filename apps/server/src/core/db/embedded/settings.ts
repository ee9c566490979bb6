/** Where the embedded PostgreSQL listens: a Unix socket in its own folder, or 127.0.0.1 when that path is too long. */
export type Listen = { socketDir: string } | { port: number };

/** The socket's file name PostgreSQL makes in `socketDir` for this port. */
export const SOCKET_PORT = 5432;
const socketFile = `.s.PGSQL.${SOCKET_PORT}`;
// sun_path holds 108 bytes on Linux and 104 on macOS, and PostgreSQL also makes a `.lock` file beside the socket.
const MAX_SOCKET_PATH = 100;

/** True when a socket in `socketDir` fits the kernel's limit on its path; else TCP on 127.0.0.1 serves instead. */
export function socketFits(socketDir: string): boolean {
  return Buffer.byteLength(`${socketDir}/${socketFile}.lock`) <= MAX_SOCKET_PATH;
}

/**
 * The settings Warmline starts its PostgreSQL with, written to `warmline.conf` (included by postgresql.conf) at
 * every start, so an upgrade brings new values and an operator's ALTER SYSTEM, read after it, still wins.
 * Durability is PostgreSQL's own default and stated anyway: a commit is on the disk before it is acknowledged.
 * The rest suits a small machine (2 cores, a few GiB) serving one Warmline: its pool of 20 plus room for
 * migrations, an operator's psql and tests.
 */
export function embeddedSettings(listen: Listen): Record<string, string | number> {
  return {
    ...('socketDir' in listen
      ? { listen_addresses: '', port: SOCKET_PORT, unix_socket_directories: listen.socketDir }
      : { listen_addresses: '127.0.0.1', port: listen.port, unix_socket_directories: '' }),
    unix_socket_permissions: '0700',
    max_connections: 50,
    superuser_reserved_connections: 3,
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    shared_buffers: '128MB',
    effective_cache_size: '1GB',
    work_mem: '8MB',
    maintenance_work_mem: '64MB',
    wal_buffers: '16MB',
    min_wal_size: '80MB',
    max_wal_size: '1GB',
    checkpoint_timeout: '15min',
    checkpoint_completion_target: 0.9,
    // Two cores: at most one helper per query and two in all, so a report cannot take both from the chat.
    max_worker_processes: 4,
    max_parallel_workers: 2,
    max_parallel_workers_per_gather: 1,
    max_parallel_maintenance_workers: 1,
    autovacuum_max_workers: 2,
    random_page_cost: 1.1,
    // JIT compilation costs more than it saves on these short statements, and delays the first ones.
    jit: 'off',
    huge_pages: 'off',
    // The same as PGlite gave earlier versions: times are computed and printed in UTC.
    timezone: 'UTC',
    log_timezone: 'UTC',
    log_min_messages: 'warning',
    log_checkpoints: 'off',
  };
}

/** postgresql.conf lines for `settings`, values quoted as PostgreSQL's parser expects. */
export function renderSettings(settings: Record<string, string | number>): string {
  const lines = Object.entries(settings).map(([key, value]) =>
    typeof value === 'number' ? `${key} = ${value}` : `${key} = '${value.replaceAll("'", "''")}'`,
  );
  return `# Written by Warmline at every start; ALTER SYSTEM (postgresql.auto.conf) overrides it.\n${lines.join('\n')}\n`;
}
