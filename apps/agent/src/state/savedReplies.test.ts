import type { SavedReply } from '@warmline/shared/types';
import { describe, expect, it } from 'vitest';
import { matchSavedReplies, slashQuery } from './savedReplies.ts';
import { passesTagFilter, tagSuggestions } from './tags.ts';

function reply(shortcut: string, title: string, body: string, uses = 0): SavedReply {
  return { id: shortcut, shortcut, title, body, team: null, uses, lastUsedAt: null, createdAt: '', updatedAt: '' };
}

const replies = [
  reply('refund', 'Refund on its way', 'Hi {{customer.first_name}}, your refund is on its way.', 3),
  reply('late-parcel', 'Parcel is late', 'So sorry your parcel is late — I am chasing the courier now.', 9),
  reply('hours', 'Opening hours', 'We are open 8–18, Monday to Saturday.', 1),
  reply('parcel-lost', 'Parcel lost', 'I am sorry your parcel is lost; a refund or a new one, your choice.', 0),
];

describe('the "/" search in the composer', () => {
  it('opens only for a one-line draft that starts with "/"', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/ref')).toBe('ref');
    expect(slashQuery('Hi /ref')).toBeNull();
    expect(slashQuery('/ref\nmore')).toBeNull();
    expect(slashQuery(`/${'x'.repeat(80)}`)).toBeNull();
  });

  it('a bare "/" lists the most used replies first', () => {
    expect(matchSavedReplies(replies, '').map((r) => r.shortcut)).toEqual(['late-parcel', 'refund', 'hours', 'parcel-lost']);
  });

  it('ranks a shortcut that starts with the query before one that holds it, then text matches', () => {
    expect(matchSavedReplies(replies, 'parcel').map((r) => r.shortcut)).toEqual(['parcel-lost', 'late-parcel']);
    expect(matchSavedReplies(replies, 'REFUND').map((r) => r.shortcut)).toEqual(['refund', 'parcel-lost']);
  });

  it('finds a reply by words of its title or text, in any order', () => {
    expect(matchSavedReplies(replies, 'saturday open').map((r) => r.shortcut)).toEqual(['hours']);
    expect(matchSavedReplies(replies, 'nothing like this')).toEqual([]);
  });
});

describe('tags in the agent app', () => {
  it('the inbox filter keeps conversations carrying the tag, and every one without a filter', () => {
    expect(passesTagFilter({ tags: ['refund'] }, 'refund')).toBe(true);
    expect(passesTagFilter({ tags: ['late'] }, 'refund')).toBe(false);
    expect(passesTagFilter({}, 'refund')).toBe(false);
    expect(passesTagFilter({}, null)).toBe(true);
  });

  it('suggests tags in use that the conversation lacks, those starting with what is typed first', () => {
    const inUse = [
      { tag: 'late-delivery', conversations: 9 },
      { tag: 'delivery-address', conversations: 2 },
      { tag: 'refund', conversations: 5 },
    ];
    expect(tagSuggestions(inUse, ['refund'], '')).toEqual(['late-delivery', 'delivery-address']);
    expect(tagSuggestions(inUse, [], 'Deliv')).toEqual(['delivery-address', 'late-delivery']);
  });
});
