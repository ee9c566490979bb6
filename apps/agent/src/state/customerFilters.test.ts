import { describe, expect, it } from 'vitest';
import { customersQuery, isFiltered, noFilters } from './customerFilters.ts';

describe('customersQuery', () => {
  it('asks for everyone when no chip is on', () => {
    expect(customersQuery(noFilters, 'a1')).toBe('limit=50');
    expect(isFiltered(noFilters)).toBe(false);
  });

  it('turns the verified chip into the API flag', () => {
    expect(customersQuery({ ...noFilters, verified: 'verified' }, 'a1')).toBe('limit=50&verified=true');
    expect(customersQuery({ ...noFilters, verified: 'unverified' }, 'a1')).toBe('limit=50&verified=false');
  });

  it('reads "mine" as the signed-in agent and passes a colleague through', () => {
    expect(customersQuery({ ...noFilters, owner: 'me' }, 'a1')).toBe('limit=50&ownerId=a1');
    expect(customersQuery({ ...noFilters, owner: 'a7' }, 'a1')).toBe('limit=50&ownerId=a7');
  });

  it('carries the typed words and the cursor', () => {
    const q = new URLSearchParams(customersQuery({ ...noFilters, q: '  ana lima ' }, 'a1', 'next-1'));
    expect(q.get('q')).toBe('ana lima');
    expect(q.get('cursor')).toBe('next-1');
    expect(isFiltered({ ...noFilters, q: 'ana' })).toBe(true);
  });
});
