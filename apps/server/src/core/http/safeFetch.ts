import dns from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { Invalid } from '../errors.ts';
import { sizeInWords } from './byteSize.ts';
import { whyNotPublic } from './publicAddress.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** Where a vetted address is connected to: `address` has passed the check, `hostname` is for TLS. */
export interface DialTarget {
  address: string;
  family: 4 | 6;
  port: number;
  hostname: string;
  secure: boolean;
}

/**
 * How outbound fetches reach the network: `lookup` resolves names, `connect` opens a socket to an address that has
 * already been vetted (it is never handed anything else). Tests give their own of either.
 */
export interface OutboundNetwork {
  lookup: HostLookup;
  connect: (to: DialTarget) => Duplex;
}

export const internet: OutboundNetwork = {
  lookup: async (hostname) =>
    (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 })),
  connect: ({ address, port, hostname, secure }) =>
    secure
      ? // The certificate is checked against the name asked for (SNI), not the address connected to.
        tls.connect({ host: address, port, ...(net.isIP(hostname) ? {} : { servername: hostname }), ALPNProtocols: ['http/1.1'] })
      : net.connect({ host: address, port }),
};

export interface SafeFetchOptions {
  /** The body is refused once it passes this many bytes. */
  maxBytes: number;
  /** For the whole fetch, redirects and name lookups included. */
  timeoutMs: number;
  /** Redirects followed, each checked like the first address; 3 unless told. */
  maxRedirects?: number;
  accept?: string;
  network?: Partial<OutboundNetwork>;
}

