import { EMAIL_FRAME_HIDE_QUOTES, EMAIL_FRAME_STYLE } from '@warmline/shared/emailFrame';

/** What an agent reads first of an email, and what is folded away until they ask: the history it quotes, a signature. */
export interface FoldedText {
  main: string;
  /** Quoted history and the signature, from the first line that starts them; empty when there is none. */
  folded: string;
}

/** Lines that begin what mail programs add below a message: quoted history, an attribution line, a signature. */
const FOLD_STARTS = [
  /^>/,
  /^On .+ wrote:$/,
  /^Le .+ a écrit ?:$/,
  /^Am .+ schrieb .+:$/,
  /^-{2,} ?Original Message ?-{2,}$/i,
  /^-{2,} ?Forwarded message ?-{2,}$/i,
  /^From: .+$/,
  /^-- ?$/,
  /^Sent from my /,
];

/** Splits an email's text where its quoted history or signature begins; the text before it is never empty. */
export function foldQuoted(text: string): FoldedText {
  const lines = text.split('\n');
  const at = lines.findIndex((line, i) => i > 0 && FOLD_STARTS.some((start) => start.test(line.trim() === '--' ? '--' : line)));
  if (at < 0) return { main: text, folded: '' };
  const main = lines.slice(0, at).join('\n').trimEnd();
  return main ? { main, folded: lines.slice(at).join('\n') } : { main: text, folded: '' };
}

/**
 * The document a sandboxed frame shows for an email's sanitised HTML: a CSP that lets nothing load but, once the agent
 * asks, its remote images; their addresses moved back from `data-remote-src` (http and https only) into `src`; and
 * quoted history (`blockquote`) hidden until asked.
 */
export function emailDocument(html: string, opts: { images: boolean; quoted: boolean }): string {
  const body = opts.images
    ? html.replace(/<img data-remote-src="(https?:\/\/[^"]*)"/g, (_, url: string) => `<img src="${url}"`)
    : html;
  // Within the app's own policy, which the frame inherits (inline style only by the hashes of these blocks).
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src ${opts.images ? 'https: http:' : "'none'"}`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<style>${EMAIL_FRAME_STYLE}</style>`,
    opts.quoted ? '' : `<style>${EMAIL_FRAME_HIDE_QUOTES}</style>`,
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

/** Whether the HTML has remote images an agent could choose to load. */
export const hasRemoteImages = (html: string): boolean => html.includes('<img data-remote-src="http');

/** Whether the HTML quotes earlier mail that is hidden until the agent asks. */
export const hasQuotedHtml = (html: string): boolean => html.includes('<blockquote');
