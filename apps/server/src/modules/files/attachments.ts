import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentType } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { sizeInWords } from '../../core/http/byteSize.ts';
import { newStorageKey } from '../../core/storage/fileStorage.ts';
import { type AttachmentRecord, attachmentRows } from './attachmentRows.ts';
import { attachmentRefusal, nameForType, sniffAttachment } from './fileTypes.ts';
import { cleanFileName } from './images.ts';
import { letGoOfBytes } from './storedFiles.ts';
import { scheduleUnsentSweep } from './unsentUploads.ts';

export type { AttachmentRecord } from './attachmentRows.ts';

/** Who uploads or sends: an agent or a customer of a workspace. */
export interface Uploader {
  workspaceId: string;
  kind: 'agent' | 'customer';
  id: string;
}

/** An attachment as an entry keeps it: what is shown, without where it is downloaded (that depends on the reader). */
export type CarriedAttachment = Omit<Attachment, 'url'>;

/** Where `reader` downloads an attachment: agents on their session, the customer with their visitor token. */
export function attachmentUrl(id: string, reader: 'agent' | 'customer'): string {
  return reader === 'agent' ? `/api/v1/attachments/${id}` : `/api/v1/widget/attachments/${id}`;
}

export function attachmentTooLarge(): AppError {
  return new AppError('payload_too_large', 413, `The file is over the ${sizeInWords(ATTACHMENT_MAX_BYTES)} limit.`, {
    limitBytes: ATTACHMENT_MAX_BYTES,
  });
}

/**
 * Keeps an uploaded file, not yet sent: only a kind accepted by its bytes (fileTypes.ts), and only when its declared
 * type agrees with them; up to ATTACHMENT_MAX_BYTES. Its bytes go to the file storage under a new random key, its
 * cleaned name and recognised type to the database. An agent uploads into a conversation they may see (checked by
 * the caller); a customer's upload is bound to their conversation when they send it.
 */
export async function storeAttachment(
  services: Services,
  uploader: Uploader & { conversationId: string | null },
  upload: { bytes: Buffer; name?: string | undefined; declaredType?: string | undefined },
): Promise<AttachmentRecord> {
  if (upload.bytes.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  const refusal = attachmentRefusal(upload.bytes, upload.declaredType);
  if (refusal) throw new Invalid(refusal);
  const type = sniffAttachment(upload.bytes)!;
  const storageKey = newStorageKey();
  await services.storage.put(storageKey, upload.bytes, type);
  try {
    return await services.db.transaction(async (tx) => {
      const row = await attachmentRows.insert(tx, {
        workspaceId: uploader.workspaceId,
        storageKey,
        type,
        size: upload.bytes.length,
        name: nameForType(cleanFileName(upload.name, 'file'), type as AttachmentType),
        uploadedBy: { kind: uploader.kind, id: uploader.id },
        conversationId: uploader.conversationId,
      });
      await scheduleUnsentSweep(tx, uploader.workspaceId, row.id, services.now());
      return row;
    });
  } catch (err) {
    await letGoOfBytes(services, storageKey);
    throw err;
  }
}

/**
 * The attachments a message names, checked before it is written: each must be one this sender uploaded, in this
 * workspace (for an agent, into this conversation), and not sent yet, unless it went with this very message (a
 * resend). Any other id, whoever's it is, is refused alike, telling nothing about it.
 */
export async function attachmentsToSend(
  sql: Sql,
  sender: Uploader,
  ids: readonly string[] | undefined,
  message: { conversationId?: string | undefined; clientId: string },
): Promise<CarriedAttachment[]> {
  if (!ids?.length) return [];
  if (new Set(ids).size !== ids.length) throw new Invalid('attachmentIds: each file is sent once per message');
  const found = new Map((await attachmentRows.byIds(sql, sender.workspaceId, [...ids])).map((a) => [a.id, a]));
  return ids.map((id) => {
    const a = found.get(id);
    const mine = a && a.uploadedBy.kind === sender.kind && a.uploadedBy.id === sender.id;
    const here = a && (sender.kind === 'customer' || a.conversationId === message.conversationId);
    const free = a && (a.entryId === null || a.entryClientId === message.clientId);
    if (!a || !mine || !here || !free) {
      throw new Invalid(`attachmentIds: ${id} is not a file you uploaded for this conversation and have not sent yet`, {
        attachmentId: id,
      });
    }
    return { id: a.id, name: a.name, type: a.type, size: a.size };
  });
}

/** Marks attachments as carried by the entries just stored; one sent by another message meanwhile is a 409. */
export async function bindAttachments(
  tx: Sql,
  items: Array<{ workspaceId: string; id: string; entryId: string; conversationId: string }>,
): Promise<void> {
  const bound = await attachmentRows.bind(tx, items);
  if (bound.length !== items.length) throw new Conflict('A file of this message was sent with another message meanwhile.');
}

/**
 * Forgets every file of these customers (erasure): those they uploaded and those of their conversations, both
 * sides. Answers the storage keys whose bytes to delete once the transaction has committed (letGoOfBytes).
 */
export function forgetAttachmentsOf(tx: Sql, workspaceId: string, customerIds: string[]): Promise<string[]> {
  return attachmentRows.removeForCustomers(tx, workspaceId, customerIds);
}

/** One attachment of the workspace, or null. */
export async function attachmentById(sql: Sql, workspaceId: string, id: string): Promise<AttachmentRecord | null> {
  const [a] = await attachmentRows.byIds(sql, workspaceId, [id]);
  return a ?? null;
}

/** An attachment's bytes from the file storage; gone from it is a 404 like any file not found. */
export async function attachmentBytes(services: Services, a: AttachmentRecord): Promise<Buffer> {
  const bytes = await services.storage.get(a.storageKey);
  if (!bytes) throw new NotFound('File');
  return bytes;
}
