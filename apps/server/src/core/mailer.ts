/** One email to send: everything a relay needs, already composed (channels/email/composeReply.ts). */
export interface OutboundEmail {
  from: { name: string; address: string };
  to: string;
  /** Where the customer's answer goes: the conversation's reply-token address. */
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets, e.g. `<entry-42.…@example.com>`. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** Written by Warmline itself, not a person (an acknowledgement): `Auto-Submitted: auto-replied` (RFC 3834). */
  automatic?: boolean;
}

/** Why a relay refused or could not take a message; `permanent` when trying again cannot help (5xx). */
export class MailNotSent extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** The mailer port: hands one email to the outbound relay; throws MailNotSent. */
export interface Mailer {
  send(email: OutboundEmail): Promise<void>;
  close(): void;
}

/** The domain of an email address ("help.example.com" of "help@help.example.com"): where Message-IDs and reply addresses live. */
export function mailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/**
 * Sends an email and says how it went: sent, or why not when trying again cannot help (no relay, a refusal). A
 * temporary failure is thrown, so the durable job that called it is tried again later.
 */
export async function mailOrWhy(
  mailer: Mailer | null,
  email: () => OutboundEmail,
): Promise<{ sent: true } | { sent: false; why: string }> {
  if (!mailer) return { sent: false, why: 'email is not set up' };
  try {
    await mailer.send(email());
    return { sent: true };
  } catch (err) {
    if (err instanceof MailNotSent && err.permanent) return { sent: false, why: `the mail server refused it: ${err.message}` };
    throw err;
  }
}
