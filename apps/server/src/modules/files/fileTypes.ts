import { ATTACHMENT_TYPES, type AttachmentType } from '@warmline/shared';
import { sniffImage } from './images.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The extensions a name may end with for each type; a name ending otherwise gets the first one added. */
const EXTENSIONS: Record<AttachmentType, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log', 'csv', 'md'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
};

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1', from, to);

/**
 * The type of an attachment's bytes, read from the bytes themselves, or null: images by their magic numbers, PDF by
 * `%PDF-`, Word and Excel files by their ZIP container's `[Content_Types].xml` and `word/` or `xl/` parts, and plain
 * text as UTF-8 without control characters. Names and declared types never decide.
 */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  const image = sniffImage(bytes);
  if (image) return image;
  if (latin1(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (latin1(bytes, 0, 4) === 'PK\x03\x04') return officeDocument(bytes);
  return isPlainText(bytes) ? 'text/plain' : null;
}

/** A Word or Excel file (Office Open XML), told by the names of the parts its ZIP container lists. */
function officeDocument(bytes: Uint8Array): AttachmentType | null {
  const names = latin1(bytes, 0, bytes.length);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return null;
}

// Tab, line feed, form feed and carriage return are text; every other control character is not.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);
const isControl = (code: number) => (code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f;

function isPlainText(bytes: Uint8Array): boolean {
  if (!bytes.length) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return false;
  // A page or a drawing is markup a browser would run, whatever it was named: never kept as text.
  const head = text
    .slice(0, 1024)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return !/^<(!doctype html|html|head|body|script|iframe|svg|\?xml|!--)/.test(head);
}

const ALIASES: Record<string, AttachmentType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };
// What browsers declare for a file they do not know: the bytes alone decide.
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * Why an uploaded file is not kept, or null: empty, of a kind not accepted, or declared as one type while its bytes
 * are another (a page sent as a PDF). Text declared as any `text/*` type is kept as plain text.
 */
export function attachmentRefusal(bytes: Uint8Array, declared: string | undefined): string | null {
  if (!bytes.length) return 'The file is empty: send its bytes.';
  const type = sniffAttachment(bytes);
  if (!type) {
    return `This kind of file is not accepted (its bytes decide, not its name or declared type): send ${accepted()}.`;
  }
  const said = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  const saidType = ALIASES[said] ?? said;
  if (UNDECLARED.has(saidType) || saidType === type || (type === 'text/plain' && saidType.startsWith('text/'))) return null;
  const what = ATTACHMENT_TYPES[saidType as AttachmentType] ?? saidType;
  return `The file was sent as ${what}, but its bytes are a ${ATTACHMENT_TYPES[type]}: nothing was kept. Send it with its own type.`;
}

function accepted(): string {
  return 'an image (PNG, JPEG, GIF, WebP), a PDF, a plain text file, or a Word or Excel document';
}

/**
 * The name a file is kept under: cleaned (cleanFileName), and ending with an extension its type agrees with, so a
 * PDF named `invoice.pdf.exe` is saved by browsers as `invoice.pdf.exe.pdf`, never as a program.
 *
 * @example nameForType('scan', 'application/pdf') // 'scan.pdf'
 */
export function nameForType(cleanName: string, type: AttachmentType): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(cleanName)?.[1]?.toLowerCase();
  const allowed = EXTENSIONS[type];
  return extension && allowed.includes(extension) ? cleanName : `${cleanName}.${allowed[0]}`;
}
