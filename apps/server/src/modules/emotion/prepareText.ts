/** Only the start of a message is read, so a 100,000-character paste is classified in bounded time. */
export const MAX_CHARS = 5_000;

/** Misspellings, chat shorthand and Swahili courtesy words, rewritten so the lexicon and the cues recognise them. */
const REWRITES: [RegExp, string][] = [
  [/\brecieved?\b/gi, 'received'],
  [/\brecieve\b/gi, 'receive'],
  [/\brealy\b/gi, 'really'],
  [/\b(?:plz|pls|plse|pleez|pleaseee+)\b/gi, 'please'],
  [/\b(?:thx|thnx|thanx|thnks|tnx|ty|thankyou|tks)\b/gi, 'thanks'],
  [/\bwat\b/gi, 'what'],
  [/\bwhy+\b/gi, 'why'],
  [/\bu\b/gi, 'you'],
  [/\bur\b/gi, 'your'],
  [/\br\b/gi, 'are'],
  [/\bim\b/gi, "i'm"],
  [/\b(can|don|won|didn|doesn|isn|hasn|haven|wasn|aren|couldn|wouldn|shouldn)t\b/gi, "$1't"],
  [/\bidk\b/gi, "i don't know"],
  [/\basap\b/gi, 'as soon as possible'],
  [/\bwtf\b/gi, 'what the hell'],
  [/\bgr8\b/gi, 'great'],
  [/\bamazin\b/gi, 'amazing'],
  [/\bdissapointed\b/gi, 'disappointed'],
  [/\bdisapointed\b/gi, 'disappointed'],
  [/\bunacceptible\b/gi, 'unacceptable'],
  [/\bredicul(?:ous|ouse)\b/gi, 'ridiculous'],
  [/\bappreciat(?:ted)?\b/gi, 'appreciated'],
  [/\b(?:weks|wks)\b/gi, 'weeks'],
  [/\b(?:dys)\b/gi, 'days'],
  [/\b(?:acount|acct)\b/gi, 'account'],
  [/\bhackd\b/gi, 'hacked'],
  [/\b(?:waitin|waitng|wating)\b/gi, 'waiting'],
  [/\b(?:woried|worryed|wori?ed)\b/gi, 'worried'],
  [/\b(?:refnd|refun)\b/gi, 'refund'],
  [/\bwheres\b/gi, "where's"],
  [/\b(?:urgnt|urgnet|urjent|urgant)\b/gi, 'urgent'],
  [/\bive\b/gi, "i've"],
  [/\babt\b/gi, 'about'],
  [/\b(?:giv)\b/gi, 'give'],
  [/\bbak\b/gi, 'back'],
  [/\bwhats\b/gi, "what's"],
  // Not having decided yet is not a delay: "we haven't decided yet", "bado hatujaamua", "todavía no lo hemos decidido".
  [/\b(i|we) (?:still )?(?:haven't|have not) (?:yet )?(?:decided|chosen)(?: yet)?\b/gi, '$1 are choosing'],
  [/\bbado (?:ha|si)(?:tu|m|wa)?(?:ja)?amua\b/gi, 'tunafikiria'],
  // A purchase order number: "PO" is not the lexicon's negative word.
  [/\bP\.?O\b/g, 'purchase order'],
  // The customer's own slip is not a failure ("I ordered the wrong size").
  [
    /\b(i|we) (\w+ )?(ordered|picked|chose|selected|bought|booked|entered|typed|sent|gave) (?:you |it )?(?:the|a|an) wrong\b/gi,
    '$1 $2$3 a different',
  ],
  // Reassurance, not a problem: "no worries" must not read as worry.
  [/\b(?:no worries|no problem|not a problem|no rush|no hurry|no stress|hakuna shida|hakuna matata)\b/gi, 'that is fine'],
  // Spanish chat shorthand.
  [/\b(?:xq|pq|x q)\b/gi, 'por que'],
  [/\b(?:porfa|porfis|xfa|xfavor)\b/gi, 'por favor'],
  [/\basante sana\b/gi, 'thank you so much'],
  [/\basante\b/gi, 'thanks'],
  [/\bshukrani\b/gi, 'thanks'],
  [/\btafadhali\b/gi, 'please'],
  [/\bnimechoka\b/gi, "i'm fed up"],
  [/\bsina hasira\b/gi, "i'm not angry"],
  [/\bhasira\b/gi, 'anger'],
  // "Haraka" is "quickly": urgent only as a plea ("haraka tafadhali", "msaada haraka").
  [/\b(?:haraka,? (?:tafadhali|please)|(?:tafadhali|please),? haraka|msaada (?:wa )?haraka)\b/gi, 'urgent, please'],
  [/\bharaka\b/gi, 'quickly'],
  [/\bpole sana\b/gi, "i'm so sorry"],
];

/** A message made ready to read: bounded, free of control characters, and in a lower-case rewritten form. */
export interface PreparedText {
  /** The bounded original, control characters removed (kept for case and emoji). */
  original: string;
  /** The original, accents folded, with misspellings, shorthand and Swahili words rewritten to English, case kept (for the lexicon). */
  rewritten: string;
  /** The rewritten text in lower case, accents folded (for the cues). */
  lower: string;
}

/** Bounds, cleans and rewrites a message before it is read. */
export function prepareText(text: string): PreparedText {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary junk is exactly what is removed here.
  const original = text.slice(0, MAX_CHARS).replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, ' ');
  // Accents folded first: "está" and "esta" read the same, and `\b` sees the whole word, so the English shorthand
  // below cannot take the "r" of "rápido" for "are" or the "im" of "imágenes" for "i'm".
  let rewritten = original
    .replace(/[’‘]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, replacement] of REWRITES) rewritten = rewritten.replace(pattern, replacement);
  const lower = rewritten.toLowerCase();
  return { original, rewritten, lower };
}
