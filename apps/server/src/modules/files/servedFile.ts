import { isInlineImage } from '@warmline/shared';
import type { FastifyReply } from 'fastify';

/**
 * Sends a stored file inert: the type its bytes were recognised as, never sniffed again (nosniff); no script, style
 * or frame allowed even if opened as a page (a sandboxing CSP); `inline` only for an image shown in <img>, every
 * other file `attachment`, saved rather than opened.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { type: string; name: string; bytes: Buffer },
  opts: { cache: 'public' | 'private'; crossOrigin: boolean },
): Buffer {
  const inline = isInlineImage(file.type);
  reply
    .header('content-type', file.type === 'text/plain' ? 'text/plain; charset=utf-8' : file.type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    // A key or an id names one content for ever: a new file is a new key.
    .header('cache-control', `${opts.cache}, max-age=31536000, immutable`)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
    .header('cross-origin-resource-policy', opts.crossOrigin ? 'cross-origin' : 'same-origin');
  return file.bytes;
}

/** `inline; filename="photo.png"; filename*=UTF-8''…`: the plain name keeps only characters no header can misread. */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const plain = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  return `${kind}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
