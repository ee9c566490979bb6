import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type AddressObject, simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import type { HeaderLines } from './automaticEmail.ts';
import { oneLine } from './composeReply.ts';
import { type EmailFile, emailFileName } from './emailFiles.ts';
import { mimeProblem } from './mimeLimits.ts';

/** How long one email may take to parse before it is kept raw instead. */
export const PARSE_TIMEOUT_MS = 5_000;
/** HTML longer than this is not turned into text (mailparser's own limit). */
const MAX_HTML_TO_PARSE = 2 * 1024 * 1024;

/** What the receiver reads of one email; `unreadable` says why nothing else could be read (it is kept raw). */
export interface ReadEmail {
  messageId: string | null;
  /** In-Reply-To, then References, newest first: the emails it says it answers. */
  answers: string[];
  from: { address: string; name: string | null } | null;
  subject: string | null;
  text: string;
  /** The HTML part, sanitised: no scripts, styles, forms, frames or links; remote images blocked (`data-remote-src`). */
  html: string | null;
  headers: HeaderLines;
  /** Its attachments and the inline parts that are not its text (a pasted picture), in the order they came. */
  files: EmailFile[];
  unreadable: string | null;
}

const UNREADABLE: Omit<ReadEmail, 'unreadable'> = {
  messageId: null,
  answers: [],
  from: null,
  subject: null,
  text: '',
  html: null,
  headers: {},
  files: [],
};

/** Text as stored: one line for headers (names, subjects), no control characters, bounded. */
function headerText(value: string | undefined | null, max = 300): string | null {
  if (!value) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const clean = oneLine(value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')).slice(0, max);
  return clean || null;
}

/** PostgreSQL stores no U+0000 in text. */
function storable(text: string): string {
  return text.replaceAll('\u0000', '');
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): ReadEmail['from'] {
  const first = (Array.isArray(from) ? from[0] : from)?.value[0];
  const address = first?.address?.trim().toLowerCase();
  return address ? { address, name: headerText(first?.name) } : null;
}

function idsOf(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list.map((id) => id.trim()).filter((id) => id.length > 0 && id.length <= 998);
}

/** Where a remote image's address is kept: never `src`, so nothing loads until an agent asks (and their app puts it back). */
export const REMOTE_IMAGE_ATTRIBUTE = 'data-remote-src';

/** An image's own `src` as a blocked remote address: http(s) only, whatever the email wrote in data attributes. */
function blockedImage(_tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const src = (attribs.src ?? '').trim();
  const kept: sanitizeHtml.Attributes = {};
  if (/^https?:\/\/[^\s"'<>]+$/i.test(src) && src.length <= 2048) kept[REMOTE_IMAGE_ATTRIBUTE] = src;
  for (const name of ['alt', 'width', 'height'] as const) if (attribs[name]) kept[name] = attribs[name];
  return { tagName: 'img', attribs: kept };
}

/**
 * The sanitiser's allowance: the structure and formatting of a letter, nothing that runs or reaches out. Links are
 * kept as their text; a remote image stays, blocked, with its address in `data-remote-src`; embedded and inline images
 * (`cid:`, `data:`) are dropped.
 */
export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'a'), 'img'],
    allowedAttributes: {
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      img: [REMOTE_IMAGE_ATTRIBUTE, 'alt', 'width', 'height'],
    },
    allowedSchemes: [],
    transformTags: { img: blockedImage },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs[REMOTE_IMAGE_ATTRIBUTE],
    disallowedTagsMode: 'discard',
  });
}

/**
 * Reads an email: refused before parsing when its structure is hostile (mimeLimits.ts), parsed by mailparser under
 * a time limit otherwise. An email that cannot be read is never an error: it comes back `unreadable`, to be kept raw.
 */
export async function readEmail(raw: Buffer, timeoutMs = PARSE_TIMEOUT_MS): Promise<ReadEmail> {
  const hostile = mimeProblem(raw);
  if (hostile) return { ...UNREADABLE, unreadable: hostile };
  // Fed in slices, so the parser yields between them: the time limit can fire, and stops the feeding when it does.
  const source = Readable.from(slices(raw), { objectMode: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      source.destroy();
      reject(new Error(`it took longer than ${timeoutMs / 1000} s to read`));
    }, timeoutMs);
  });
  try {
    const mail = await Promise.race([
      simpleParser(source, {
        skipImageLinks: true,
        skipTextLinks: true,
        skipTextToHtml: true,
        maxHtmlLengthToParse: MAX_HTML_TO_PARSE,
      }),
      timeout,
    ]);
    const headers: HeaderLines = {};
    for (const { key, line } of mail.headerLines) {
      headers[key] ??= line.slice(line.indexOf(':') + 1).trim();
    }
    return {
      messageId: headerText(mail.messageId, 998),
      answers: [...idsOf(mail.inReplyTo), ...idsOf(mail.references).reverse()].slice(0, 50),
      from: firstAddress(mail.from),
      subject: headerText(mail.subject),
      text: storable(mail.text ?? '')
        .replace(/\r\n/g, '\n')
        .trim(),
      html: typeof mail.html === 'string' ? storable(sanitiseEmailHtml(mail.html)) : null,
      headers,
      files: mail.attachments.map((a) => ({ name: emailFileName(a.filename), bytes: a.content })),
      unreadable: null,
    };
  } catch (err) {
    return { ...UNREADABLE, unreadable: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

function* slices(raw: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < raw.length; at += size) yield raw.subarray(at, at + size);
}

/** One email, one message: its Message-ID, or else a digest of who sent it and what it says. */
export function dedupeKeyOf(email: ReadEmail, sender: string, raw: Buffer): string {
  if (email.messageId) return `id:${email.messageId.toLowerCase()}`;
  const content = email.unreadable ? raw : `${sender}\n${email.subject ?? ''}\n${email.text}`;
  return `sha256:${createHash('sha256').update(sender).update('\n').update(content).digest('hex')}`;
}

/** A stable UUID from the dedupe key: the entry's clientId, so its conversation holds the email once. */
export function clientIdOf(dedupeKey: string): string {
  const hex = createHash('sha256').update(dedupeKey).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
