import { randomBytes } from 'node:crypto';
/**
 * The storage port: where the bytes of stored files (attachments, agents' photos) live, under keys Warmline makes.
 * On disk under the data directory in embedded mode (diskStorage.ts); in an S3-compatible bucket when S3_* is set
 * (s3Storage.ts), so that every node of a cluster reads what any node stored.
 */
export interface FileStorage {
  /** `disk` or `s3`, for logs and /readyz-style reports. */
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Buffer | null>;
  /** Lets the bytes under `key` go; nothing stored there is not an error. */
  delete(key: string): Promise<void>;
}

// Keys are made by Warmline (newStorageKey): never a name a person chose.
const KEY = /^[A-Za-z0-9_-]{32}$/;

/** A new key: 24 random bytes, 32 URL-safe characters, 192 bits nobody guesses. */
export const newStorageKey = (): string => randomBytes(24).toString('base64url');

/** True for a key Warmline could have made; anything else is never looked for. */
export const isStorageKey = (key: string): boolean => KEY.test(key);

/** Refuses, as a bug, a key that is not one Warmline made: no adapter ever builds a path or object name from one. */
export function checkedKey(key: string): string {
  if (!isStorageKey(key)) throw new Error(`not a storage key: ${JSON.stringify(key.slice(0, 40))}`);
  return key;
}
