import type { Sql } from '../../core/db/client.ts';
import { Invalid } from '../../core/errors.ts';
import { type CustomerRecord, customers, normaliseEmail, normalisePhone } from '../customers/index.ts';

type Workspace = { id: string; phoneCountry: string | null };

/** A contact someone leaves at the store: an email, or a phone number we could text; anything else is refused. */
function contactOf(workspace: Workspace, contact: string): { kind: 'email' | 'phone'; value: string; notifyBy: 'email' | 'sms' } {
  const email = contact.includes('@') ? normaliseEmail(contact) : null;
  const phone = email ? null : normalisePhone(contact, workspace.phoneCountry);
  if (email) return { kind: 'email', value: email, notifyBy: 'email' };
  if (phone) return { kind: 'phone', value: phone, notifyBy: 'sms' };
  throw new Invalid('contact: that is neither an email address nor a phone number we can text — or leave it empty', {
    field: 'contact',
  });
}

/**
 * The contact someone leaves at the store (a walk-in, a booking) resolves to the customer whose verified address or
 * number it is; anything else is a new customer holding it unverified, which may only suggest a match (never merges).
 */
export async function storeCustomer(
  tx: Sql,
  workspace: Workspace,
  name: string,
  contact: string | undefined,
): Promise<{ customer: CustomerRecord; notifyBy: 'sms' | 'email' | null; contact: string | null }> {
  if (!contact) return { customer: await customers.create(tx, workspace.id, { name }), notifyBy: null, contact: null };
  const { kind, value, notifyBy } = contactOf(workspace, contact);
  const known = await customers.resolve(tx, workspace.id, kind, value, { verifiedOnly: true });
  if (known) return { customer: known, notifyBy, contact: value };
  const created = await customers.create(tx, workspace.id, {
    name,
    email: kind === 'email' ? value : null,
    phone: kind === 'phone' ? value : null,
  });
  await customers.addIdentity(tx, workspace.id, { customerId: created.id, kind, value, verified: false });
  return { customer: created, notifyBy, contact: value };
}

/** A contact a known customer gives while booking: kept on them unverified, and where their reminder goes. */
export async function addContact(tx: Sql, workspace: Workspace, customerId: string, contact: string) {
  const { kind, value, notifyBy } = contactOf(workspace, contact);
  await customers.addIdentity(tx, workspace.id, { customerId, kind, value, verified: false });
  return { contact: value, notifyBy };
}
