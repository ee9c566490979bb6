import net from 'node:net';

/**
 * Why an IP address is not on the public internet ('loopback', 'private', 'link-local'…), or null when it is.
 * Outbound fetches connect only to addresses this answers null for. IPv4 inside IPv6 (mapped, compatible, NAT64,
 * 6to4) is judged by the IPv4 address it carries; IPv6 outside global unicast (2000::/3) is refused whole.
 *
 * @example whyNotPublic('::ffff:127.0.0.1') // 'IPv4-mapped loopback'
 */
export function whyNotPublic(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (METADATA.has(bare.toLowerCase())) return 'cloud metadata';
  if (net.isIPv4(bare)) return ipv4Reason(ipv4Number(bare)!);
  if (net.isIPv6(bare)) return ipv6Reason(ipv6Groups(bare));
  return 'not an IP address';
}

/** The instance metadata services of the clouds (AWS, GCP and Azure share 169.254.169.254; Azure's wire server; Alibaba's). */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '168.63.129.16', '100.100.100.200']);

const V4_RANGES: ReadonlyArray<readonly [base: string, bits: number, reason: string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  // Reserved, and 255.255.255.255, the broadcast address.
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

const V4_REFUSED = V4_RANGES.map(([base, bits, reason]) => ({
  network: ipv4Number(base)!,
  mask: (0xffffffff << (32 - bits)) >>> 0,
  reason,
}));

/** A dotted-quad IPv4 address as a 32-bit number, or null. */
function ipv4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function ipv4Reason(n: number): string | null {
  for (const range of V4_REFUSED) if ((n & range.mask) >>> 0 === range.network) return range.reason;
  if (METADATA.has(ipv4Text(n))) return 'cloud metadata';
  return null;
}

function ipv4Text(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The eight 16-bit groups of a valid IPv6 address (a zone, `%eth0`, dropped; a dotted IPv4 tail read as two groups). */
function ipv6Groups(text: string): number[] {
  let rest = text.split('%')[0]!.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const n = ipv4Number(dotted[1]!)!;
    tail.push(n >>> 16, n & 0xffff);
    rest = rest.slice(0, -dotted[1]!.length);
    if (rest.endsWith(':') && !rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const hex = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const [head, after] = rest.split('::') as [string, string | undefined];
  const front = hex(head);
  const back = [...hex(after ?? ''), ...tail];
  if (after === undefined) return [...front, ...tail];
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function ipv6Reason(g: number[]): string | null {
  const embedded = (hi: number, lo: number) => ipv4Reason(((g[hi]! << 16) >>> 0) + g[lo]!);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d, the IPv4-mapped form: what it reaches is the IPv4 address.
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(6, 7) && `IPv4-mapped ${embedded(6, 7)}`;
  // ::a.b.c.d (IPv4-compatible, deprecated) and ::ffff:0:a.b.c.d (IPv4-translated): never routed on the internet.
  if (zeros(0, 6) || (zeros(0, 4) && g[4] === 0xffff && g[5] === 0)) return 'IPv4-compatible';
  // 64:ff9b::/96, NAT64 to the IPv4 internet; 64:ff9b:1::/48 is for local use.
  if (g[0] === 0x64 && g[1] === 0xff9b) return zeros(2, 6) ? embedded(6, 7) && `NAT64 ${embedded(6, 7)}` : 'NAT64 local use';
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if ((first & 0xe000) !== 0x2000) return 'reserved';
  // 2001::/23 holds Teredo (2001::/32), benchmarking, ORCHID; 2001:db8::/32 and 3fff::/20 are for documentation.
  if (first === 0x2001 && g[1]! < 0x0200) return 'IETF protocol assignments';
  if ((first === 0x2001 && g[1] === 0x0db8) || (first === 0x3fff && g[1]! < 0x1000)) return 'documentation';
  // 2002::/16, 6to4: the IPv4 address sits in the next 32 bits.
  if (first === 0x2002) return embedded(1, 2) && `6to4 ${embedded(1, 2)}`;
  return null;
}
