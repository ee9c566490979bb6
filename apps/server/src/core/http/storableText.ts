import { isUtf8 } from 'node:buffer';
import { z } from 'zod';
import { Invalid } from '../errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string, or null: PostgreSQL refuses U+0000 in text, and a lone surrogate is not Unicode. */
function problemWith(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    const code = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
    return `must be Unicode text: it holds a lone surrogate (U+${code})`;
  }
  return null;
}

type Path = Array<string | number>;

/**
 * The first string in a parsed request part or socket frame that could not be stored as text, with its path, or
 * null. Object keys are checked too. Other control characters (tab, the vertical tab of a pasted document…) are
 * stored as they came. Walks without recursion: the input's depth is the sender's choice.
 *
 * @example findUnstorableText({ name: 'a\u0000b' }) // { path: ['name'], message: 'must not contain …' }
 */
export function findUnstorableText(value: unknown): { path: Path; message: string } | null {
  // Each place keeps a link to its parent, so a deep input costs one step per level, not a copied path.
  interface Place {
    value: unknown;
    key: string | number | null;
    parent: Place | null;
  }
  const pathTo = (place: Place): Path => {
    const path: Path = [];
    for (let at: Place | null = place; at && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const pending: Place[] = [{ value, key: null, parent: null }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    const current = place.value;
    if (typeof current === 'string') {
      const message = problemWith(current);
      if (message) return { path: pathTo(place), message };
    } else if (Buffer.isBuffer(current)) {
      // A raw body (a CSV import): a UTF-8 file with a NUL byte would reach the database; other files are the reader's.
      if (current.includes(0) && isUtf8(current))
        return { path: pathTo(place), message: 'must not contain the NUL character (U+0000)' };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], key: i, parent: place });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const message = problemWith(key);
        if (message) return { path: pathTo(place), message: `a key ${message}` };
      }
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: place });
    }
  }
  return null;
}

/** Refuses, as 400 `invalid` naming the place (`body.name: …`), a request part holding text that cannot be stored. */
export function refuseUnstorableText(value: unknown, where: string): void {
  const problem = findUnstorableText(value);
  if (!problem) return;
  const path = [where, ...problem.path].join('.');
  throw new Invalid(`${path}: ${problem.message}`, { issues: [{ path, message: problem.message }] });
}

const storableSchemas = new WeakMap<z.ZodType, z.ZodType>();

/**
 * `schema`, preceded by the same check: text that cannot be stored is the one issue reported, at its path, and the
 * schema does not run. For inputs parsed outside route(), such as socket frames.
 */
export function onlyStorableText<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, unknown> {
  let storable = storableSchemas.get(schema);
  if (!storable) {
    storable = z
      .unknown()
      .superRefine((value, ctx) => {
        const problem = findUnstorableText(value);
        if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      })
      .pipe(schema);
    storableSchemas.set(schema, storable);
  }
  return storable as z.ZodType<z.output<T>, unknown>;
}
