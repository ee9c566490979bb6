import type { CustomerSummary, Identity } from '@warmline/shared';
import { iso } from '../../core/db/rows.ts';
import type { CustomerRecord, IdentityRecord } from './repository/customers.ts';

export function presentCustomerSummary(c: CustomerRecord): CustomerSummary {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    verified: c.verified,
    erased: c.erasedAt !== null,
    createdAt: iso(c.createdAt),
  };
}

export function presentIdentity(i: IdentityRecord): Identity {
  return { id: i.id, kind: i.kind, value: i.value, verified: i.verified, createdAt: iso(i.createdAt) };
}
