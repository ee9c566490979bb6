import { describe, expect, it } from 'vitest';
import { toContactPrefix, toPrefixQuery } from './searchQuery.ts';

describe('search as you type', () => {
  it('makes every word a prefix that must match', () => {
    expect(toPrefixQuery('Rye sourd')).toBe("'rye':* & 'sourd':*");
  });

  it('passes no quotes, operators or punctuation through', () => {
    expect(toPrefixQuery(`it's "burnt" & | ! <-> :* (cake)`)).toBe("'it':* & 'burnt':* & 'cake':*");
    expect(toPrefixQuery("'; drop table entries; --")).toBe("'drop':* & 'table':* & 'entries':*");
  });

  it('searches nothing for empty or one-letter input, but keeps digits', () => {
    expect(toPrefixQuery('')).toBeNull();
    expect(toPrefixQuery('   ')).toBeNull();
    expect(toPrefixQuery('a')).toBeNull();
    expect(toPrefixQuery('"&|!')).toBeNull();
    expect(toPrefixQuery('order 7')).toBe("'order':* & '7':*");
  });

  it('understands any script and folds case and width', () => {
    expect(toPrefixQuery('Ängstlich Ｍkate')).toBe("'ängstlich':* & 'mkate':*");
    expect(toPrefixQuery('ありがとう')).toBe("'ありがとう':*");
  });

  it('keeps at most eight distinct words', () => {
    expect(toPrefixQuery('aa bb aa cc dd ee ff gg hh ii jj')?.split(' & ')).toHaveLength(8);
  });

  it('matches contact points literally, from three characters', () => {
    expect(toContactPrefix(' Ana@Ex ')).toBe('ana@ex');
    expect(toContactPrefix('an')).toBeNull();
    expect(toContactPrefix('100%_x')).toBe('100\\%\\_x');
  });
});
