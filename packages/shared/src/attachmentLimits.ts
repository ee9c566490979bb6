/**
 * What a message may carry (docs/attachments.md), without zod: the widget and the agent app check a chosen file
 * against these before uploading it, and the server holds to the same numbers.
 */

/** The largest file stored: 10 MiB. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Files one message carries at most. */
export const ATTACHMENTS_PER_MESSAGE = 5;

/** The kinds of file accepted, recognised by their bytes, and what a person calls each. */
export const ATTACHMENT_TYPES = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF document',
  'text/plain': 'plain text file',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The file chooser's `accept`: the kinds above, and the extensions of text, Word and Excel files. */
export const ATTACHMENT_ACCEPT = `${Object.keys(ATTACHMENT_TYPES).join(',')},.txt,.csv,.md,.docx,.xlsx`;

/** Shown where a file is chosen: what may be sent. */
export const ATTACHMENTS_ACCEPTED = 'images (PNG, JPEG, GIF, WebP), PDF, plain text, Word and Excel files';

/** True for the types shown inline, as a picture; every other file is a link. */
export function isInlineImage(type: string): boolean {
  return type === 'image/png' || type === 'image/jpeg' || type === 'image/gif' || type === 'image/webp';
}

/** "840 KB", "2.4 MB": a file's size as people read it. */
export function fileSizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 && !Number.isInteger(mb) ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Why a chosen file cannot go, before it is uploaded, or null: too big, or one too many. */
export function attachmentTooMuch(size: number, alreadyChosen: number): string | null {
  if (alreadyChosen >= ATTACHMENTS_PER_MESSAGE) return `A message carries at most ${ATTACHMENTS_PER_MESSAGE} files.`;
  if (size > ATTACHMENT_MAX_BYTES) return `This file is over the ${fileSizeInWords(ATTACHMENT_MAX_BYTES)} limit.`;
  if (size === 0) return 'This file is empty.';
  return null;
}
