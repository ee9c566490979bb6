import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { whyNotPublic } from './publicAddress.ts';
import { type DialTarget, type OutboundNetwork, type RefusedBecause, type ResolvedAddress, safeFetch } from './safeFetch.ts';

// A public address the test's own resolver hands out; the test's dialer routes connections to it to a local server.
const PUBLIC = '93.184.215.14';
const seen: Array<{ url: string; host: string | undefined }> = [];
let server: http.Server;
let silent: net.Server;
let port: number;
let silentPort: number;
let closedPort: number;
const held: net.Socket[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', host: req.headers.host });
    const url = new URL(req.url ?? '/', 'http://local');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const n = Number(hop[1]);
      if (n < Number(url.searchParams.get('to'))) {
        res.writeHead(302, { location: `/hop/${n + 1}?to=${url.searchParams.get('to')}` }).end();
      } else res.writeHead(200, { 'content-type': 'text/plain' }).end(`arrived after ${n}`);
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    if (url.pathname === '/big') {
      // Declares its size honestly: refused before the body is read.
      res.writeHead(200, { 'content-length': String(2000) }).end(Buffer.alloc(2000));
      return;
    }
    if (url.pathname === '/stream') {
      // No length given: the body itself runs over the cap.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(100));
      res.end();
      return;
    }
    if (url.pathname === '/exact') {
      res.writeHead(200).end(Buffer.alloc(1000, 1));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  // Takes connections and never answers.
  silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
  // A port nothing listens on any more.
  const gone = net.createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  closedPort = (gone.address() as net.AddressInfo).port;
  await new Promise((resolve) => gone.close(resolve));
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => silent.close(resolve));
});

/** A network whose resolver answers from `names` and whose dialer reaches the local server for PUBLIC addresses. */
function network(names: Record<string, string[] | ((call: number) => string[])>, to = () => port) {
  const lookups: string[] = [];
  const dialed: DialTarget[] = [];
  const calls = new Map<string, number>();
  const net_: OutboundNetwork = {
    async lookup(hostname) {
      lookups.push(hostname);
      const call = (calls.get(hostname) ?? 0) + 1;
      calls.set(hostname, call);
      const entry = names[hostname];
      const addresses = typeof entry === 'function' ? entry(call) : entry;
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return addresses.map((address): ResolvedAddress => ({ address, family: net.isIP(address) as 4 | 6 }));
    },
    connect(target) {
      dialed.push(target);
      if (target.address !== PUBLIC) throw new Error(`the test dialer reaches only ${PUBLIC}, not ${target.address}`);
      return net.connect({ host: '127.0.0.1', port: to() });
    },
  };
  return { net: net_, lookups, dialed };
}

const options = { maxBytes: 1000, timeoutMs: 5000 };

/** The reason a fetch was refused with, or what it did instead. */
async function refusal(promise: Promise<unknown>): Promise<{ reason: RefusedBecause; message: string } | string> {
  try {
    await promise;
    return 'fetched';
  } catch (err) {
    if (!(err instanceof Invalid)) return `threw ${String(err)}`;
    return { reason: (err.details as { reason: RefusedBecause }).reason, message: err.message };
  }
}

