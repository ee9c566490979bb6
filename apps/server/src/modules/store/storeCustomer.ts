import type { Sql } from '../../core/db/client.ts';
import { Invalid } from '../../core/errors.ts';
import { type CustomerRecord, customers, normaliseEmail, normalisePhone } from '../customers/index.ts';

/**
 * The contact someone leaves at the store (a walk-in, a booking) resolves to the customer whose verified address or number it is; anything else is a
 * new customer holding it unverified, which may only suggest a match (never merges).
 */
export async function storeCustomer(
  tx: Sql,
  workspace: { id: string; phoneCountry: string | null },
  name: string,
  contact: string | undefined,
): Promise<{ customer: CustomerRecord; notifyBy: 'sms' | 'email' | null }> {
  if (!contact) return { customer: await customers.create(tx, workspace.id, { name }), notifyBy: null };
  const email = contact.includes('@') ? normaliseEmail(contact) : null;
  const phone = email ? null : normalisePhone(contact, workspace.phoneCountry);
  if (!email && !phone) {
    throw new Invalid('contact: that is neither an email address nor a phone number we can text — or leave it empty', {
      field: 'contact',
    });
  }
  const kind = email ? 'email' : 'phone';
  const value = (email ?? phone)!;
  const known = await customers.resolve(tx, workspace.id, kind, value, { verifiedOnly: true });
  if (known) return { customer: known, notifyBy: email ? 'email' : 'sms' };
  const created = await customers.create(tx, workspace.id, { name, email, phone });
  await customers.addIdentity(tx, workspace.id, { customerId: created.id, kind, value, verified: false });
  return { customer: created, notifyBy: email ? 'email' : 'sms' };
}
