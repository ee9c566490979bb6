import path from 'node:path';
import { z } from 'zod';

/** The S3_* variables: an S3-compatible bucket for stored files (docs/attachments.md). Unset, files live on disk. */
export const StorageEnv = {
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, message: 'S3_ENDPOINT must be an absolute URL such as https://s3.example.com' })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true (bucket in the path, as MinIO wants) or false' })
    .optional(),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()/-]*$/, { message: "S3_PREFIX may hold letters, digits and !_.*'()/- only" })
    .optional(),
};

type StorageVariables = Partial<z.infer<z.ZodObject<typeof StorageEnv>>>;

/** Where stored files go in a bucket; `credentials` null means the SDK's own chain (instance role, AWS_* variables). */
export interface S3Settings {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Put before every key, e.g. `warmline/`. */
  prefix: string;
}

/** Where stored files live: a bucket when S3_BUCKET is set, else `<WARMLINE_DATA_DIR>/files`. */
export type StorageSettings = { kind: 'disk'; dir: string } | ({ kind: 's3' } & S3Settings);

/** Problems with the S3_* settings taken together (each variable alone is checked by Env). */
export function storageProblems(e: StorageVariables): string[] {
  const problems: string[] = [];
  const set = (
    ['S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'] as const
  ).filter((k) => e[k] !== undefined);
  if (!e.S3_BUCKET) {
    if (set.length) problems.push(`S3_BUCKET: S3_BUCKET is required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set`);
    return problems;
  }
  if (e.S3_ACCESS_KEY_ID && !e.S3_SECRET_ACCESS_KEY)
    problems.push('S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID');
  if (e.S3_SECRET_ACCESS_KEY && !e.S3_ACCESS_KEY_ID)
    problems.push('S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY');
  return problems;
}

/** The storage of stored files from validated variables. */
export function storageSettings(e: StorageVariables, dataDir: string): StorageSettings {
  if (!e.S3_BUCKET) return { kind: 'disk', dir: path.join(dataDir, 'files') };
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION ?? 'us-east-1',
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : null,
    prefix: e.S3_PREFIX ?? '',
  };
}
