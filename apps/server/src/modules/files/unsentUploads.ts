import type { Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { letGoOfBytes } from './storedFiles.ts';

/** The durable job that lets go of a file uploaded but never sent with a message. */
export const UNSENT_UPLOAD = 'attachment_unsent';
/** How long an upload waits for its message: long enough for a slow draft, not a free file host. */
export const UNSENT_UPLOAD_HOURS = 24;

/** Written with the upload's row: the file goes if no message carries it by then. */
export function scheduleUnsentSweep(sql: Sql, workspaceId: string, attachmentId: string, now: Date) {
  return jobs.schedule(sql, workspaceId, {
    kind: UNSENT_UPLOAD,
    runAt: new Date(now.getTime() + UNSENT_UPLOAD_HOURS * 3_600_000),
    payload: { attachmentId },
  });
}

/** Deletes the upload's row and bytes when nothing carries it; a sent file stays with its message. */
export function unsentUploadHandler(services: Pick<Services, 'storage' | 'log'>): JobHandler {
  return async (tx, job) => {
    const [row] = await tx.query<{ storageKey: string }>(
      `delete from attachments where workspace_id = $1 and id = $2 and entry_id is null returning storage_key as "storageKey"`,
      [job.workspaceId, String(job.payload.attachmentId ?? '')],
    );
    // Unreadable from here on (no row names it); its bytes go now, and a failure only leaves them behind.
    if (row) await letGoOfBytes(services, row.storageKey);
  };
}
