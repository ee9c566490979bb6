import type { Sql } from '../../core/db/client.ts';
import { walkIns } from './repository/walkIns.ts';

/** Walk-in time to human across a workspace's locations: seconds from check-in to called, for those called since `since`. */
export function walkInTimesToHuman(sql: Sql, workspaceId: string, since: Date): Promise<number[]> {
  return walkIns.timesToHuman(sql, workspaceId, since);
}