export interface Fetched {
  /** The address that answered, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a fetch was refused, in `details.reason` of the Invalid it throws: clients and tests branch on these. */
export type RefusedBecause =
  | 'not_web_address'
  | 'credentials'
  | 'private_address'
  | 'not_found'
  | 'unreachable'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects';

function refused(reason: RefusedBecause, message: string, extra: Record<string, unknown> = {}): Invalid {
  return new Invalid(message, { reason, ...extra });
}

/** An address as refusals quote it: whole, unless it is very long. */
export function quoted(url: string | URL): string {
  const text = String(url);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * An HTTP(S) GET that cannot be turned against the server or its network (SSRF). Each address, the first and every
 * redirect's (at most 3), is resolved once; if any address of the name is private, loopback, link-local,
 * unique-local, CGNAT, multicast, unspecified, broadcast or a cloud metadata address (IPv4 inside IPv6 included) it
 * is refused, and otherwise the connection goes to those vetted addresses themselves, so a name that resolves
 * differently a moment later (DNS rebinding) reaches nothing new. Literal IPs in any spelling (`2130706433`,
 * `0x7f000001`, `0177.0.0.1`, `127.1`, `[::ffff:7f00:1]`) are read as the URL standard reads them and checked
 * the same way. The body stops at `maxBytes`, the whole fetch at `timeoutMs`. Every refusal is an Invalid naming
 * the address, with `details.reason`.
 *
 * @example const photo = await safeFetch('https://images.example/me.png', { maxBytes: 2 << 20, timeoutMs: 10_000 });
 */
export async function safeFetch(address: string, options: SafeFetchOptions): Promise<Fetched> {
  const network: OutboundNetwork = { ...internet, ...options.network };
  const maxRedirects = options.maxRedirects ?? 3;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const seconds = options.timeoutMs / 1000;
  const timedOut = () =>
    refused(
      'timeout',
      `The address ${quoted(address)} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    );
  try {
    let url = webAddress(address, quoted(address));
    for (let hop = 0; ; hop++) {
      // How this hop's address is named in a refusal: as it was given, or as a redirect reached it.
      const label = hop === 0 ? quoted(address) : `${quoted(url)} (redirected from ${quoted(address)})`;
      const answer = async () => {
        const targets = await vetted(url, label, network, deadline.signal);
        return firstAnswer(url, label, targets, network, options, deadline.signal);
      };
      const response = await answer().catch((err) => {
        throw deadline.signal.aborted ? timedOut() : err;
      });
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop >= maxRedirects) {
          throw refused('too_many_redirects', `The address ${quoted(address)} redirected more than ${maxRedirects} times.`);
        }
        const next = redirectTarget(location, url, address);
        url = webAddress(next, `${quoted(next)} (redirected from ${quoted(address)})`);
        continue;
      }
      const body = await bodyOf(response, options.maxBytes, label).catch((err) => {
        throw deadline.signal.aborted ? timedOut() : err;
      });
      return { url: url.href, status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? null, body };
    }
  } finally {
    clearTimeout(timer);
  }
}

function redirectTarget(location: string, from: URL, original: string): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw refused('not_web_address', `The address ${quoted(original)} redirected to something that is not an address.`);
  }
}

/** `text` parsed as an http(s) URL without credentials; `label` names it in a refusal. */
function webAddress(text: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('not_web_address', `The address ${label} is not a valid http or https URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused('not_web_address', `The address ${label} is not fetched: only http and https addresses are.`);
  }
  if (url.username || url.password) {
    throw refused('credentials', `The address ${label} carries a user name or password and is not fetched.`);
  }
  return url;
}

/**
 * The addresses `url`'s host stands for, every one of them public, or a refusal. A literal IP is judged as written
 * (the URL parser has already turned `127.1` or `0x7f000001` into `127.0.0.1`); a name is resolved once.
 */
async function vetted(url: URL, label: string, network: OutboundNetwork, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = hostOf(url);
  const privateNetwork = (range: string) =>
    refused('private_address', `The address ${label} points into a private network and is not fetched.`, { range });
  const family = net.isIP(host);
  if (family) {
    const reason = whyNotPublic(host);
    if (reason) throw privateNetwork(reason);
    return [{ address: host, family: family as 4 | 6 }];
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) throw privateNetwork('loopback');
  let addresses: ResolvedAddress[];
  try {
    addresses = await abortable(network.lookup(name), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw refused('not_found', `The address ${label} could not be found: no such host.`);
  }
  if (!addresses.length) throw refused('not_found', `The address ${label} could not be found: no such host.`);
  for (const { address } of addresses) {
    const reason = whyNotPublic(address);
    if (reason) throw privateNetwork(reason);
  }
  // IPv4 first: many hosts without an IPv6 route still get AAAA answers.
  return [...addresses].sort((a, b) => a.family - b.family);
}

/** The host of a URL without the brackets of an IPv6 literal. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new Error('aborted'));
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** The response of the first vetted address that takes the connection. */
async function firstAnswer(
  url: URL,
  label: string,
  targets: ResolvedAddress[],
  network: OutboundNetwork,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  let last: unknown;
  for (const target of targets) {
    try {
      return await getFrom(url, target, network, options, signal);
    } catch (err) {
      if (signal.aborted) throw err;
      last = err;
    }
  }
  const code = (last as NodeJS.ErrnoException | undefined)?.code;
  throw refused('unreachable', `The address ${label} could not be reached${code ? ` (${code})` : ''}.`);
}

function getFrom(
  url: URL,
  target: ResolvedAddress,
  network: OutboundNetwork,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  return new Promise((resolve, reject) => {
    const request = http.request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      setHost: false,
      headers: {
        host: url.host,
        'user-agent': 'Warmline',
        accept: options.accept ?? '*/*',
        'accept-encoding': 'identity',
        connection: 'close',
      },
      // No agent: the socket is made here, to the vetted address, and never pooled for another host.
      createConnection: () => network.connect({ ...target, port, hostname: hostOf(url), secure }),
      signal,
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

function bodyOf(response: IncomingMessage, maxBytes: number, label: string): Promise<Buffer> {
  const tooLarge = () =>
    refused('too_large', `The address ${label} sent more than ${sizeInWords(maxBytes)}; nothing was kept.`, {
      limitBytes: maxBytes,
    });
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        settle(() => reject(tooLarge()));
        response.destroy();
      }
    });
    response.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    response.on('error', (err) =>
      settle(() => reject(refused('unreachable', `The address ${label} stopped answering (${err.message}).`))),
    );
    response.on('aborted', () => settle(() => reject(refused('unreachable', `The address ${label} stopped answering.`))));
  });
}
