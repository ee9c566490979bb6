import { z } from 'zod';

/**
 * What is wrong with `value` as a web address, or null: only absolute http(s) URLs with a host and without a user
 * name or password pass, so `javascript:`, `data:`, `vbscript:`, `file:` and the rest never reach a link, an image
 * or a fetch.
 *
 * @example webUrlProblem('javascript:alert(1)') // 'must be an http or https address, not javascript:'
 */
export function webUrlProblem(value: string): string | null {
  // Browsers drop tabs and newlines inside a URL ("java\tscript:"): the scheme is read the same way here.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  if (!scheme) return 'must be an absolute http or https address such as https://example.com/photo.png';
  if (scheme !== 'http' && scheme !== 'https') return `must be an http or https address, not ${scheme}:`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https address';
  if (!url.hostname) return 'needs a host name';
  if (url.username || url.password) return 'must not carry a user name or password';
  return null;
}

/** True for an address webUrlProblem finds nothing wrong with. */
export const isWebUrl = (value: string): boolean => webUrlProblem(value) === null;

/**
 * A picture Warmline serves itself: a stored file (`/files/<key>`) or one of the pictures it ships (`/avatars/…`).
 * Kept as a path, so it follows the server's own address.
 */
export const SERVED_IMAGE_PATH = /^\/(?:files|avatars)\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/**
 * A URL field: an absolute http(s) address (see webUrlProblem), trimmed, at most 2,000 characters; a 400 says what
 * is wrong. `servedPaths` also takes a path of a picture Warmline serves (SERVED_IMAGE_PATH).
 */
export function webUrl(opts: { servedPaths?: boolean } = {}) {
  return z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      if (opts.servedPaths && SERVED_IMAGE_PATH.test(value)) return;
      const problem = webUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** An absolute http(s) address: what every URL field takes. */
export const WebUrl = webUrl();
