import { describe, expect, it } from 'vitest';
import type { ImportRow } from './csv.ts';
import { type Holder, planImport } from './importPlan.ts';

const row = (overrides: Partial<ImportRow>): ImportRow => ({
  name: null,
  email: null,
  phone: null,
  externalId: null,
  ownerAgentId: null,
  organization: null,
  role: null,
  attributes: {},
  ...overrides,
});

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

describe('deciding who each import row is', () => {
  it('makes a new customer of a row nobody holds', () => {
    const plan = planImport([{ row: 2, data: row({ name: 'Ana', email: 'ana@example.com' }) }], new Map(), ids());
    expect(plan).toMatchObject({ imported: 1, merged: 0, rows: [] });
    expect(plan.customers).toHaveLength(1);
    expect(plan.customers[0]).toMatchObject({ id: 'new-1', isNew: true, name: 'Ana', email: 'ana@example.com' });
  });

  it('merges a row into the existing customer who holds its email proven', () => {
    const holders = new Map<string, Holder>([['email:ana@example.com', { customerId: 'c-1', live: true }]]);
    const plan = planImport(
      [{ row: 2, data: row({ email: 'ana@example.com', phone: '+254712345678', attributes: { plan: 'wholesale' } }) }],
      holders,
      ids(),
    );
    expect(plan.imported).toBe(0);
    expect(plan.rows).toEqual([
      { row: 2, outcome: 'merged', customerId: 'c-1', reason: 'matched an existing customer by email ana@example.com' },
    ]);
    expect(plan.customers[0]).toMatchObject({ id: 'c-1', isNew: false, attributes: { plan: 'wholesale' } });
    expect([...plan.customers[0]!.identities.keys()]).toEqual(['email:ana@example.com', 'phone:+254712345678']);
  });

  it('folds a later row of the same file into the earlier one it shares a contact point with', () => {
    const plan = planImport(
      [
        { row: 2, data: row({ email: 'ana@example.com', organization: 'Acme', role: 'buyer' }) },
        { row: 3, data: row({ name: 'Ana W', email: 'ana@example.com', phone: '+254712345678' }) },
        { row: 4, data: row({ name: 'Not Ana', phone: '+254712345678', organization: 'ACME', role: 'decision_maker' }) },
      ],
      new Map(),
      ids(),
    );
    expect(plan).toMatchObject({ imported: 1, merged: 2 });
    expect(plan.rows.map((r) => r.reason)).toEqual([
      'same person as row 2 (email ana@example.com)',
      'same person as row 3 (phone +254712345678)',
    ]);
    const [ana] = plan.customers;
    expect(ana).toMatchObject({ name: 'Ana W', email: 'ana@example.com', phone: '+254712345678' });
    expect([...ana!.memberships.values()]).toEqual([{ organization: 'Acme', role: 'decision_maker' }]);
  });

  it('refuses a row whose contact points belong to two different people, and one held by an erased customer', () => {
    const holders = new Map<string, Holder>([
      ['email:ana@example.com', { customerId: 'c-1', live: true }],
      ['phone:+254712345678', { customerId: 'c-2', live: true }],
      ['external:gone', { customerId: 'c-3', live: false }],
    ]);
    const plan = planImport(
      [
        { row: 2, data: row({ email: 'ana@example.com', phone: '+254712345678' }) },
        { row: 3, data: row({ externalId: 'gone' }) },
      ],
      holders,
      ids(),
    );
    expect(plan).toMatchObject({ imported: 0, merged: 0, customers: [] });
    expect(plan.rows).toEqual([
      {
        row: 2,
        outcome: 'rejected',
        customerId: null,
        reason:
          'its contact points belong to different customers (email ana@example.com → customer c-1, phone +254712345678 → customer c-2)',
      },
      {
        row: 3,
        outcome: 'rejected',
        customerId: null,
        reason: 'external_id gone belongs to a customer who was merged into another or erased',
      },
    ]);
  });
});
