/** Only the start of a message is read, so a 100,000-character paste is classified in bounded time. */
export const MAX_CHARS = 5_000;

/** Misspellings, chat shorthand and Swahili courtesy words, rewritten so the lexicon and the cues recognise them. */
const REWRITES: [RegExp, string][] = [
  [/\brecieved?\b/g, 'received'],
  [/\brecieve\b/g, 'receive'],
  [/\brealy\b/g, 'really'],
  [/\b(?:plz|pls|plse|pleez|pleaseee+)\b/g, 'please'],
  [/\b(?:thx|thnx|thanx|thnks|tnx|ty|thankyou|tks)\b/g, 'thanks'],
  [/\bwat\b/g, 'what'],
  [/\bwhy+\b/g, 'why'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\br\b/g, 'are'],
  [/\bim\b/g, "i'm"],
  [/\b(can|don|won|didn|doesn|isn|hasn|haven|wasn|aren|couldn|wouldn|shouldn)t\b/g, "$1't"],
  [/\bidk\b/g, "i don't know"],
  [/\basap\b/g, 'as soon as possible'],
  [/\bwtf\b/g, 'what the hell'],
  [/\bgr8\b/g, 'great'],
  [/\bamazin\b/g, 'amazing'],
  [/\bdissapointed\b/g, 'disappointed'],
  [/\bdisapointed\b/g, 'disappointed'],
  [/\bunacceptible\b/g, 'unacceptable'],
  [/\bredicul(?:ous|ouse)\b/g, 'ridiculous'],
  [/\bappreciat(?:ted)?\b/g, 'appreciated'],
  [/\basante sana\b/g, 'thank you so much'],
  [/\basante\b/g, 'thanks'],
  [/\bshukrani\b/g, 'thanks'],
  [/\btafadhali\b/g, 'please'],
  [/\bnimechoka\b/g, "i'm fed up"],
  [/\bhasira\b/g, 'anger'],
  [/\bharaka\b/g, 'urgent'],
  [/\bpole sana\b/g, "i'm so sorry"],
];

/** A message made ready to read: bounded, free of control characters, and in a lower-case rewritten form. */
export interface PreparedText {
  /** The bounded original, control characters removed (kept for case and emoji). */
  original: string;
  /** Lower case with misspellings, shorthand and Swahili words rewritten to English. */
  lower: string;
}

/** Bounds, cleans and rewrites a message before it is read. */
export function prepareText(text: string): PreparedText {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary junk is exactly what is removed here.
  const original = text.slice(0, MAX_CHARS).replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, ' ');
  let lower = original.toLowerCase().replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of REWRITES) lower = lower.replace(pattern, replacement);
  return { original, lower };
}
