import type { Sql } from '../../../core/db/sql.ts';

export const phoneCallers = {
  /** Holds calls from one number in one workspace one at a time until commit: two rings never make two customers. */
  async lockNumber(tx: Sql, workspaceId: string, number: string): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${workspaceId}:phone:${number}`]);
  },
};
