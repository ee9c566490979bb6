import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findEngines } from './prerequisites.ts';
import { portOpen, startService, waitFor } from './processes.ts';
import { root } from './warmline.ts';

/** The deployment guide's nginx configuration: the tests run it as written, on their own ports. */
export const GUIDE_CONFIG = path.join(root, 'docs/deploy/nginx.conf');

export interface Nginx {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The guide's config with the servers of each upstream block replaced by `upstreamPorts` (keeping the options the
 * guide gives them) and its `listen` port by `port`. Throws when the guide no longer has the lines it tells
 * readers to edit.
 */
export function configFor(guide: string, upstreamPorts: number[], port: number): string {
  const serverLines = /(?:^[ \t]*server 127\.0\.0\.1:\d+[^\n]*\n)+/gm;
  if (!serverLines.test(guide)) throw new Error(`${GUIDE_CONFIG} has no "server 127.0.0.1:<port>" lines`);
  const withServers = guide.replace(serverLines, (block) => {
    const [, indent, options] = block.match(/^([ \t]*)server 127\.0\.0\.1:\d+([^\n]*)/)!;
    return upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${options}\n`).join('');
  });
  if (!/^\s*listen \d+;/m.test(withServers)) throw new Error(`${GUIDE_CONFIG} has no "listen <port>;" line`);
  return withServers.replace(/^([ \t]*)listen \d+;/m, `$1listen 127.0.0.1:${port};`);
}

/** Starts nginx in the foreground with a minimal main config that includes the guide's server config. */
export async function startNginx(upstreamPorts: number[], port: number): Promise<Nginx> {
  const bin = findEngines().nginx;
  if (!bin) throw new Error('nginx was not found');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-faults-nginx-'));
  // Worker processes drop to an unprivileged user when nginx starts as root: they must reach the temp folders.
  fs.chmodSync(dir, 0o777);
  fs.writeFileSync(path.join(dir, 'warmline.conf'), configFor(fs.readFileSync(GUIDE_CONFIG, 'utf8'), upstreamPorts, port));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${path.join(dir, t)};`)
    .join('\n');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
worker_rlimit_nofile 8192;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
${temp}
  include ${path.join(dir, 'warmline.conf')};
}
`,
  );
  const server = startService('nginx', bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;']);
  await waitFor(`nginx on port ${port}`, async () => {
    if (server.child.exitCode !== null) throw new Error(`nginx exited:\n${server.output()}`);
    return portOpen(port);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
