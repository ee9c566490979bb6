import type { AttributeValue, CustomerProfile } from '@warmline/shared';
import { attributesApi, customersApi, type UpdateCustomerInput } from '../api/customers.ts';
import { conversationsApi } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { withAttribute } from './attributeInput.ts';
import { moveConversations, renameInConversations, withNote } from './profiles.ts';
import { getState, setState } from './store.ts';

/** Keeps a freshly read profile, and the name every open conversation shows for that person. */
export function applyProfile(profile: CustomerProfile): void {
  setState((s) => ({
    profiles: { ...s.profiles, [profile.id]: profile },
    profileState: { ...s.profileState, [profile.id]: 'ready' },
    conversations: renameInConversations(s.conversations, profile.id, profile.name),
  }));
}

function forgetProfile(id: string): void {
  setState((s) => {
    const profiles = { ...s.profiles };
    delete profiles[id];
    return { profiles, profileState: { ...s.profileState, [id]: 'missing' } };
  });
}

/** Reads a person's profile; what is already shown stays while it is read again. */
export async function loadProfile(id: string): Promise<void> {
  if (!getState().profiles[id]) setState((s) => ({ profileState: { ...s.profileState, [id]: 'loading' } }));
  try {
    const { customer } = await customersApi.get(id);
    applyProfile(customer);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) forgetProfile(id);
    else if (!getState().profiles[id]) setState((s) => ({ profileState: { ...s.profileState, [id]: 'error' } }));
  }
}

/** The workspace's custom attribute definitions, read again after an admin changes them. */
export async function loadAttributeDefinitions(): Promise<void> {
  const { attributes } = await attributesApi.list();
  setState({ attributeDefinitions: attributes });
}

let definitionsRead: Promise<void> | null = null;

/** Reads the definitions the first time a profile needs them, once however many profiles ask at once. */
export function ensureAttributeDefinitions(): void {
  if (getState().attributeDefinitions !== null || definitionsRead) return;
  definitionsRead = loadAttributeDefinitions()
    .catch(() => {})
    .finally(() => {
      definitionsRead = null;
    });
}

export async function updateCustomer(id: string, input: UpdateCustomerInput): Promise<void> {
  const { customer } = await customersApi.update(id, input);
  applyProfile(customer);
}

/** Saves one custom attribute; the rest of the person's attributes are sent unchanged. */
export async function setAttribute(id: string, key: string, value: AttributeValue): Promise<void> {
  const held = getState().profiles[id];
  await updateCustomer(id, { attributes: withAttribute(held?.attributes ?? {}, key, value) });
}

export async function addIdentity(id: string, kind: 'email' | 'phone' | 'external', value: string): Promise<void> {
  const { customer } = await customersApi.addIdentity(id, kind, value);
  applyProfile(customer);
}

export async function removeIdentity(id: string, identityId: string): Promise<void> {
  const { customer } = await customersApi.removeIdentity(id, identityId);
  applyProfile(customer);
}

export async function addCustomerNote(id: string, body: string): Promise<void> {
  const { note } = await customersApi.addNote(id, body);
  setState((s) => {
    const profile = s.profiles[id];
    return profile ? { profiles: { ...s.profiles, [id]: withNote(profile, note) } } : {};
  });
}

/** Folds `sourceId` into `targetId`; the source's conversations now show the target as their customer. */
export async function mergeCustomers(targetId: string, sourceId: string): Promise<void> {
  const { customer } = await customersApi.merge(targetId, sourceId);
  applyProfile(customer);
  forgetProfile(sourceId);
  setState((s) => ({ conversations: moveConversations(s.conversations, sourceId, customer) }));
}

/**
 * Undoes a merge: the person folded in comes back with what was theirs. Which conversations go back
 * only the server knows, so those held for the target are read again.
 */
export async function undoMerge(targetId: string, mergeId: string): Promise<void> {
  const { customer } = await customersApi.undoMerge(mergeId);
  applyProfile(customer);
  const held = Object.values(getState().conversations).filter((c) => c.customer.id === targetId);
  await Promise.all(
    held.map((c) =>
      conversationsApi.get(c.id).then(
        ({ conversation }) => setState((s) => ({ conversations: { ...s.conversations, [conversation.id]: conversation } })),
        () => {},
      ),
    ),
  );
}

/** Erases a person for good (admins); the profile is read again to show what anonymous record remains. */
export async function eraseCustomer(id: string): Promise<void> {
  await customersApi.erase(id);
  await loadProfile(id);
}
