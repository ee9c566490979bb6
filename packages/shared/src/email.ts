import { z } from 'zod';

/** A mailbox read by IMAP, as its admin sees it (INBOUND_IMAP_MAILBOXES; docs/email.md). */
export const ImapMailboxState = z.object({
  /** `user@host:port/mailbox`; never the password. */
  name: z.string(),
  /** `reading`: signed in and taking mail; `sign_in_refused`: the password stopped working; `unreachable`. */
  status: z.enum(['reading', 'sign_in_refused', 'unreachable', 'not_read_yet']),
  problem: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Since when it has been failing, null while it reads. */
  failingSince: z.string().nullable(),
  /** Whether one of the nodes is reading it now. */
  read: z.boolean(),
});
export type ImapMailboxState = z.infer<typeof ImapMailboxState>;

export const ImapMailboxesResponse = z.object({ mailboxes: z.array(ImapMailboxState) });
export type ImapMailboxesResponse = z.infer<typeof ImapMailboxesResponse>;
