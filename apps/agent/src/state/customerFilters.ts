/** The filter chips above the customers list. */
export interface CustomerFilters {
  q: string;
  verified: 'any' | 'verified' | 'unverified';
  /** 'anyone', 'me', or an agent's id. */
  owner: string;
}

export const noFilters: CustomerFilters = { q: '', verified: 'any', owner: 'anyone' };

/** The query string for GET /customers under these filters. */
export function customersQuery(filters: CustomerFilters, meId: string, cursor?: string | null, limit = 50): string {
  const query = new URLSearchParams({ limit: String(limit) });
  const q = filters.q.trim();
  if (q) query.set('q', q);
  if (filters.verified !== 'any') query.set('verified', String(filters.verified === 'verified'));
  const ownerId = filters.owner === 'me' ? meId : filters.owner === 'anyone' ? '' : filters.owner;
  if (ownerId) query.set('ownerId', ownerId);
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** True when any chip narrows the list: the empty state then says so instead of "no customers yet". */
export function isFiltered(filters: CustomerFilters): boolean {
  return filters.q.trim() !== '' || filters.verified !== 'any' || filters.owner !== 'anyone';
}
