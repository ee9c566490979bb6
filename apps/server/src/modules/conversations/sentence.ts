/**
 * Ends a sentence once: an agent's words that already end in a full stop, "!", "?" or "…" keep their own ending
 * ("will take it from here." never becomes "will take it from here..").
 *
 * @example asSentence('Bo handles refunds') // 'Bo handles refunds.'
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (/[!?…]$/.test(trimmed) || /[^.]\.\.\.$/.test(trimmed)) return trimmed;
  return `${trimmed.replace(/\.+$/, '')}.`;
}
