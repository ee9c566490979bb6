import type { Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { AppError, Invalid } from '../../core/errors.ts';
import { sizeInWords } from '../../core/http/byteSize.ts';
import { type OutboundNetwork, quoted, safeFetch } from '../../core/http/safeFetch.ts';
import { type FileStorage, isStorageKey, newStorageKey } from '../../core/storage/fileStorage.ts';
import { cleanFileName, IMAGE_MAX_BYTES, imageRefusal, sniffImage } from './images.ts';
import { storedFiles } from './repository.ts';

/** Services that may also say how outbound fetches reach the network (tests route them to servers of their own). */
export type FetchingServices = Services & { outbound?: Partial<OutboundNetwork> };

/** An image as it came: its bytes and the name it had, if any. */
export interface IncomingImage {
  bytes: Buffer;
  name?: string | undefined;
}

export interface StoredImage {
  key: string;
  /** Where Warmline serves it: a path on the server's own address. */
  path: string;
  contentType: string;
  byteSize: number;
  name: string;
}

/** True for something shaped like a file key; anything else is simply not found. */
export const isFileKey = isStorageKey;

export const filePath = (key: string): string => `/files/${key}`;

/** The key of a file Warmline serves at `path`, or null for any other address. */
export function fileKeyIn(path: string | null | undefined): string | null {
  const key = /^\/files\/([^/?#]+)$/.exec(path ?? '')?.[1];
  return key && isFileKey(key) ? key : null;
}

/**
 * Keeps an image of the workspace, under a new random key: only a PNG, JPEG, GIF or WebP by its bytes, stored with
 * the type its bytes say, up to IMAGE_MAX_BYTES (past it a 413 naming the limit); its name is cleaned.
 */
export async function storeImage(
  storage: FileStorage,
  sql: Sql,
  workspaceId: string,
  image: IncomingImage,
): Promise<StoredImage> {
  if (image.bytes.length > IMAGE_MAX_BYTES) throw imageTooLarge();
  const refusal = imageRefusal(image.bytes);
  if (refusal) throw new Invalid(refusal);
  const stored = {
    key: newStorageKey(),
    contentType: sniffImage(image.bytes)!,
    byteSize: image.bytes.length,
    name: cleanFileName(image.name),
  };
  await storage.put(stored.key, image.bytes, stored.contentType);
  await storedFiles.insert(sql, { ...stored, workspaceId, originalName: stored.name });
  return { ...stored, path: filePath(stored.key) };
}

export function imageTooLarge(): AppError {
  return new AppError('payload_too_large', 413, `The image is over the ${sizeInWords(IMAGE_MAX_BYTES)} limit.`, {
    limitBytes: IMAGE_MAX_BYTES,
  });
}

/**
 * Lets a file of the workspace go, when what showed it now shows something else; other addresses are left alone.
 * Answers the key whose bytes to delete from the file storage once the transaction has committed (letGoOfBytes).
 */
export async function discardServedFile(sql: Sql, workspaceId: string, path: string | null): Promise<string | null> {
  const key = fileKeyIn(path);
  return key && (await storedFiles.remove(sql, workspaceId, key)) ? key : null;
}

/** Deletes bytes nothing refers to any more; a failure leaves them behind, never fails what was committed. */
export async function letGoOfBytes(services: Pick<Services, 'storage' | 'log'>, key: string | null): Promise<void> {
  if (!key) return;
  await services.storage.delete(key).catch((err) => services.log.warn({ err }, 'stored bytes not deleted'));
}

/**
 * Fetches an image from the web once, through safeFetch (no private addresses, at most IMAGE_MAX_BYTES, 10 seconds),
 * and checks it as an upload is checked; storing it is the caller's.
 */
export async function fetchImage(services: FetchingServices, address: string): Promise<IncomingImage> {
  const fetched = await safeFetch(address, {
    maxBytes: IMAGE_MAX_BYTES,
    timeoutMs: 10_000,
    accept: 'image/png, image/jpeg, image/gif, image/webp',
    ...(services.outbound ? { network: services.outbound } : {}),
  });
  if (fetched.status !== 200) {
    throw new Invalid(`The address ${quoted(address)} answered HTTP ${fetched.status}, not an image.`, {
      status: fetched.status,
    });
  }
  const refusal = imageRefusal(fetched.body);
  if (refusal) throw new Invalid(`The address ${quoted(address)} did not give an image. ${refusal}`);
  return { bytes: fetched.body, name: lastSegment(fetched.url) };
}

function lastSegment(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
