/** Why an email was written by a machine rather than a person; such emails are never answered automatically. */
export type AutomaticKind = 'auto_reply' | 'bounce' | 'mailing_list' | 'loop';

/** More emails than this from one address within LOOP_WINDOW_MS is a mailing loop: later ones are kept, not shown. */
export const LOOP_LIMIT = 10;
export const LOOP_WINDOW_MS = 10 * 60_000;

/** An email's header lines, by lower-case name (the first of each name), as written. */
export type HeaderLines = Record<string, string>;

const BULK = /^(bulk|junk|list|auto_reply)$/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/**
 * Whether an email came from a machine (RFC 3834 Auto-Submitted, Precedence, the common auto-responder headers,
 * a null envelope sender or a delivery report, a mailing list), and which kind; null for a person's email.
 */
export function automaticKind(headers: HeaderLines, envelopeFrom: string | null, from: string | null): AutomaticKind | null {
  const contentType = headers['content-type'] ?? '';
  if (!envelopeFrom || (from && DAEMON.test(from)) || /^multipart\/report/i.test(contentType.trim())) return 'bounce';
  const autoSubmitted = (headers['auto-submitted'] ?? '').trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto_reply';
  if (headers['x-autoreply'] || headers['x-autorespond'] || headers['x-auto-response-suppress']?.match(/all|oof|autoreply/i)) {
    return 'auto_reply';
  }
  const precedence = (headers.precedence ?? '').trim();
  if (BULK.test(precedence)) return precedence.toLowerCase() === 'list' ? 'mailing_list' : 'auto_reply';
  if (headers['list-id'] || headers['list-unsubscribe']) return 'mailing_list';
  return null;
}

/** One address writing this often is a loop (two auto-responders answering each other), not a person. */
export function isLooping(recentFromSender: number): boolean {
  return recentFromSender >= LOOP_LIMIT;
}

/** What agents read about an automatic email on the timeline. */
export function automaticInWords(kind: AutomaticKind): string {
  switch (kind) {
    case 'auto_reply':
      return 'This email is an automatic reply (an out-of-office or an auto-responder); nothing is sent back to it automatically.';
    case 'bounce':
      return 'This email is a delivery report (a bounce) from a mail server; nothing is sent back to it automatically.';
    case 'mailing_list':
      return 'This email came from a mailing list; nothing is sent back to it automatically.';
    case 'loop':
      return 'This address is sending emails in a loop; they are kept but not shown, and nothing is sent back.';
  }
}
