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

/** One email as it was written, for the agent who opens it: the text part, and the HTML part sanitised. */
export const EntryEmail = z.object({
  subject: z.string().nullable(),
  from: z.object({ address: z.string(), name: z.string().nullable() }).nullable(),
  /** Sanitised: no scripts, styles, forms or links; remote images kept blocked in `data-remote-src`. */
  html: z.string().nullable(),
  text: z.string(),
});
export type EntryEmail = z.infer<typeof EntryEmail>;

export const EntryEmailResponse = z.object({ email: EntryEmail });

export const EntryEmailParams = z.object({
  id: z.uuid({ message: 'id must be a conversation id' }),
  seq: z.coerce.number({ message: 'seq must be a number' }).int().min(1, { message: 'seq must be 1 or more' }),
});
