import type { Entry } from '@warmline/shared';
import { attachmentUrl } from '../files/index.ts';

/** Whether a customer sees this entry at all: the rule of VISIBLE_TO_CUSTOMER_SQL in repositories/entries.ts. */
export function visibleToCustomer(entry: Entry): boolean {
  if (entry.kind === 'message') return true;
  if (entry.kind !== 'event' || !entry.event) return false;
  return entry.event.type === 'assigned' || 'customerText' in entry.event.data;
}

/** What a customer may see of an entry: how we read their feelings, and how an email went, are for agents only. */
export function forCustomer(entry: Entry): Entry {
  if (!entry.emotion && !entry.delivery && !entry.attachments) return entry;
  const { emotion: _emotion, delivery: _delivery, attachments, ...rest } = entry;
  // The customer downloads with their visitor token, never on an agent's session.
  return attachments ? { ...rest, attachments: attachments.map((a) => ({ ...a, url: attachmentUrl(a.id, 'customer') })) } : rest;
}
