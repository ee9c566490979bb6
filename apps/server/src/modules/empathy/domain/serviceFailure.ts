import type { EmotionReading } from '@warmline/shared';

// Loss, damage and money taken wrongly: the failures customers remember.
const LOSS_OR_DAMAGE: ReadonlyArray<[RegExp, string]> = [
  [/\bnever (?:arrived|came|got here|turned up|delivered)\b/, 'never arrived'],
  [/\b(?:did ?n[o']?t|has ?n[o']?t|hasn't|didn't) (?:arrive|come|get here)\b/, 'did not arrive'],
  [/\b(?:lost|missing|stolen)\b/, 'lost or missing'],
  [/\b(?:damaged|broken|smashed|crushed|cracked|shattered|dented|torn|leak(?:ed|ing))\b/, 'damaged'],
  [/\b(?:spoil(?:ed|t)|rotten|mou?ldy|stale|off|expired|ruined|burnt|burned)\b/, 'spoiled or ruined'],
  [/\b(?:charged (?:me )?twice|double[- ]charged|overcharged|charged (?:me )?again|taken (?:my )?money)\b/, 'charged wrongly'],
  [/\bwrong (?:order|item|size|product|cake|parcel|delivery)\b/, 'wrong order'],
];

/**
 * The rule that flags a service failure without waiting for an agent: an angry or frustrated customer
 * writing about loss, damage or money taken wrongly. Returns what they wrote about, or null.
 */
export function serviceFailureIn(text: string, reading: EmotionReading): string | null {
  if (reading.label !== 'angry' && reading.label !== 'frustrated') return null;
  const lower = text.slice(0, 5_000).toLowerCase().replace(/[’‘]/g, "'");
  for (const [pattern, what] of LOSS_OR_DAMAGE) if (pattern.test(lower)) return what;
  return null;
}
