import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageSettings } from '../storageSettings.ts';
import { diskStorage } from './diskStorage.ts';
import type { FileStorage } from './fileStorage.ts';
import { s3Storage } from './s3Storage.ts';

const newKey = () => randomBytes(24).toString('base64url');
const temporaryDir = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `warmline-${what}-`));

/** The contract every adapter keeps: what was put is got back byte for byte, until it is deleted. */
function storageContract(name: string, open: () => FileStorage) {
  describe(`${name} file storage`, () => {
    it('gives back exactly the bytes put under a key, and each key its own', async () => {
      const storage = open();
      const [a, b] = [newKey(), newKey()];
      const bytesA = randomBytes(70_000);
      const bytesB = Buffer.from('%PDF-1.4\n%%EOF\n');
      await storage.put(a, bytesA, 'application/octet-stream');
      await storage.put(b, bytesB, 'application/pdf');
      expect((await storage.get(a))?.equals(bytesA)).toBe(true);
      expect((await storage.get(b))?.equals(bytesB)).toBe(true);
    });

    it('answers null for a key nothing was put under, and after a delete; deleting twice is no error', async () => {
      const storage = open();
      const key = newKey();
      expect(await storage.get(key)).toBeNull();
      await storage.put(key, Buffer.from('hello'), 'text/plain');
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it('refuses a key Warmline did not make, so no path or object name is ever built from one', async () => {
      const storage = open();
      for (const key of ['../../etc/passwd', 'a/b', '', 'x'.repeat(33)]) {
        await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/not a storage key/);
        await expect(storage.get(key)).rejects.toThrow(/not a storage key/);
      }
    });
  });
}

const diskDir = temporaryDir('files');
storageContract('disk', () => diskStorage(diskDir));

// s3rver: an S3 server written in Node that keeps buckets in a directory. It speaks the S3 REST API the SDK uses,
// but does not verify signatures or enforce access (docs/attachments.md says what it leaves untested).
let s3rver: S3rver;
let s3: ReturnType<typeof s3Storage> | null = null;
beforeAll(async () => {
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: temporaryDir('s3rver'),
    configureBuckets: [{ name: 'warmline-files', configs: [] }],
  });
  const { port } = (await s3rver.run()) as AddressInfo;
  const settings = storageSettings(
    {
      S3_BUCKET: 'warmline-files',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'attachments/',
    },
    diskDir,
  );
  if (settings.kind !== 's3') throw new Error('S3_BUCKET set: the storage must be s3');
  s3 = s3Storage(settings);
});
afterAll(async () => {
  s3?.close();
  await s3rver.close();
});
storageContract('S3 (against s3rver)', () => s3!);

describe('S3 file storage', () => {
  it('keeps each file as one private object under S3_PREFIX, with the type its bytes were recognised as', async () => {
    const key = newKey();
    await s3!.put(key, Buffer.from('plain words'), 'text/plain');
    const { port } = s3rver.httpServer!.address() as AddressInfo;
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'warmline-files', Prefix: 'attachments/' }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(`attachments/${key}`);
    const head = await client.send(new HeadObjectCommand({ Bucket: 'warmline-files', Key: `attachments/${key}` }));
    expect({ type: head.ContentType, size: head.ContentLength }).toEqual({ type: 'text/plain', size: 11 });
    client.destroy();
  });

  it('an unreachable bucket is an error, never an answer that nothing is stored', async () => {
    const gone = s3Storage({
      bucket: 'warmline-files',
      region: 'us-east-1',
      // Port 9 (discard) on this machine: nothing listens there.
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      prefix: '',
    });
    await expect(gone.get(newKey())).rejects.toThrow();
    gone.close();
  });
});
