import { ImapFlow } from 'imapflow';
import type { ImapMailbox } from '../../core/config.ts';
import { afterCommit, type Services } from '../../core/context.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type ImapMailboxStatus, imapMailboxes } from '../../modules/conversations/index.ts';
import { mailboxAlerts } from '../../modules/empathy/index.ts';
import { workspaces } from '../../modules/workspaces/index.ts';
import { receiveEmail } from './inboundEmail.ts';
import { IMAP_MAX_EMAIL_BYTES } from './mimeLimits.ts';

/** How long a node's hold on a mailbox lasts unrenewed; it renews every third of it while it reads. */
export const IMAP_LEASE_SECONDS = 30;
/** After a failure, the next try waits this long, doubling up to the poll interval. */
const FIRST_RETRY_MS = 1000;

/** Stores one email; the reader marks it `\Seen` only once this resolves (tests replace it to fail on purpose). */
export type ReceiveEmail = typeof receiveEmail;

/** The points of reading one email at which a fault test can stop a node: fetched, and committed but not yet `\Seen`. */
export type ImapHoldPoint = 'fetched' | 'committed';

export interface ImapReaderOptions {
  /** This node: who holds the lease. */
  holder: string;
  pollSeconds: number;
  leaseSeconds?: number;
  receive?: ReceiveEmail;
  /** Called after an email is fetched and after it is committed (before `\Seen`); only fault tests set it. */
  hold?: (point: ImapHoldPoint, uid: number) => Promise<void>;
}

/** One mailbox, read while this node holds it. */
export interface ImapReader {
  name: string;
  /** Wakes the reader to look for mail now, instead of at its next poll. */
  wake(): void;
  /** Whether it holds the mailbox now. */
  holding(): boolean;
  stop(): Promise<void>;
}

/** Why reading a mailbox failed, for the admin: a refused sign-in is the password, anything else the connection. */
function statusOf(err: unknown): { status: ImapMailboxStatus; problem: string } {
  const e = err as { authenticationFailed?: boolean; responseText?: string; code?: string; message?: string };
  if (e.authenticationFailed) {
    return {
      status: 'sign_in_refused',
      problem: `The mail server refused the sign-in${e.responseText ? `: ${e.responseText}` : ''}`,
    };
  }
  return { status: 'unreachable', problem: `Could not read the mailbox: ${e.code ?? e.message ?? String(err)}` };
}

/** The envelope sender the delivering server recorded (`Return-Path`), '' for a bounce's `<>`; null when absent. */
export function returnPathOf(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = /^return-path:[ \t]*<([^>]*)>/im.exec(end < 0 ? head : head.slice(0, end));
  return match ? (match[1] ?? '').trim() : null;
}

/**
 * Reads one mailbox by IMAP: takes its lease (one node at a time, across the cluster), signs in, takes each unread
 * email through the same path as the SMTP receiver, and marks it `\Seen` only after it is committed; then waits for
 * IDLE's news of new mail, or the poll interval. A failure is recorded for the admin (told once, logged) and retried.
 */
