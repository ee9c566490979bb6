import type { Entry } from '@warmline/shared';

/** What a customer may see of an entry: how we read their feelings is for agents only. */
export function forCustomer(entry: Entry): Entry {
  if (!entry.emotion) return entry;
  const { emotion: _emotion, ...rest } = entry;
  return rest;
}
