import { z } from 'zod';

/** The INBOUND_IMAP_* variables: mailboxes Warmline reads by IMAP (docs/email.md, "Mailboxes read by IMAP"). */
export const InboundImapEnv = {
  /** `imaps://user:password@host:993/INBOX=<workspace key>[/<team id>]`, comma-separated; URL-encode `@ : / , =` in names. */
  INBOUND_IMAP_MAILBOXES: z.string().optional(),
  /** Besides IDLE, each mailbox is searched this often (a server without IDLE, a notice lost on the way). */
  INBOUND_IMAP_POLL_SECONDS: z.coerce
    .number({ message: 'INBOUND_IMAP_POLL_SECONDS must be a number' })
    .int({ message: 'INBOUND_IMAP_POLL_SECONDS must be a whole number' })
    .min(1, { message: 'INBOUND_IMAP_POLL_SECONDS must be between 1 and 3600' })
    .max(3600, { message: 'INBOUND_IMAP_POLL_SECONDS must be between 1 and 3600' })
    .default(60),
};

type ImapVariables = Partial<z.infer<z.ZodObject<typeof InboundImapEnv>>>;

/** One mailbox read by IMAP, and where its mail lands. */
export interface ImapMailbox {
  /** `user@host:port/mailbox`: names it in logs, leases and the admin's list; never the password. */
  name: string;
  host: string;
  port: number;
  /** TLS from the first byte (`imaps://`); `imap://` upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  workspaceKey: string;
  teamId: string | null;
}

export interface InboundImapSettings {
  mailboxes: ImapMailbox[];
  pollSeconds: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mailboxOf(item: string): ImapMailbox | null {
  const split = item.lastIndexOf('=');
  if (split < 0) return null;
  const [workspaceKey = '', teamId, ...rest] = item
    .slice(split + 1)
    .split('/')
    .map((s) => s.trim());
  if (!workspaceKey || rest.length > 0 || (teamId !== undefined && !UUID.test(teamId))) return null;
  let url: URL;
  try {
    url = new URL(item.slice(0, split).trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'imaps:';
  if ((!secure && url.protocol !== 'imap:') || !url.hostname || !url.username || !url.password) return null;
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const user = decodeURIComponent(url.username);
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  return {
    name: `${user}@${url.hostname}:${port}/${mailbox}`,
    host: url.hostname,
    port,
    secure,
    user,
    password: decodeURIComponent(url.password),
    mailbox,
    workspaceKey,
    teamId: teamId?.toLowerCase() ?? null,
  };
}

/** INBOUND_IMAP_MAILBOXES read, with one problem per entry that cannot work (never echoing its password). */
export function parseImapMailboxes(text: string | undefined): { mailboxes: ImapMailbox[]; problems: string[] } {
  const mailboxes: ImapMailbox[] = [];
  const problems: string[] = [];
  const items = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  items.forEach((item, i) => {
    const mailbox = mailboxOf(item);
    if (!mailbox) {
      problems.push(
        `INBOUND_IMAP_MAILBOXES: entry ${i + 1} must read imaps://user:password@host[:port][/mailbox]=<workspace key>[/<team id>] (imap:// for STARTTLS)`,
      );
    } else if (mailboxes.some((m) => m.name === mailbox.name)) {
      problems.push(`INBOUND_IMAP_MAILBOXES: ${mailbox.name} is listed twice`);
    } else mailboxes.push(mailbox);
  });
  return { mailboxes, problems };
}

/** Problems with the INBOUND_IMAP_* settings. */
export function inboundImapProblems(e: ImapVariables): string[] {
  return parseImapMailboxes(e.INBOUND_IMAP_MAILBOXES).problems;
}

/** The mailboxes to read, or null when none is configured. */
export function inboundImapSettings(e: ImapVariables): InboundImapSettings | null {
  const { mailboxes } = parseImapMailboxes(e.INBOUND_IMAP_MAILBOXES);
  return mailboxes.length ? { mailboxes, pollSeconds: e.INBOUND_IMAP_POLL_SECONDS ?? 60 } : null;
}
