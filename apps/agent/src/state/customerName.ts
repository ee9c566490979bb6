import type { Conversation } from '@warmline/shared';

/** The name an agent sees for a customer: their own, or "Visitor" and a short id. */
export function customerName(conversation: Conversation | undefined): string {
  if (!conversation) return 'A customer';
  return conversation.customer.name?.trim() || `Visitor ${shortId(conversation.customer.id)}`;
}

/** The last four letters or digits of an id: enough to tell two visitors apart at a glance. */
export function shortId(id: string): string {
  const plain = id.replace(/[^a-zA-Z0-9]/g, '');
  return (plain.slice(-4) || id.slice(-4)).toUpperCase();
}
