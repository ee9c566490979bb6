/** A piece of a search snippet: plain text, and whether it is the part that matched. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const OPEN = '«';
const CLOSE = '»';

/**
 * Splits a search snippet into plain and matched parts. The server marks matches with « and »; the
 * result is rendered as text nodes and <mark> elements, never as HTML. A marker without its partner is
 * shown as the character it is, so a customer who typed « themselves reads what they wrote.
 *
 * @example splitSnippet('where is my «cake»?') // [{text:'where is my ',marked:false},{text:'cake',marked:true},{text:'?',marked:false}]
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let rest = snippet;
  while (rest) {
    const open = rest.indexOf(OPEN);
    const close = open === -1 ? -1 : rest.indexOf(CLOSE, open + 1);
    if (open === -1 || close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}
