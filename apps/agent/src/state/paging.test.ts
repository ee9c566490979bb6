import { describe, expect, it } from 'vitest';
import { appendPage } from './paging.ts';

const byId = (x: { id: string }) => x.id;

describe('appendPage', () => {
  it('adds the next page after what is shown', () => {
    expect(appendPage([{ id: 'a' }], [{ id: 'b' }, { id: 'c' }], byId).map(byId)).toEqual(['a', 'b', 'c']);
  });

  it('never shows a row twice, even when it moved between two reads', () => {
    const held = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    const next = appendPage(
      held,
      [
        { id: 'b', v: 2 },
        { id: 'c', v: 1 },
        { id: 'c', v: 2 },
      ],
      byId,
    );
    expect(next).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ]);
  });

  it('returns the same array when the page brings nothing new', () => {
    const held = [{ id: 'a' }];
    expect(appendPage(held, [{ id: 'a' }], byId)).toBe(held);
    expect(appendPage(held, [], byId)).toBe(held);
  });
});
