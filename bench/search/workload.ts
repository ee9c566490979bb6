import type { Db } from '../../apps/server/src/core/db/client.ts';
import { FLAVOURS, PLACES, PRODUCTS } from './corpus.ts';

/** What an agent types, and why it is in the workload. */
export interface Phrase {
  kind: 'message' | 'rare' | 'name' | 'order';
  text: string;
}

/**
 * Forty phrases taken from the generated workspace: 20 runs of two or three words from messages spread over
 * the whole history, 8 starting at a word from the rare end of the vocabulary, 6 customers' full names and
 * 6 order numbers (half typed with their '#'). Deterministic for a given database.
 */
export async function pickPhrases(db: Db, workspaceId: string): Promise<Phrase[]> {
  const [{ first, last } = { first: 0, last: 0 }] = await db.query<{ first: number; last: number }>(
    `select min(id)::float8 as first, max(id)::float8 as last from entries where workspace_id = $1 and kind = 'message'`,
    [workspaceId],
  );
  /** The first message at or after a point `fraction` of the way through the history, containing `text` if given. */
  const messageAt = async (fraction: number, text: string | null = null) => {
    const [row] = await db.query<{ body: string; name: string | null }>(
      `select e.body, c.name from entries e join conversations v on v.id = e.conversation_id join customers c on c.id = v.customer_id
       where e.workspace_id = $1 and e.kind = 'message' and e.id >= $2 and ($3::text is null or e.body like '%' || $3 || '%') order by e.id limit 1`,
      [workspaceId, first + Math.floor(fraction * (last - first)), text],
    );
    return row ?? { body: '', name: null };
  };
  const phrases: Phrase[] = [];
  for (let k = 0; k < 20; k++) {
    const words = typedWords((await messageAt((k + 0.5) / 20)).body);
    const start = (k * 7) % Math.max(1, words.length - 2);
    phrases.push({ kind: 'message', text: words.slice(start, start + 2 + (k % 2)).join(' ') });
  }
  const rare = [...FLAVOURS.slice(-3), ...PRODUCTS.slice(-3), ...PLACES.slice(-2)];
  for (const [k, word] of rare.entries()) {
    const sought = typedWords(word);
    const words = typedWords((await messageAt(k / rare.length, word)).body);
    const at = Math.max(0, words.indexOf(sought[0]!));
    phrases.push({ kind: 'rare', text: words.slice(at, at + sought.length + 1).join(' ') || word });
  }
  for (let k = 0; k < 6; k++) phrases.push({ kind: 'name', text: (await messageAt((k + 0.3) / 6)).name ?? 'Grace Otieno' });
  for (let k = 0; k < 6; k++) {
    const number = /#(\d+)/.exec((await messageAt((k + 0.7) / 6, '#')).body)?.[1] ?? '104233';
    phrases.push({ kind: 'order', text: k % 2 ? `#${number}` : number });
  }
  return phrases;
}

/** Every prefix an agent's search box sees while the phrase is typed, from two characters on. */
export function keystrokes(text: string): string[] {
  const chars = [...text];
  return chars.slice(1).map((_, i) => chars.slice(0, i + 2).join(''));
}

/** Words as a person would type them back: no surrounding punctuation. */
function typedWords(body: string): string[] {
  return body
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}#]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}
