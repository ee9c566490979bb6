import type { CoachSuggestion } from '../coach.ts';
import { find, firstOfLists, type Span } from './text.ts';

/** Four or more words in capitals in a row. */
const CAPITALS_RUN = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[ \t,.'!?&/-]+\p{Lu}{2,}){3,}(?![\p{L}\p{N}])/u;

/** A draft, or four words in a row, in capitals. */
export function allCaps(text: string): CoachSuggestion | null {
  let cased = 0;
  let upper = 0;
  let span: Span | null = null;
  // The opening 2,000 characters tell a shouted draft; a shouted stretch further on is found as a run.
  for (const match of text.slice(0, 2000).matchAll(/\p{L}{2,}/gu)) {
    const word = match[0];
    const isUpper = word === word.toUpperCase();
    if (isUpper && word === word.toLowerCase()) continue; // a script without case
    cased += 1;
    if (!isUpper) continue;
    upper += 1;
    span = span ? [span[0], match.index + word.length] : [match.index, match.index + word.length];
  }
  const message = 'Capitals can read as shouting. Try normal case.';
  if (span && upper >= 3 && upper / cased >= 0.6) {
    return { rule: 'all_caps', severity: 'important', message, ...sentenceCase(text.slice(span[0], span[1])) };
  }
  const run = find(text, CAPITALS_RUN);
  return run && { rule: 'all_caps', severity: 'tip', message, ...sentenceCase(text.slice(run[0], run[1])), span: run };
}

function sentenceCase(shouted: string): { example?: string } {
  if (shouted.length > 160) return {};
  const lower = shouted.toLowerCase().replace(/\bi\b/g, 'I');
  return { example: lower.charAt(0).toUpperCase() + lower.slice(1) };
}

/** Words a customer may not know, and plainer ones. Case-sensitive: only the spellings listed count. */
const JARGON: { pattern: string; plain: string }[] = [
  { pattern: 'SKUs?|skus?|Skus?', plain: 'product code' },
  { pattern: 'RMAs?|rma', plain: 'return number' },
  { pattern: 'SLAs?|sla', plain: 'the time we promise to reply in' },
  {
    pattern:
      '[Ll][123](?: support| team| engineers?)?|(?:[Tt]ier|TIER) [123] support|(?:2nd|[Ss]econd|3rd|[Tt]hird)[- ]line support',
    plain: 'a specialist colleague',
  },
  { pattern: '[Bb]ack-?end|BACKEND', plain: 'our system' },
  { pattern: 'ETA code', plain: 'expected delivery time' },
  { pattern: '(?:[Pp]er (?:the |our )?)?(?:ToS|TOS)', plain: 'our terms' },
  { pattern: 'CRM', plain: 'our records' },
  { pattern: 'RCA', plain: 'what went wrong' },
  { pattern: '(?:KB|kb) articles?', plain: 'help article' },
  { pattern: 'OOS', plain: 'out of stock' },
  { pattern: 'WISMO', plain: 'where your order is' },
  { pattern: 'CSAT', plain: 'a one-question survey' },
  { pattern: 'EOD|COB', plain: 'the end of the day' },
  {
    pattern: '(?:[Ss]ev|SEV|P)[ -]?[1-4] (?:incident|issue|ticket)|(?:[Ss]ev|SEV)[ -]?[1-4]',
    plain: 'top priority',
  },
  { pattern: '[Pp]rovisioning|[Pp]rovisioned', plain: 'setting up' },
  { pattern: 'JIRA|Jira', plain: "our engineers' list" },
];
const findJargon = firstOfLists(
  JARGON.map((entry) => [entry.pattern]),
  '',
);

/** The first internal or technical term in the draft. */
export function jargon(text: string): CoachSuggestion | null {
  const found = findJargon(text);
  if (!found) return null;
  return {
    rule: 'jargon',
    severity: 'tip',
    message: 'They may not know this term. Plain words help.',
    example: JARGON[found.list]!.plain,
    span: found.span,
  };
}
