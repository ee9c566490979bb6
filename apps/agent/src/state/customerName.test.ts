import type { Conversation } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { customerName } from './customerName.ts';

const base = { id: 'c1', customer: { id: 'cus_8f3a2b9c', name: null, email: null, createdAt: '' } } as unknown as Conversation;

describe('customerName', () => {
  it('uses the name the customer gave', () => {
    expect(customerName({ ...base, customer: { ...base.customer, name: 'Sam Okafor' } })).toBe('Sam Okafor');
  });

  it('calls an anonymous customer "Visitor" with a short id', () => {
    expect(customerName(base)).toBe('Visitor 2B9C');
  });
});