export function startImapReader(services: Services, mailbox: ImapMailbox, opts: ImapReaderOptions): ImapReader {
  const leaseSeconds = opts.leaseSeconds ?? IMAP_LEASE_SECONDS;
  const receive = opts.receive ?? receiveEmail;
  const log = services.log.child({ mailbox: mailbox.name });
  let stopped = false;
  let held = false;
  let client: ImapFlow | null = null;
  let wakeUp: (() => void) | null = null;
  let pending = false;
  /** The workspace the mailbox's mail lands in, once found. */
  let workspaceId: string | null = null;

  function wake() {
    pending = true;
    wakeUp?.();
  }
  /** Waits for a wake-up (new mail, stop) or `ms`. */
  function pause(ms: number): Promise<void> {
    if (pending || stopped) {
      pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        pending = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function lease(): Promise<boolean> {
    const workspace = await workspaces.byKey(services.db, mailbox.workspaceKey);
    if (!workspace) {
      log.error({ workspaceKey: mailbox.workspaceKey }, 'INBOUND_IMAP_MAILBOXES names a workspace key that does not exist');
      return false;
    }
    workspaceId = workspace.id;
    held = await imapMailboxes.lease(services.db, {
      name: mailbox.name,
      workspaceId: workspace.id,
      holder: opts.holder,
      seconds: leaseSeconds,
    });
    return held;
  }

  /** Records how it went; a failure that is news raises the admins' alert, and reading again closes it. */
  async function record(status: ImapMailboxStatus, problem: string | null) {
    const events: WarmlineEvent[] = [];
    const news = await services.db.transaction(async (tx) => {
      const news = await imapMailboxes.record(tx, mailbox.name, status, problem);
      if (workspaceId && news) await mailboxAlerts.failing(tx, workspaceId, mailbox.name, problem ?? status, events);
      if (workspaceId && status === 'reading') await mailboxAlerts.reading(tx, workspaceId, mailbox.name, events);
      return news;
    });
    await afterCommit(services, events);
    if (news) log.error({ status, problem }, 'a mailbox read by IMAP is failing; its admin sees it under Email mailboxes');
  }

  /** Every unread email, oldest first, each marked `\Seen` once committed; stops at the first that cannot be stored. */
  async function takeNewMail(imap: ImapFlow): Promise<void> {
    const uids = (await imap.search({ seen: false }, { uid: true })) || [];
    for (const uid of uids) {
      if (stopped) return;
      const message = (await imap.fetchOne(String(uid), { source: true, envelope: true }, { uid: true })) || null;
      if (!message?.source) continue;
      await opts.hold?.('fetched', uid);
      if (message.source.length > IMAP_MAX_EMAIL_BYTES) {
        log.warn({ uid, size: message.source.length }, 'an email larger than 25 MB was left in the mailbox, unread by Warmline');
      } else {
        const recipients = [...(message.envelope?.to ?? []), ...(message.envelope?.cc ?? [])].flatMap((a) =>
          a.address ? [a.address] : [],
        );
        try {
          await receive(services, {
            raw: message.source,
            envelopeFrom: returnPathOf(message.source) ?? message.envelope?.from?.[0]?.address ?? null,
            recipients,
            mailbox: { workspaceKey: mailbox.workspaceKey, teamId: mailbox.teamId },
          });
        } catch (err) {
          // Left unread: the next pass takes it again, and a copy already committed is recognised by its Message-ID.
          log.warn({ err, uid }, 'an email could not be stored; it stays unread and is taken again');
          return;
        }
        await opts.hold?.('committed', uid);
      }
      await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    }
  }

  /** Signs in and reads while the lease holds; returns when it is lost or on stop, throws on an IMAP failure. */
  async function readWhileHeld(): Promise<void> {
    const imap = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.secure,
      auth: { user: mailbox.user, pass: mailbox.password },
      logger: false,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    });
    imap.on('error', (err: Error) => log.warn({ err }, 'IMAP connection error'));
    imap.on('exists', wake);
    client = imap;
    try {
      await imap.connect();
      // A connection lost while reading is taken again at once; one refused at sign-in waits its turn.
      imap.on('close', wake);
      const lock = await imap.getMailboxLock(mailbox.mailbox);
      lock.release();
      await record('reading', null);
      while (!stopped && held && imap.usable) {
        const lockNow = await imap.getMailboxLock(mailbox.mailbox);
        try {
          await takeNewMail(imap);
        } finally {
          lockNow.release();
        }
        await pause(Math.min(opts.pollSeconds * 1000, (leaseSeconds * 1000) / 3));
        if (!stopped) await lease();
      }
      if (!stopped && held && !imap.usable) throw new Error('the mail server closed the connection');
    } finally {
      client = null;
      // A connection refused at sign-in cannot log out: it is only closed.
      if (imap.usable) await imap.logout().catch(() => imap.close());
      else imap.close();
    }
  }

  async function run(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (!stopped) {
      try {
        if (await lease()) {
          await readWhileHeld();
          retryMs = FIRST_RETRY_MS;
        }
      } catch (err) {
        if (stopped) break;
        const { status, problem } = statusOf(err);
        log.warn({ err, status }, 'reading the mailbox failed; trying again');
        await record(status, problem).catch((e: unknown) => log.warn({ err: e }, 'could not record the mailbox state'));
        retryMs = Math.min(retryMs * 2, opts.pollSeconds * 1000);
      }
      if (!stopped) await pause(held ? retryMs : (leaseSeconds * 1000) / 3);
    }
  }

  const running = run();
  return {
    name: mailbox.name,
    wake,
    holding: () => held && client !== null,
    async stop() {
      stopped = true;
      wakeUp?.();
      await client?.logout().catch(() => client?.close());
      await running;
      if (held) await imapMailboxes.release(services.db, mailbox.name, opts.holder).catch(() => {});
      held = false;
    },
  };
}
