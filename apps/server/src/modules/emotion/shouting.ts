/** Shouting: at least three Latin words and most of them in capitals ("WHERE IS MY ORDER"). */
export function isShouting(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z']+/g) ?? [];
  if (words.length < 3) return false;
  const loud = words.filter((word) => /[A-Z]{2}/.test(word) && word === word.toUpperCase()).length;
  return loud >= 3 && loud / words.length >= 0.6;
}
