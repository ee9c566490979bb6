import { fileSizeInWords } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import { cleanFileName, letGoOfBytes, putReceivedFile, type ReceivedFile } from '../../modules/files/index.ts';
import { EMAIL_FILE_LIMITS, type EmailFileLimits } from './mimeLimits.ts';

/** A file an email brought (an attachment, or an inline part that is not its text), its name already cleaned. */
export interface EmailFile {
  name: string;
  bytes: Buffer;
}

/** A file of an email that was not kept, and why, in words. */
export interface RefusedFile {
  name: string;
  why: string;
}

/**
 * The name an email's file is shown and kept under: its last path segment only (`../../etc/passwd` is `passwd`),
 * without NUL, control, bidi override or zero-width characters, at most 120 characters, `attachment` when nothing is
 * left (the chat's own rule, cleanFileName).
 */
export function emailFileName(name: string | null | undefined): string {
  return cleanFileName(name, 'attachment');
}

/**
 * Which files of an email are kept, in the order they came: each at most `maxFileBytes`, at most `maxFiles` of them,
 * and at most `maxTotalBytes` together (a file that would pass it is left out, a smaller one after it may still fit).
 * Empty files are left out too. The others are refused, each with its reason.
 */
export function chooseFiles(
  files: readonly EmailFile[],
  limits: EmailFileLimits = EMAIL_FILE_LIMITS,
): { keep: EmailFile[]; refused: RefusedFile[] } {
  const keep: EmailFile[] = [];
  const refused: RefusedFile[] = [];
  let total = 0;
  for (const file of files) {
    const size = file.bytes.length;
    const why =
      size === 0
        ? 'it is empty'
        : size > limits.maxFileBytes
          ? `${fileSizeInWords(size)}, over the ${fileSizeInWords(limits.maxFileBytes)} limit for one file`
          : keep.length >= limits.maxFiles
            ? `past the ${limits.maxFiles} files kept from one email`
            : total + size > limits.maxTotalBytes
              ? `${fileSizeInWords(size)}, past the ${fileSizeInWords(limits.maxTotalBytes)} kept from one email in all`
              : null;
    if (why) refused.push({ name: file.name, why });
    else {
      keep.push(file);
      total += size;
    }
  }
  return { keep, refused };
}

/** Files named one by one in a note; more are counted. */
const NAMED_AT_MOST = 10;

/**
 * The line that tells agents, on the timeline under the email, which files were not kept and why, so they can ask
 * for them another way; null when every file was kept.
 */
export function refusedInWords(refused: readonly RefusedFile[]): string | null {
  if (!refused.length) return null;
  const named = refused.slice(0, NAMED_AT_MOST).map((r) => `${r.name} (${r.why})`);
  if (refused.length > NAMED_AT_MOST) named.push(`and ${refused.length - NAMED_AT_MOST} more`);
  const them = refused.length === 1 ? 'it' : 'them';
  return `Not kept from this email: ${named.join('; ')}. Ask the customer for ${them} another way if needed.`;
}

/**
 * Puts the kept files' bytes into the file storage, one after another, before the email's transaction. When one
 * cannot be stored, those already put are let go and the error is thrown: the email is then not acknowledged (the
 * SMTP receiver answers 451, the IMAP reader leaves it unread) and comes again, whole.
 */
export async function storeEmailFiles(services: Services, files: readonly EmailFile[]): Promise<ReceivedFile[]> {
  const stored: ReceivedFile[] = [];
  try {
    for (const file of files) stored.push(await putReceivedFile(services, file));
  } catch (err) {
    await letGoOfFiles(services, stored);
    throw err;
  }
  return stored;
}

/** Lets go of files put but never recorded (the email was a copy, a loop, or its transaction failed). */
export async function letGoOfFiles(services: Pick<Services, 'storage' | 'log'>, files: readonly ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((f) => letGoOfBytes(services, f.storageKey)));
}
