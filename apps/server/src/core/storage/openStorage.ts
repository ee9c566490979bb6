import type { StorageSettings } from '../storageSettings.ts';
import { diskStorage } from './diskStorage.ts';
import type { FileStorage } from './fileStorage.ts';
import { s3Storage } from './s3Storage.ts';

/** The storage the settings name: the bucket when S3_BUCKET is set, else the data directory's disk. */
export function openStorage(settings: StorageSettings): FileStorage & { close(): void } {
  return settings.kind === 's3' ? s3Storage(settings) : { ...diskStorage(settings.dir), close() {} };
}
