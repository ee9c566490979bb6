import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, freeUdpRange, type LabProcess, labDir, startLabProcess } from './labProcess.ts';

export interface Coturn extends LabProcess {
  /** `turn:127.0.0.1:<port>?transport=udp` */
  url: string;
  port: number;
}

/**
 * Debian's coturn on a free loopback port with the TURN REST shared secret (`use-auth-secret`). `peerRules` are
 * configuration lines about which peers may be relayed to; by default loopback peers are allowed, since both ends of a
 * test call live on this machine.
 */
export async function startCoturn(opts: { secret: string; peerRules?: string[] }): Promise<Coturn> {
  const dir = labDir('coturn');
  const port = await freePort();
  const relay = await freeUdpRange(40);
  const lines = [
    'listening-ip=127.0.0.1',
    'relay-ip=127.0.0.1',
    `listening-port=${port}`,
    `min-port=${relay.min}`,
    `max-port=${relay.max}`,
    'use-auth-secret',
    `static-auth-secret=${opts.secret}`,
    'realm=warmline.test',
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-multicast-peers',
    `userdb=${path.join(dir, 'turndb')}`,
    `pidfile=${path.join(dir, 'turnserver.pid')}`,
    'log-file=stdout',
    'simple-log',
    ...(opts.peerRules ?? ['allow-loopback-peers']),
  ];
  fs.writeFileSync(path.join(dir, 'turnserver.conf'), `${lines.join('\n')}\n`);
  const process = await startLabProcess({
    name: 'coturn',
    command: '/usr/bin/turnserver',
    args: ['-c', path.join(dir, 'turnserver.conf')],
    cwd: dir,
    ready: () => answersStunBinding(port),
  });
  return {
    ...process,
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    stop: async () => {
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends one STUN Binding request (RFC 5389) and says whether a response came back. */
function answersStunBinding(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt16BE(0, 2);
    request.writeUInt32BE(0x2112a442, 4);
    randomBytes(12).copy(request, 8);
    const done = (answered: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), 200);
    socket.once('message', (message) => done(message.readUInt16BE(0) === 0x0101));
    socket.once('error', () => done(false));
    socket.send(request, port, '127.0.0.1');
  });
}
