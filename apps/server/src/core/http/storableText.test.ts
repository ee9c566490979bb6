import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnstorableText, onlyStorableText, refuseUnstorableText } from './storableText.ts';

describe('text that cannot be stored', () => {
  it('finds a NUL character or a lone surrogate, at its path, keys included', () => {
    expect(findUnstorableText({ user: { name: 'Ana\u0000' } })).toEqual({
      path: ['user', 'name'],
      message: 'must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableText({ tags: ['ok', 'bad\ud83d'] })).toEqual({
      path: ['tags', 1],
      message: 'must be Unicode text: it holds a lone surrogate (U+D83D)',
    });
    expect(findUnstorableText({ attributes: { '\udc00': 1 } })?.message).toBe(
      'a key must be Unicode text: it holds a lone surrogate (U+DC00)',
    );
  });

  it('keeps whole emoji, tabs, newlines and the other control characters of pasted text', () => {
    expect(findUnstorableText({ body: 'Thanks 🙏\tsee you\r\nsoon\u000bbye\u001b' })).toBeNull();
  });

  it('refuses a UTF-8 file with a NUL byte, and leaves other files to their reader', () => {
    expect(findUnstorableText(Buffer.from('name\nAna\u0000Lee\n'))?.path).toEqual([]);
    expect(findUnstorableText(Buffer.from('\ufeffname\nAna\n', 'utf16le'))).toBeNull();
  });

  it('walks a deeply nested input in one pass, without recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toHaveLength(200_000);
  });

  it('refuses as a 400 naming the request part, and checks before a schema runs', () => {
    expect(() => refuseUnstorableText({ name: 'a\u0000' }, 'body')).toThrow('body.name: must not contain the NUL character');
    const frame = onlyStorableText(z.object({ body: z.string().min(5) }));
    expect(frame.safeParse({ body: 'x\u0000' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['body'], message: 'must not contain the NUL character (U+0000)' }),
    ]);
    expect(frame.safeParse({ body: 'hello there' }).data).toEqual({ body: 'hello there' });
  });
});
