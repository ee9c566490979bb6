import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort, type LabProcess, startLabProcess, waitFor } from './voiceLab/labProcess.ts';

/** Debian's IMAP server (`dovecot-imapd`), run by a test in a temporary directory on a loopback port. */
export interface Dovecot {
  port: number;
  process: LabProcess;
  /** Adds a mail user (its Maildir is made on first sign-in). */
  addUser(user: string, password: string): void;
  /** An IMAP client signed in as `user`, for the test's own looks at the mailbox. */
  client(user: string, password: string): Promise<ImapFlow>;
  /** Puts a message in the user's INBOX, unread, as a delivery would. */
  append(user: string, password: string, raw: string): Promise<void>;
  /** The user's INBOX messages as delivered, oldest first, without changing their flags. */
  messages(user: string, password: string): Promise<Buffer[]>;
  /** The user's INBOX messages: their Message-ID and whether they are `\Seen`. */
  flags(user: string, password: string): Promise<{ messageId: string; seen: boolean }[]>;
  stop(): Promise<void>;
}

export const DOVECOT = '/usr/sbin/dovecot';

/** Whether Debian's dovecot is installed (`apt-get install -y --no-install-recommends dovecot-imapd`). */
export const dovecotInstalled = () => fs.existsSync(DOVECOT);

/** Mail is owned by the test's own user, or by nobody when tests run as root (dovecot refuses root's mail). */
const mailUid = () => (process.getuid?.() === 0 ? 65534 : (process.getuid?.() ?? 65534));
const mailGid = () => (process.getuid?.() === 0 ? 65534 : (process.getgid?.() ?? 65534));

function config(dir: string, port: number): string {
  const asRoot = process.getuid?.() === 0;
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = warmline-test-${port}
log_path = /dev/stderr
info_log_path = /dev/stderr
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
${asRoot ? '' : `default_internal_user = ${os.userInfo().username}\ndefault_login_user = ${os.userInfo().username}\n`}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid()} gid=${mailGid()} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # Closed to the auth process: no growing delay after failed sign-ins, which a test of refused passwords would wait out.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The mail server is someone else's machine with its own clock: when the suite runs under a faked clock
 * (libfaketime), dovecot's login processes, which drop to another user, close every connection under it.
 */
function withoutFakedClock(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
}

/** Starts dovecot with a passwd-file of users and their Maildirs in a fresh temporary directory. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-dovecot-'));
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
  fs.chmodSync(dir, 0o755);
  fs.chownSync(path.join(dir, 'mail'), mailUid(), mailGid());
  const users = new Map<string, string>();
  const writeUsers = () =>
    fs.writeFileSync(path.join(dir, 'users'), [...users].map(([user, password]) => `${user}:{PLAIN}${password}\n`).join(''), {
      mode: 0o644,
    });
  writeUsers();
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config(dir, port));
  const proc = await startLabProcess({
    name: 'dovecot',
    command: DOVECOT,
    args: ['-F', '-c', path.join(dir, 'dovecot.conf')],
    cwd: dir,
    env: withoutFakedClock(process.env),
    ready: () => answers(port),
  });
  // Dovecot looks at the users file at most once a second: a user added a moment ago may be refused for that second.
  const client = (user: string, password: string) =>
    waitFor(
      `dovecot to let ${user} sign in`,
      async () => {
        const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
        imap.on('error', () => {});
        await imap.connect();
        return imap;
      },
      { timeoutMs: 5000, everyMs: 100 },
    );
  const withClient = async <T>(user: string, password: string, use: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = await client(user, password);
    try {
      return await use(imap);
    } finally {
      await imap.logout().catch(() => imap.close());
    }
  };
  return {
    port,
    process: proc,
    addUser(user, password) {
      users.set(user, password);
      writeUsers();
    },
    client,
    append: (user, password, raw) => withClient(user, password, async (imap) => void (await imap.append('INBOX', raw))),
    messages: (user, password) =>
      withClient(user, password, async (imap) => {
        const lock = await imap.getMailboxLock('INBOX');
        try {
          const found: Buffer[] = [];
          // BODY.PEEK: reading here must not mark them read for the reader under test.
          for await (const m of imap.fetch('1:*', { source: true })) if (m.source) found.push(m.source);
          return found;
        } catch {
          return [];
        } finally {
          lock.release();
        }
      }),
    flags: (user, password) =>
      withClient(user, password, async (imap) => {
        const lock = await imap.getMailboxLock('INBOX');
        try {
          const found: { messageId: string; seen: boolean }[] = [];
          for await (const m of imap.fetch('1:*', { envelope: true, flags: true })) {
            found.push({ messageId: m.envelope?.messageId ?? '', seen: Boolean(m.flags?.has('\\Seen')) });
          }
          return found;
        } catch {
          return [];
        } finally {
          lock.release();
        }
      }),
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
