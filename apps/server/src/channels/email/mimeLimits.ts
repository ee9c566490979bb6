import { ATTACHMENT_MAX_BYTES } from '@warmline/shared';

/** How much structure the receiver reads of an email before it is kept raw instead (mailparser never sees it). */
export interface MimeLimits {
  maxHeaderBytes: number;
  /** Multipart containers in the whole email: nesting a thousand deep needs a thousand. */
  maxMultiparts: number;
  /** Boundary lines, about one per part. */
  maxBoundaryLines: number;
}

export const MIME_LIMITS: MimeLimits = { maxHeaderBytes: 256 * 1024, maxMultiparts: 64, maxBoundaryLines: 2000 };

/**
 * What an email read by IMAP may weigh as it arrives: a larger one is left in the mailbox, marked read, with a warning
 * in the log (imapReader.ts; the SMTP receiver refuses one over INBOUND_SMTP_MAX_BYTES).
 */
export const IMAP_MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** How many files of one email are kept, and how large (emailFiles.ts); the others are named in its message. */
export interface EmailFileLimits {
  /** One file: the same as a file sent in the chat (ATTACHMENT_MAX_BYTES). */
  maxFileBytes: number;
  maxFiles: number;
  /** All the files of one email together. */
  maxTotalBytes: number;
}

/**
 * 10 MiB a file, 20 files, 25 MiB in all. Encoded for mail (base64) a file grows by a third: an email read by IMAP
 * (at most IMAP_MAX_EMAIL_BYTES) brings some 18 MiB of files at most, and one sent to the SMTP receiver is bounded by
 * INBOUND_SMTP_MAX_BYTES (10 MB by default: some 7 MiB of files; 35 MB lets 25 MiB through).
 */
export const EMAIL_FILE_LIMITS: EmailFileLimits = {
  maxFileBytes: ATTACHMENT_MAX_BYTES,
  maxFiles: 20,
  maxTotalBytes: 25 * 1024 * 1024,
};

function headerLength(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}

function count(text: string, pattern: RegExp, stopAt: number): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) if (++n > stopAt) break;
  return n;
}

/**
 * Why an email is too hostile to parse (a header of megabytes, multipart nested a thousand deep, a million parts),
 * in words; null when it may be parsed. A scan of the bytes, linear in their length: it cannot stall.
 */
export function mimeProblem(raw: Buffer, limits: MimeLimits = MIME_LIMITS): string | null {
  const header = headerLength(raw);
  if (header > limits.maxHeaderBytes) {
    return `its header is ${header} bytes long (at most ${limits.maxHeaderBytes} are read)`;
  }
  const text = raw.toString('latin1');
  const multiparts = count(text, /^content-type:\s*multipart\//gim, limits.maxMultiparts);
  if (multiparts > limits.maxMultiparts) {
    return `it has more than ${limits.maxMultiparts} multipart containers (nested or side by side)`;
  }
  if (count(text, /^--\S/gm, limits.maxBoundaryLines) > limits.maxBoundaryLines) {
    return `it has more than ${limits.maxBoundaryLines} MIME parts`;
  }
  return null;
}
