import type { AttributeValue, ImportReport, MemberRole } from '@warmline/shared';
import type { ImportRow } from './csv.ts';

export type ContactKind = 'email' | 'phone' | 'external';
export interface ContactPoint {
  kind: ContactKind;
  value: string;
}

/** The customer who already holds a proven contact point; `live` is false once merged away or erased. */
export interface Holder {
  customerId: string;
  live: boolean;
}

/** One customer an import writes: a new one, or an existing one it adds to. */
export interface PlannedCustomer {
  id: string;
  isNew: boolean;
  /** For an existing customer these only fill what is blank; owner and attributes are set. */
  name: string | null;
  email: string | null;
  phone: string | null;
  ownerAgentId: string | null;
  attributes: Record<string, AttributeValue>;
  /** By `contactKey`. */
  identities: Map<string, ContactPoint>;
  /** By lowercased organization name. */
  memberships: Map<string, { organization: string; role: MemberRole }>;
}

export interface ImportPlan {
  customers: PlannedCustomer[];
  imported: number;
  merged: number;
  /** The rows merged into someone, or refused because their contact points belong to different people. */
  rows: ImportReport['rows'];
}

export function contactKey(point: ContactPoint): string {
  return `${point.kind}:${point.value}`;
}

export function contactPointsOf(row: ImportRow): ContactPoint[] {
  const points: ContactPoint[] = [];
  if (row.email) points.push({ kind: 'email', value: row.email });
  if (row.phone) points.push({ kind: 'phone', value: row.phone });
  if (row.externalId) points.push({ kind: 'external', value: row.externalId });
  return points;
}

/**
 * Decides who each checked row is. A row whose contact point is proven on an existing customer, or given by
 * an earlier row of the same file, is that person and is merged into them; a row pointing at two different
 * people is refused; any other row is a new customer. Pure: `holders` are the proven contact points already
 * in the workspace (by `contactKey`), `newId` names new customers.
 */
export function planImport(
  rows: ReadonlyArray<{ row: number; data: ImportRow }>,
  holders: ReadonlyMap<string, Holder>,
  newId: () => string,
): ImportPlan {
  const customers = new Map<string, PlannedCustomer>();
  // Who each contact point turned out to be earlier in this file, and on which row.
  const seen = new Map<string, { customerId: string; row: number }>();
  const report: ImportReport['rows'] = [];
  let imported = 0;
  let merged = 0;

  for (const { row, data } of rows) {
    const points = contactPointsOf(data);
    const matches: Array<{ point: ContactPoint; customerId: string; row: number | null }> = [];
    const problems: string[] = [];
    for (const point of points) {
      const earlier = seen.get(contactKey(point));
      const holder = holders.get(contactKey(point));
      if (earlier) matches.push({ point, ...earlier });
      else if (holder?.live) matches.push({ point, customerId: holder.customerId, row: null });
      else if (holder) problems.push(`${describe(point)} belongs to a customer who was merged into another or erased`);
    }
    if (new Set(matches.map((m) => m.customerId)).size > 1) {
      const who = matches.map((m) => `${describe(m.point)} → ${m.row ? `row ${m.row}` : `customer ${m.customerId}`}`);
      problems.push(`its contact points belong to different customers (${who.join(', ')})`);
    }
    if (problems.length > 0) {
      report.push({ row, outcome: 'rejected', customerId: null, reason: problems.join('; ') });
      continue;
    }

    const match = matches[0];
    let customer: PlannedCustomer;
    if (!match) {
      customer = blank(newId(), true);
      customers.set(customer.id, customer);
      imported++;
    } else {
      customer = customers.get(match.customerId) ?? blank(match.customerId, false);
      customers.set(customer.id, customer);
      merged++;
      const reason =
        match.row !== null && customer.isNew
          ? `same person as row ${match.row} (${describe(match.point)})`
          : `matched an existing customer by ${describe(match.point)}`;
      report.push({ row, outcome: 'merged', customerId: customer.id, reason });
    }
    absorb(customer, data, points);
    for (const point of points) if (!seen.has(contactKey(point))) seen.set(contactKey(point), { customerId: customer.id, row });
  }
  return { customers: [...customers.values()], imported, merged, rows: report };
}

function blank(id: string, isNew: boolean): PlannedCustomer {
  return {
    id,
    isNew,
    name: null,
    email: null,
    phone: null,
    ownerAgentId: null,
    attributes: {},
    identities: new Map(),
    memberships: new Map(),
  };
}

/** Adds a row to its customer: the first name and contacts given stay, later owners, attributes and roles win. */
function absorb(customer: PlannedCustomer, data: ImportRow, points: ContactPoint[]): void {
  customer.name ??= data.name;
  customer.email ??= data.email;
  customer.phone ??= data.phone;
  if (data.ownerAgentId) customer.ownerAgentId = data.ownerAgentId;
  Object.assign(customer.attributes, data.attributes);
  for (const point of points) customer.identities.set(contactKey(point), point);
  if (data.organization && data.role) {
    const key = data.organization.toLowerCase();
    const organization = customer.memberships.get(key)?.organization ?? data.organization;
    customer.memberships.set(key, { organization, role: data.role });
  }
}

function describe(point: ContactPoint): string {
  return `${point.kind === 'external' ? 'external_id' : point.kind} ${point.value}`;
}
