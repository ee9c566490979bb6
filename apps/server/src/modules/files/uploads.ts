import { ATTACHMENT_MAX_BYTES } from '@warmline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Invalid } from '../../core/errors.ts';
import { attachmentTooLarge } from './attachments.ts';
import { IMAGE_MAX_BYTES } from './images.ts';
import { imageTooLarge } from './storedFiles.ts';

/**
 * The bytes of an uploaded image, as a request body. They are not text: the edge's storable-text check, which reads
 * every string and buffer of a body, finds nothing to read in this (a small GIF can be plain ASCII with NUL bytes).
 */
export class UploadedBytes {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

const IMAGE_BODY = /^image\//;
const FILE_BODY = 'application/octet-stream';

/**
 * Takes request bodies sent as `image/*` as UploadedBytes, up to IMAGE_MAX_BYTES: one byte more is a 413 naming the
 * limit, and the rest of the body is read past without being kept. Which image it is, the bytes decide later.
 */
export function acceptImageUploads(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(IMAGE_BODY)) app.addContentTypeParser(IMAGE_BODY, rawBody(IMAGE_MAX_BYTES, imageTooLarge));
}

/**
 * Takes request bodies sent as `application/octet-stream` (a file to attach, its type named beside it) as
 * UploadedBytes, up to ATTACHMENT_MAX_BYTES, past which it is a 413 naming the limit.
 */
export function acceptFileUploads(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(FILE_BODY))
    app.addContentTypeParser(FILE_BODY, rawBody(ATTACHMENT_MAX_BYTES, attachmentTooLarge));
}

function rawBody(maxBytes: number, tooLarge: () => Error) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: UploadedBytes) => void) => {
    let finished = false;
    const finish = (err: Error | null, body?: UploadedBytes) => {
      if (finished) return;
      finished = true;
      done(err, body);
    };
    if (Number(request.headers['content-length']) > maxBytes) {
      payload.resume();
      finish(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    });
    payload.on('end', () => finish(null, new UploadedBytes(Buffer.concat(chunks))));
    payload.on('error', (err: Error) => finish(err));
  };
}

/** The uploaded bytes of a request's body, or a 400 saying how to send them. */
export function uploadedBytes(body: unknown): Buffer {
  if (body instanceof UploadedBytes) return body.bytes;
  throw new Invalid(
    'Send the image itself as the request body, with content-type image/png, image/jpeg, image/gif or image/webp.',
  );
}

/** The uploaded file of a request's body, or a 400 saying how to send it. */
export function uploadedFile(body: unknown): Buffer {
  if (body instanceof UploadedBytes) return body.bytes;
  throw new Invalid(
    'Send the file itself as the request body, with content-type application/octet-stream, and its name and type in the query (?name=…&type=…).',
  );
}
