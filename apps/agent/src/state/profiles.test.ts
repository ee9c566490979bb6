import { describe, expect, it } from 'vitest';
import { conversation, customerProfile, customerSummary, publicAgent, T0 } from '../testing/fixtures.ts';
import { moveConversations, openSuggestions, renameInConversations, withNote } from './profiles.ts';

describe('renameInConversations', () => {
  it('renames the customer in each of their conversations and leaves others alone', () => {
    const mine = conversation('c1', { customer: { id: 'cu1', name: null, email: null, createdAt: T0 } });
    const other = conversation('c2');
    const next = renameInConversations({ c1: mine, c2: other }, 'cu1', 'Ana Lima');
    expect(next.c1!.customer.name).toBe('Ana Lima');
    expect(next.c2).toBe(other);
  });

  it('returns the same map when nothing changes', () => {
    const all = { c2: conversation('c2') };
    expect(renameInConversations(all, 'cu1', 'Ana')).toBe(all);
  });
});

describe('moveConversations', () => {
  it('gives the source’s conversations to the person they were merged into', () => {
    const theirs = conversation('c1', { customer: { id: 'cu-old', name: 'ana', email: null, createdAt: T0 } });
    const target = customerProfile('cu1', { name: 'Ana Lima', email: 'ana@example.com' });
    const next = moveConversations({ c1: theirs }, 'cu-old', target);
    expect(next.c1!.customer).toEqual({ id: 'cu1', name: 'Ana Lima', email: 'ana@example.com', createdAt: T0 });
  });
});

describe('withNote', () => {
  const note = { id: 'n2', body: 'Prefers a call after 17:00', author: publicAgent('a1', 'Amina'), createdAt: T0 };

  it('puts a new note on top', () => {
    const profile = customerProfile('cu1', { notes: [{ ...note, id: 'n1', body: 'older' }] });
    expect(withNote(profile, note).notes.map((n) => n.id)).toEqual(['n2', 'n1']);
  });

  it('shows a note once when the profile was already read back with it', () => {
    const profile = customerProfile('cu1', { notes: [note] });
    expect(withNote(profile, note)).toBe(profile);
  });
});

describe('openSuggestions', () => {
  it('hides people already merged, erased, or the person themself', () => {
    const profile = customerProfile('cu1', {
      suggestions: [
        { customer: customerSummary('cu2', { name: 'Ana L.' }), reasons: ['email: ana@example.com'] },
        { customer: customerSummary('cu3'), reasons: ['phone'] },
        { customer: customerSummary('cu4', { erased: true }), reasons: ['phone'] },
        { customer: customerSummary('cu1'), reasons: ['phone'] },
      ],
      merges: [{ id: 'm1', source: customerSummary('cu3'), mergedAt: T0, by: null }],
    });
    expect(openSuggestions(profile).map((s) => s.customer.id)).toEqual(['cu2']);
  });
});
