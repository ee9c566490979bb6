import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import { NotFound } from '../../core/errors.ts';
import { route } from '../../core/http/route.ts';
import { storedFiles } from './repository.ts';
import { sendStoredFile } from './servedFile.ts';
import { isFileKey } from './storedFiles.ts';

const FileParams = z.object({ key: z.string().max(200) });

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
      // Photos stored before the file storage keep their bytes in their row.
      const bytes = file && (file.bytes ?? (await services.storage.get(params.key)));
      if (!file || !bytes) throw new NotFound('File');
      // Loaded as <img> by the widget on customers' own websites.
      return sendStoredFile(
        reply,
        { type: file.contentType, name: file.originalName, bytes },
        { cache: 'public', crossOrigin: true },
      );
    },
  });
}
