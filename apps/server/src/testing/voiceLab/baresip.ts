import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Kamailio } from './kamailio.ts';
import { freePort, freeUdpRange, type LabProcess, labDir, startLabProcess, waitFor } from './labProcess.ts';

/** A SIP phone of the lab: answers every call by itself, dials on command, plays a tone and records what it hears. */
export interface SipPhone extends LabProcess {
  /** Its address at the registrar, such as `sip:+254712345678@127.0.0.1:5060`. */
  uri: string;
  dial(uri: string): Promise<void>;
  hangup(): Promise<void>;
  /** Bytes of decoded audio it has received so far, over all its calls. */
  heardBytes(): number;
  /** The call events it reported (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED…). */
  events(): string[];
}

/**
 * Debian's baresip as `user` (a number such as +254712345678), with auto-answer: registered at `registrar` as a
 * phone on it, or, without one, standing in for a SIP trunk on an address of its own (127.0.0.2) that kamailio
 * sends calls to and takes calls from.
 */
export async function startSipPhone(
  user: string,
  displayName: string,
  registrar: Kamailio | null,
  opts: { maxCalls?: number } = {},
): Promise<SipPhone> {
  const dir = labDir('baresip');
  const address = registrar ? '127.0.0.1' : '127.0.0.2';
  const sipPort = await freePortPair(address);
  const controlPort = await freePort();
  const rtp = await freeUdpRange(Math.max(20, 4 * (opts.maxCalls ?? 4)));
  fs.writeFileSync(
    path.join(dir, 'config'),
    [
      'poll_method epoll',
      `sip_listen ${address}:${sipPort}`,
      // baresip wants an address here, not an interface name.
      `net_interface ${address}`,
      'call_local_timeout 120',
      `call_max_calls ${opts.maxCalls ?? 4}`,
      'audio_player alsa,null',
      'audio_alert alsa,null',
      'audio_source ausine,440',
      `rtp_ports ${rtp.min}-${rtp.max}`,
      'jitter_buffer_delay 5-10',
      'module_path /usr/lib/baresip/modules',
      'module opus.so',
      'module g711.so',
      'module alsa.so',
      'module ausine.so',
      'module sndfile.so',
      'module ctrl_tcp.so',
      'module_tmp account.so',
      'module_app menu.so',
      `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
      `snd_path ${dir}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'accounts'),
    registrar
      ? `"${displayName}" <sip:${user}@127.0.0.1:${registrar.port}>;answermode=auto;regint=600;audio_codecs=opus/48000/2,pcmu,pcma\n`
      : `"${displayName}" <sip:${user}@${address}:${sipPort}>;answermode=auto;regint=0;audio_codecs=opus/48000/2,pcmu,pcma\n`,
  );
  fs.writeFileSync(path.join(dir, 'contacts'), '');
  const process = await startLabProcess({
    name: 'baresip',
    command: '/usr/bin/baresip',
    args: ['-f', dir],
    cwd: dir,
    // Ready once registered (kamailio then routes calls for this number to it); a trunk once it listens.
    ready: (output) => (registrar ? / 200 OK \(kamailio/.test(output()) : output().includes('baresip is ready')),
  });
  const control = await connectControl(controlPort);
  return {
    ...process,
    uri: registrar ? registrar.uriOf(user) : `sip:${user}@${address}:${sipPort}`,
    dial: (uri) => control.command('dial', uri),
    hangup: () => control.command('hangup', ''),
    heardBytes: () =>
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('-dec.wav'))
        .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0),
    events: () => control.events,
    stop: async () => {
      control.close();
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** baresip also listens for SIP over TLS on the next port up: both must be free. */
async function freePortPair(address: string): Promise<number> {
  return waitFor('two free consecutive ports', async () => {
    const port = await freePort();
    const next = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port + 1, address, () => server.close(() => resolve(true)));
    });
    return next ? port : null;
  });
}

/** baresip's ctrl_tcp: JSON commands and events in netstrings (`<length>:<json>,`). */
async function connectControl(port: number) {
  const socket = await waitFor('baresip control socket', () => {
    return new Promise<net.Socket | null>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(null));
    });
  });
  const events: string[] = [];
  const answers = new Map<string, (reply: { ok: boolean; data?: string }) => void>();
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length + 1) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString()) as {
        event?: boolean;
        type?: string;
        response?: boolean;
        ok?: boolean;
        data?: string;
        token?: string;
      };
      buffer = buffer.subarray(colon + 1 + length + 1);
      if (message.event && message.type) events.push(message.type);
      if (message.response && message.token) answers.get(message.token)?.(message as { ok: boolean; data?: string });
    }
  });
  let next = 0;
  return {
    events,
    command(command: string, params: string): Promise<void> {
      const token = String(++next);
      const body = JSON.stringify({ command, params, token });
      socket.write(`${Buffer.byteLength(body)}:${body},`);
      return new Promise((resolve, reject) => {
        answers.set(token, (reply) => {
          answers.delete(token);
          if (reply.ok) resolve();
          else reject(new Error(`baresip refused ${command}: ${reply.data ?? ''}`));
        });
      });
    },
    close: () => socket.destroy(),
  };
}
