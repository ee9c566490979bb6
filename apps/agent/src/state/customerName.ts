import type { Conversation } from '@warmline/shared';

/** The name an agent sees for a person: their own, or "Visitor" and a short id; an erased person has none. */
export function personName(person: { id: string; name: string | null; erased?: boolean }): string {
  if (person.erased) return 'Erased customer';
  return person.name?.trim() || `Visitor ${shortId(person.id)}`;
}

/** The name an agent sees for a conversation's customer. */
export function customerName(conversation: Conversation | undefined): string {
  if (!conversation) return 'A customer';
  return personName(conversation.customer);
}

/** How to reach someone, in one line: their email, else their phone. */
export function contactLine(person: { email: string | null; phone: string | null }): string | null {
  return person.email ?? person.phone ?? null;
}

/** The last four letters or digits of an id: enough to tell two visitors apart at a glance. */
export function shortId(id: string): string {
  const plain = id.replace(/[^a-zA-Z0-9]/g, '');
  return (plain.slice(-4) || id.slice(-4)).toUpperCase();
}
