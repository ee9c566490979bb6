/** The largest image stored: uploads past it are a 413, fetched photos past it are refused. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const startsWith = (bytes: Uint8Array, at: number, signature: string) =>
  bytes.length >= at + signature.length && [...signature].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/**
 * The image type `bytes` are, read from their first bytes (their "magic"), or null. The name a file came with and
 * the type it was declared as never decide: a page saved as `photo.png` is not a PNG.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n') && startsWith(bytes, 12, 'IHDR')) return 'image/png';
  if (startsWith(bytes, 0, '\xff\xd8\xff')) return 'image/jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP') && /^VP8[ LX]$/.test(latin1(bytes, 12, 16))) {
    return 'image/webp';
  }
  return null;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Why `bytes` are not kept as an image, or null when they are a PNG, JPEG, GIF or WebP. */
export function imageRefusal(bytes: Uint8Array): string | null {
  if (!bytes.length) return 'The image is empty: send its bytes.';
  if (sniffImage(bytes)) return null;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>]/.test(head) || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return 'SVG images are not accepted, as they can carry scripts: send a PNG, JPEG, GIF or WebP image.';
  }
  if (/^<(!doctype html|html|head|body|script|iframe|!--)/.test(head)) {
    return 'This is an HTML page, not an image: send a PNG, JPEG, GIF or WebP image.';
  }
  return 'This is not a PNG, JPEG, GIF or WebP image (its bytes decide, not its name or declared type).';
}

const NAME_MAX_LENGTH = 120;
// Controls (NUL, CR, LF, DEL, C1), bidi controls that make `gpj.exe` read as `exe.jpg`, line and paragraph
// separators, zero-width space, the byte order mark, and lone surrogates.
const UNSAFE_IN_NAMES = /[\p{Cc}\p{Cs}\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/gu;

/**
 * A file's name as it came, made safe to keep and show: its last path segment, without control or bidi characters,
 * without leading dots, spaces collapsed, at most 120 characters; `fallback` when nothing is left.
 *
 * @example cleanFileName('../../etc/\u202Egnp.exe') // 'gnp.exe'
 */
export function cleanFileName(name: string | null | undefined, fallback = 'image'): string {
  const last = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(UNSAFE_IN_NAMES, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const capped = Array.from(clean).slice(0, NAME_MAX_LENGTH).join('').trim();
  return capped || fallback;
}
