import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import { NotFound } from '../../core/errors.ts';
import { route } from '../../core/http/route.ts';
import type { ImageType } from './images.ts';
import { storedFiles } from './repository.ts';
import { isFileKey } from './storedFiles.ts';

const FileParams = z.object({ key: z.string().max(200) });
const SHOWN_INLINE = new Set<string>(['image/png', 'image/jpeg', 'image/gif', 'image/webp'] satisfies ImageType[]);

/**
 * Stored files at /files/<key>, to anyone who has the key: agents' photos are shown in the widget on customers'
 * websites, where no Warmline session exists. Each answer is inert: the type the bytes were recognised as, never
 * sniffed again (nosniff), no script, style or frame allowed even if opened as a page (a sandboxing CSP), and shown
 * inline only as an image.
 */
export function fileRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/files/:key',
    tag: 'files',
    summary: 'A stored file, such as an agent photo',
    auth: 'none',
    params: FileParams,
    responses: { 200: null },
    handler: async ({ params, reply }) => {
      const file = isFileKey(params.key) ? await storedFiles.forServing(services.db, params.key) : null;
      if (!file) throw new NotFound('File');
      const inline = SHOWN_INLINE.has(file.contentType);
      reply
        .header('content-type', inline ? file.contentType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        // A key names one content for ever: a new photo is a new key.
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.originalName))
        // Loaded as <img> by the widget on customers' own websites.
        .header('cross-origin-resource-policy', 'cross-origin');
      return file.bytes;
    },
  });
}

/** `inline; filename="photo.png"; filename*=UTF-8''…`: the plain name keeps only characters no header can misread. */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const plain = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  return `${kind}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
