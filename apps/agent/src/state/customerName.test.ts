import type { Conversation } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { contactLine, customerName, personName } from './customerName.ts';

const base = { id: 'c1', customer: { id: 'cus_8f3a2b9c', name: null, email: null, createdAt: '' } } as unknown as Conversation;

describe('customerName', () => {
  it('uses the name the customer gave', () => {
    expect(customerName({ ...base, customer: { ...base.customer, name: 'Sam Okafor' } })).toBe('Sam Okafor');
  });

  it('calls an anonymous customer "Visitor" with a short id', () => {
    expect(customerName(base)).toBe('Visitor 2B9C');
  });

  it('names a person the same way wherever they appear', () => {
    expect(personName({ id: 'cus_8f3a2b9c', name: '  ' })).toBe('Visitor 2B9C');
    expect(personName({ id: 'x', name: ' Ana Lima ' })).toBe('Ana Lima');
  });

  it('never shows an erased person as a visitor who could be reached', () => {
    expect(personName({ id: 'cus_8f3a2b9c', name: null, erased: true })).toBe('Erased customer');
  });
});

describe('contactLine', () => {
  it('prefers the email, then the phone', () => {
    expect(contactLine({ email: 'ana@example.com', phone: '+351 912 000 000' })).toBe('ana@example.com');
    expect(contactLine({ email: null, phone: '+351 912 000 000' })).toBe('+351 912 000 000');
    expect(contactLine({ email: null, phone: null })).toBeNull();
  });
});
