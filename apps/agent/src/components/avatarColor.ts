/** Warm, calm circle colours for people without a photo; white text reads on each. */
const PALETTE = ['#c2410c', '#b45309', '#0f766e', '#4d7c0f', '#9a3412', '#7c2d12', '#115e59', '#a16207', '#be123c', '#57534e'];

/** Up to two initials: "Amina Diallo" → "AD", "ben" → "B". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The same name always gets the same colour. */
export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
