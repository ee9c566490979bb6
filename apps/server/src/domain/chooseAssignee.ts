export interface AssigneeCandidate {
  id: string;
  openConversations: number;
}

/**
 * Simple fair assignment: the candidate with the fewest open conversations; ties go to the one listed first
 * (the caller lists them longest-idle first).
 */
export function chooseAssignee<T extends AssigneeCandidate>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (!best || c.openConversations < best.openConversations) best = c;
  }
  return best;
}
