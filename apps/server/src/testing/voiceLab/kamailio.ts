import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, type LabProcess, labDir, startLabProcess } from './labProcess.ts';

export interface Kamailio extends LabProcess {
  port: number;
  /** Where SIP user agents register and send calls: `sip:127.0.0.1:<port>`. */
  proxy: string;
  /** The SIP address of a number or extension here: `sip:<user>@127.0.0.1:<port>`. */
  uriOf(user: string): string;
}

/** The smallest registrar and proxy that serves a phone line: REGISTER is saved, calls go to whoever registered. */
function kamailioConfig(port: number): string {
  return `#!KAMAILIO
debug=2
log_stderror=yes
children=2
auto_aliases=no
listen=udp:127.0.0.1:${port}
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
modparam("usrloc", "db_mode", 0)

request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
  if (has_totag()) {
    if (loose_route()) { t_relay(); exit; }
    if (is_method("ACK")) { if (t_check_trans()) { t_relay(); } exit; }
    sl_send_reply("404", "Not here"); exit;
  }
  if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
  t_check_trans();
  if (is_method("REGISTER")) { save("location"); exit; }
  if (is_method("OPTIONS") && $rU == $null) { sl_send_reply("200", "OK"); exit; }
  if (is_method("INVITE")) { record_route(); }
  if (!lookup("location")) { sl_send_reply("404", "Not Found"); exit; }
  t_relay();
}
`;
}

/**
 * Debian's kamailio as the lab's SIP registrar and proxy, on a free loopback UDP port: the lab's own minimal
 * configuration, or the one `configure` writes for that port.
 */
export async function startKamailio(configure: (port: number) => string = kamailioConfig): Promise<Kamailio> {
  const dir = labDir('kamailio');
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'kamailio.cfg'), configure(port));
  const process = await startLabProcess({
    name: 'kamailio',
    command: '/usr/sbin/kamailio',
    // -DD: stay in the foreground (so the test owns it), -E: log to stderr, -Y: runtime files in the lab's directory.
    args: ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-Y', dir, '-P', path.join(dir, 'kamailio.pid')],
    cwd: dir,
    ready: () => answersOptions(port),
  });
  return {
    ...process,
    port,
    proxy: `sip:127.0.0.1:${port}`,
    uriOf: (user) => `sip:${user}@127.0.0.1:${port}`,
    stop: async () => {
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends a SIP OPTIONS and says whether kamailio answered it. */
function answersOptions(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port;
      const tag = randomBytes(6).toString('hex');
      const request = [
        `OPTIONS sip:127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${tag}`,
        'Max-Forwards: 10',
        `From: <sip:probe@127.0.0.1>;tag=${tag}`,
        `To: <sip:127.0.0.1:${port}>`,
        `Call-ID: ${tag}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(request, port, '127.0.0.1');
    });
    const done = (answered: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), 200);
    // Any answer means it is up: the deployment's configuration turns away a stranger's OPTIONS with 403.
    socket.once('message', (message) => done(message.toString().startsWith('SIP/2.0 ')));
    socket.once('error', () => done(false));
  });
}
