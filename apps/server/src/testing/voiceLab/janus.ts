import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, freeUdpRange, hostAddress, type LabProcess, labDir, startLabProcess } from './labProcess.ts';

export interface Janus extends LabProcess {
  /** Janus's WebSocket transport, for the agent's browser. */
  url: string;
}

const LIBRARIES = '/usr/lib/x86_64-linux-gnu/janus';

/**
 * Debian's Janus with only the SIP plugin and the WebSocket transport (on a free loopback port). Its WebRTC side
 * offers the machine's non-loopback address, the only kind it will use; its SIP side and RTP stay on loopback. Like a
 * deployment, it accepts only requests with a token signed with `tokenSecret`.
 */
export async function startJanus(opts: { tokenSecret: string; maxCalls?: number }): Promise<Janus> {
  const dir = labDir('janus');
  for (const folder of ['plugins', 'transports', 'events', 'loggers']) fs.mkdirSync(path.join(dir, folder));
  fs.symlinkSync(`${LIBRARIES}/plugins/libjanus_sip.so`, path.join(dir, 'plugins/libjanus_sip.so'));
  fs.symlinkSync(`${LIBRARIES}/transports/libjanus_websockets.so`, path.join(dir, 'transports/libjanus_websockets.so'));
  const port = await freePort();
  const ports = Math.max(40, 4 * (opts.maxCalls ?? 0));
  const webrtc = await freeUdpRange(ports);
  const rtp = await freeUdpRange(ports);
  fs.writeFileSync(
    path.join(dir, 'janus.jcfg'),
    `general: {
  configs_folder = "${dir}"
  plugins_folder = "${dir}/plugins"
  transports_folder = "${dir}/transports"
  events_folder = "${dir}/events"
  loggers_folder = "${dir}/loggers"
  debug_level = 4
  server_name = "warmline-voicelab"
  session_timeout = 60
  token_auth = true
  token_auth_secret = "${opts.tokenSecret}"
}
media: {
  rtp_port_range = "${webrtc.min}-${webrtc.max}"
}
nat: {
  ice_enforce_list = "${hostAddress()}"
  ignore_mdns = true
}
`,
  );
  fs.writeFileSync(
    path.join(dir, 'janus.plugin.sip.jcfg'),
    `general: {
  local_ip = "127.0.0.1"
  keepalive_interval = 120
  behind_nat = false
  register_ttl = 600
  rtp_port_range = "${rtp.min}-${rtp.max}"
}
`,
  );
  fs.writeFileSync(
    path.join(dir, 'janus.transport.websockets.jcfg'),
    `general: {
  json = "plain"
  ws = true
  ws_port = ${port}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`,
  );
  const process = await startLabProcess({
    name: 'janus',
    command: '/usr/bin/janus',
    args: ['-C', path.join(dir, 'janus.jcfg'), '-F', dir, '-o'],
    cwd: dir,
    ready: (output) =>
      output().includes('JANUS SIP plugin initialized') &&
      output().includes('JANUS WebSockets transport plugin initialized') &&
      acceptsTcp(port),
  });
  return {
    ...process,
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
