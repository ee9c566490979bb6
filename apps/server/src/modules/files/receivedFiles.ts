import type { AttachmentType } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { newStorageKey } from '../../core/storage/fileStorage.ts';
import { attachmentRows } from './attachmentRows.ts';
import type { CarriedAttachment } from './attachments.ts';
import { nameForType, sniffAttachment } from './fileTypes.ts';
import { cleanFileName } from './images.ts';

/** The type a received file of a kind not recognised is kept as: always downloaded, never shown or opened. */
export const UNRECOGNISED_TYPE = 'application/octet-stream';

/** A file that came in with a customer's message (an email's attachment), its bytes already in the file storage. */
export interface ReceivedFile {
  storageKey: string;
  /** What its bytes were recognised as, or `application/octet-stream`: never the type it was declared as. */
  type: string;
  size: number;
  name: string;
}

/**
 * The name a received file is kept under: its last path segment, without control or bidi characters, at most 120
 * characters, `attachment` when nothing is left (cleanFileName); a kind recognised by its bytes also ends with an
 * extension that kind agrees with (nameForType).
 *
 * @example receivedFileName('../../etc/\u202Efdp.exe', 'application/pdf') // 'fdp.exe.pdf'
 */
export function receivedFileName(name: string | null | undefined, type: string): string {
  const clean = cleanFileName(name, 'attachment');
  return type === UNRECOGNISED_TYPE ? clean : nameForType(clean, type as AttachmentType);
}

/**
 * Puts the bytes of a file a customer sent by another channel than the widget (an email's attachment) into the file
 * storage, under a new random key. Unlike an upload, no kind is refused, since the customer is not there to be told:
 * one recognised by its bytes keeps that type (images may then be shown), any other is kept as
 * `application/octet-stream`, which is only ever downloaded. Its row is written later, in the transaction of the
 * message that carries it (recordReceivedFiles); until then the caller lets the bytes go if that fails (letGoOfBytes).
 */
export async function putReceivedFile(
  services: Pick<Services, 'storage'>,
  file: { bytes: Buffer; name: string | null },
): Promise<ReceivedFile> {
  const type = sniffAttachment(file.bytes) ?? UNRECOGNISED_TYPE;
  const storageKey = newStorageKey();
  await services.storage.put(storageKey, file.bytes, type);
  return { storageKey, type, size: file.bytes.length, name: receivedFileName(file.name, type) };
}

/**
 * Records received files as the customer's, in the caller's transaction: the message that carries them names them
 * as its attachments (appendEntries binds each to it in the same transaction, so none is ever left unsent).
 */
export async function recordReceivedFiles(
  tx: Sql,
  sender: { workspaceId: string; customerId: string },
  files: readonly ReceivedFile[],
): Promise<CarriedAttachment[]> {
  const carried: CarriedAttachment[] = [];
  for (const file of files) {
    const row = await attachmentRows.insert(tx, {
      workspaceId: sender.workspaceId,
      storageKey: file.storageKey,
      type: file.type,
      size: file.size,
      name: file.name,
      uploadedBy: { kind: 'customer', id: sender.customerId },
      conversationId: null,
    });
    carried.push({ id: row.id, name: row.name, type: row.type, size: row.size });
  }
  return carried;
}
