import { createHash, type KeyObject, verify } from 'node:crypto';

/**
 * Checks a message's DKIM-Signature (rsa-sha256, relaxed/relaxed, RFC 6376 §3.4.2 and §3.4.4) against a public key:
 * the body hash and the signature over the signed headers. Returns what failed, or null when it verifies.
 */
export function dkimProblem(raw: string, publicKey: KeyObject): string | null {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const fields = head.split(/\r\n(?![ \t])/).map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), line };
  });
  const signature = fields.find((f) => f.name.toLowerCase() === 'dkim-signature');
  if (!signature) return 'no DKIM-Signature header';
  const tags = new Map(
    signature.line
      .slice(signature.line.indexOf(':') + 1)
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')).trim(), t.slice(t.indexOf('=') + 1).replace(/\s+/g, '')] as const),
  );
  if (tags.get('a') !== 'rsa-sha256' || tags.get('c') !== 'relaxed/relaxed')
    return `unexpected a=${tags.get('a')} c=${tags.get('c')}`;

  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ +$/, ''));
  while (lines.length && lines.at(-1) === '') lines.pop();
  const canonicalBody = lines.length ? `${lines.join('\r\n')}\r\n` : '';
  if (createHash('sha256').update(canonicalBody).digest('base64') !== tags.get('bh')) return 'the body hash does not match';

  const relaxed = (line: string) => {
    const colon = line.indexOf(':');
    const value = line
      .slice(colon + 1)
      .replace(/\r\n/g, '')
      .replace(/[ \t]+/g, ' ')
      .trim();
    return `${line.slice(0, colon).trim().toLowerCase()}:${value}`;
  };
  // Each name signed takes the last unused instance of that field, from the bottom up.
  const unused = fields.filter((f) => f !== signature);
  const signed = (tags.get('h') ?? '').split(':').flatMap((name) => {
    const at = unused.findLastIndex((f) => f.name.trim().toLowerCase() === name.toLowerCase());
    if (at < 0) return [];
    const [field] = unused.splice(at, 1);
    return [`${relaxed(field!.line)}\r\n`];
  });
  // The signature's own field is signed with its b= tag emptied (and no line break after it).
  const unsigned = relaxed(signature.line).replace(/([:;]\s*)b=[^;]*/, '$1b=');
  const data = signed.join('') + unsigned;
  const ok = verify('sha256', Buffer.from(data), publicKey, Buffer.from(tags.get('b') ?? '', 'base64'));
  return ok ? null : 'the signature does not verify';
}