describe('safeFetch', () => {
  it('fetches a public address, connecting to the address it vetted with the Host header of the name', async () => {
    const n = network({ 'photos.example': [PUBLIC] });
    const before = seen.length;
    const fetched = await safeFetch('http://photos.example/me.png?size=2', { ...options, network: n.net });
    expect(fetched).toMatchObject({ status: 200, contentType: 'text/plain', url: 'http://photos.example/me.png?size=2' });
    expect(fetched.body.toString()).toBe('hello');
    expect(n.dialed).toEqual([{ address: PUBLIC, family: 4, port: 80, hostname: 'photos.example', secure: false }]);
    expect(seen.slice(before)).toEqual([{ url: '/me.png?size=2', host: 'photos.example' }]);
  });

  it('resolves a name once and connects to that answer: a name that rebinds to 127.0.0.1 after the check reaches nothing new', async () => {
    const n = network({ 'rebind.example': (call) => (call === 1 ? [PUBLIC] : ['127.0.0.1']) });
    const fetched = await safeFetch('http://rebind.example/', { ...options, network: n.net });
    expect(fetched.body.toString()).toBe('hello');
    expect(n.lookups).toEqual(['rebind.example']);
    expect(n.dialed.map((d) => d.address)).toEqual([PUBLIC]);
  });

  const literal = [
    ['decimal', 'http://2130706433/'],
    ['hex', 'http://0x7f000001/'],
    ['octal', 'http://0177.0.0.1/'],
    ['short', 'http://127.1/'],
    ['mixed dotted hex', 'http://0x7f.0.0.1/'],
    ['IPv6-mapped dotted', 'http://[::ffff:127.0.0.1]/'],
    ['IPv6-mapped hex', 'http://[::ffff:7f00:1]/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv4-compatible', 'http://[::127.0.0.1]/'],
    ['unspecified', 'http://0.0.0.0/'],
    ['zero', 'http://0/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 172.16/12', 'http://172.31.255.1/'],
    ['private 192.168/16', 'https://192.168.1.1/'],
    ['CGNAT', 'http://100.64.0.1/'],
    ['link-local', 'http://169.254.10.10/'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['metadata, mapped', 'http://[::ffff:169.254.169.254]/'],
    ['metadata IPv6', 'http://[fd00:ec2::254]/'],
    ['unique-local', 'http://[fc00::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['multicast', 'http://224.0.0.1/'],
    ['IPv6 multicast', 'http://[ff02::1]/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['NAT64 of a private address', 'http://[64:ff9b::a00:1]/'],
    ['6to4 of loopback', 'http://[2002:7f00:1::]/'],
    ['localhost', 'http://localhost:8080/'],
    ['a name under localhost', 'http://api.localhost./'],
  ] as const;
  for (const [form, address] of literal) {
    it(`refuses ${form} (${address}) without a lookup or a connection`, async () => {
      const n = network({});
      const answer = await refusal(safeFetch(address, { ...options, network: n.net }));
      expect(answer).toEqual({
        reason: 'private_address',
        message: `The address ${address} points into a private network and is not fetched.`,
      });
      expect(n.lookups).toEqual([]);
      expect(n.dialed).toEqual([]);
    });
  }

  it('refuses a name when any of its addresses is private, whichever comes first', async () => {
    for (const addresses of [['10.0.0.1'], [PUBLIC, '10.0.0.1'], ['::ffff:10.0.0.1', PUBLIC], ['fd12::1'], ['169.254.169.254']]) {
      const n = network({ 'inside.example': addresses });
      const answer = await refusal(safeFetch('https://inside.example/photo.png', { ...options, network: n.net }));
      expect({ addresses, answer }).toEqual({
        addresses,
        answer: {
          reason: 'private_address',
          message: 'The address https://inside.example/photo.png points into a private network and is not fetched.',
        },
      });
      expect(n.dialed).toEqual([]);
    }
  });

  it('checks every redirect like the first address: a redirect to the metadata address or to a name inside is refused', async () => {
    for (const [to, shown] of [
      ['http://169.254.169.254/latest/meta-data/', 'http://169.254.169.254/latest/meta-data/'],
      ['http://2852039166/', 'http://169.254.169.254/'],
      ['http://inner.example/admin', 'http://inner.example/admin'],
    ] as const) {
      const n = network({ 'photos.example': [PUBLIC], 'inner.example': ['192.168.0.10'] });
      const start = `http://photos.example/redirect?to=${encodeURIComponent(to)}`;
      const answer = await refusal(safeFetch(start, { ...options, network: n.net }));
      expect(answer).toEqual({
        reason: 'private_address',
        message: `The address ${shown} (redirected from ${start}) points into a private network and is not fetched.`,
      });
      expect(n.dialed.map((d) => d.address)).toEqual([PUBLIC]);
    }
  });

  it('refuses a redirect to another scheme', async () => {
    for (const to of ['file:///etc/passwd', 'javascript:alert(1)', 'gopher://photos.example/']) {
      const n = network({ 'photos.example': [PUBLIC] });
      const answer = await refusal(
        safeFetch(`http://photos.example/redirect?to=${encodeURIComponent(to)}`, { ...options, network: n.net }),
      );
      expect(answer).toMatchObject({ reason: 'not_web_address' });
      expect(n.dialed).toHaveLength(1);
    }
  });

  it('follows three redirects, resolving each hop again, and refuses a fourth', async () => {
    const n = network({ 'photos.example': [PUBLIC] });
    const fetched = await safeFetch('http://photos.example/hop/0?to=3', { ...options, network: n.net });
    expect(fetched.body.toString()).toBe('arrived after 3');
    expect(fetched.url).toBe('http://photos.example/hop/3?to=3');
    expect(n.lookups).toHaveLength(4);
    const four = await refusal(safeFetch('http://photos.example/hop/0?to=4', { ...options, network: n.net }));
    expect(four).toEqual({
      reason: 'too_many_redirects',
      message: 'The address http://photos.example/hop/0?to=4 redirected more than 3 times.',
    });
  });

  it('refuses a body over the cap, whether its length is declared or not, and keeps one at the cap', async () => {
    const n = network({ 'photos.example': [PUBLIC] });
    for (const path of ['/big', '/stream']) {
      const answer = await refusal(safeFetch(`http://photos.example${path}`, { ...options, network: n.net }));
      expect(answer).toEqual({
        reason: 'too_large',
        message: `The address http://photos.example${path} sent more than 1000 bytes; nothing was kept.`,
      });
    }
    expect((await safeFetch('http://photos.example/exact', { ...options, network: n.net })).body).toHaveLength(1000);
  });

  it('gives up at the deadline on a server that never answers, and on a lookup that never ends', async () => {
    const quiet = network({ 'slow.example': [PUBLIC] }, () => silentPort);
    const started = performance.now();
    const answer = await refusal(safeFetch('http://slow.example/', { ...options, timeoutMs: 300, network: quiet.net }));
    expect(answer).toEqual({ reason: 'timeout', message: 'The address http://slow.example/ did not answer within 0.3 seconds.' });
    expect(performance.now() - started).toBeLessThan(4000);
    const stuck: OutboundNetwork = { ...quiet.net, lookup: () => new Promise(() => {}) };
    expect(await refusal(safeFetch('http://stuck.example/', { ...options, timeoutMs: 200, network: stuck }))).toMatchObject({
      reason: 'timeout',
    });
  });

  it('fetches only http and https, and never an address with credentials in it', async () => {
    const n = network({ 'photos.example': [PUBLIC] });
    for (const address of [
      'javascript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://photos.example/me.png',
      'gopher://photos.example/',
      'ws://photos.example/',
      '/relative/me.png',
      'photos.example/me.png',
    ]) {
      expect({ address, answer: await refusal(safeFetch(address, { ...options, network: n.net })) }).toMatchObject({
        address,
        answer: { reason: 'not_web_address' },
      });
    }
    expect(await refusal(safeFetch('http://me:secret@photos.example/', { ...options, network: n.net }))).toEqual({
      reason: 'credentials',
      message: 'The address http://me:secret@photos.example/ carries a user name or password and is not fetched.',
    });
    expect(n.lookups).toEqual([]);
  });

  it('names a host that does not exist, and one that cannot be reached, and tries the next vetted address', async () => {
    const n = network({});
    expect(await refusal(safeFetch('http://nowhere.example/', { ...options, network: n.net }))).toEqual({
      reason: 'not_found',
      message: 'The address http://nowhere.example/ could not be found: no such host.',
    });
    const closed = network({ 'down.example': [PUBLIC] }, () => closedPort);
    expect(await refusal(safeFetch('http://down.example/', { ...options, network: closed.net }))).toEqual({
      reason: 'unreachable',
      message: 'The address http://down.example/ could not be reached (ECONNREFUSED).',
    });
    // Two vetted addresses: the first refuses the connection, the second answers.
    const DOWN = '93.184.215.15';
    const two = network({ 'two.example': [DOWN, PUBLIC] });
    const dialed: string[] = [];
    const fallback: OutboundNetwork = {
      ...two.net,
      connect: (target) => {
        dialed.push(target.address);
        return target.address === DOWN ? net.connect({ host: '127.0.0.1', port: closedPort }) : two.net.connect(target);
      },
    };
    expect((await safeFetch('http://two.example/', { ...options, network: fallback })).body.toString()).toBe('hello');
    expect(dialed).toEqual([DOWN, PUBLIC]);
  });
});

describe('whyNotPublic', () => {
  it('lets public unicast through, IPv4 inside IPv6 included', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      PUBLIC,
      '2606:4700::1111',
      '2a00:1450:4001::1',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ]) {
      expect({ address, reason: whyNotPublic(address) }).toEqual({ address, reason: null });
    }
  });

  it('names the range of everything else', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '10.1.2.3',
          '172.16.0.1',
          '192.168.0.1',
          '100.127.255.254',
          '169.254.1.1',
          '169.254.169.254',
          '168.63.129.16',
          '0.1.2.3',
          '224.1.1.1',
          '255.255.255.255',
          '198.18.0.1',
          '::1',
          '::',
          '::ffff:127.0.0.1',
          '::ffff:7f00:1',
          '::ffff:0:7f00:1',
          'fd00:ec2::254',
          'fd12:3456::1',
          'fe80::1%eth0',
          'ff02::1',
          '2001:db8::1',
          '2001::1',
          '2002:a00:1::',
          '64:ff9b:1::1',
          '100::1',
          'not-an-ip',
        ].map((a) => [a, whyNotPublic(a)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '192.168.0.1': 'private',
      '100.127.255.254': 'carrier-grade NAT',
      '169.254.1.1': 'link-local',
      '169.254.169.254': 'cloud metadata',
      '168.63.129.16': 'cloud metadata',
      '0.1.2.3': 'unspecified',
      '224.1.1.1': 'multicast',
      '255.255.255.255': 'reserved or broadcast',
      '198.18.0.1': 'benchmarking',
      '::1': 'loopback',
      '::': 'unspecified',
      '::ffff:127.0.0.1': 'IPv4-mapped loopback',
      '::ffff:7f00:1': 'IPv4-mapped loopback',
      '::ffff:0:7f00:1': 'IPv4-compatible',
      'fd00:ec2::254': 'cloud metadata',
      'fd12:3456::1': 'unique-local',
      'fe80::1%eth0': 'link-local',
      'ff02::1': 'multicast',
      '2001:db8::1': 'documentation',
      '2001::1': 'IETF protocol assignments',
      '2002:a00:1::': '6to4 private',
      '64:ff9b:1::1': 'NAT64 local use',
      '100::1': 'reserved',
      'not-an-ip': 'not an IP address',
    });
  });
});
