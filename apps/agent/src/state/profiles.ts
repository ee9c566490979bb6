import type { Conversation, CustomerNote, CustomerProfile } from '@warmline/shared';

/** Conversations keep a copy of their customer's name: a rename shows in the inbox and header at once. */
export function renameInConversations(
  conversations: Readonly<Record<string, Conversation>>,
  customerId: string,
  name: string | null,
): Readonly<Record<string, Conversation>> {
  let next: Record<string, Conversation> | null = null;
  for (const c of Object.values(conversations)) {
    if (c.customer.id !== customerId || c.customer.name === name) continue;
    next ??= { ...conversations };
    next[c.id] = { ...c, customer: { ...c.customer, name } };
  }
  return next ?? conversations;
}

/** After a merge the source's conversations belong to the person they were folded into. */
export function moveConversations(
  conversations: Readonly<Record<string, Conversation>>,
  fromCustomerId: string,
  to: CustomerProfile,
): Readonly<Record<string, Conversation>> {
  let next: Record<string, Conversation> | null = null;
  for (const c of Object.values(conversations)) {
    if (c.customer.id !== fromCustomerId) continue;
    next ??= { ...conversations };
    next[c.id] = { ...c, customer: { id: to.id, name: to.name, email: to.email, createdAt: to.createdAt } };
  }
  return next ?? conversations;
}

/** The profile with a note just written, newest first, shown once even if it was already read back. */
export function withNote(profile: CustomerProfile, note: CustomerNote): CustomerProfile {
  if (profile.notes.some((n) => n.id === note.id)) return profile;
  return { ...profile, notes: [note, ...profile.notes] };
}

/** Whether a merge suggestion is still worth showing: not yet merged, not erased. */
export function openSuggestions(profile: CustomerProfile): CustomerProfile['suggestions'] {
  const merged = new Set(profile.merges.map((m) => m.source.id));
  return profile.suggestions.filter((s) => !merged.has(s.customer.id) && !s.customer.erased && s.customer.id !== profile.id);
}
