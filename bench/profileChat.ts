// `node --import tsx bench/profileChat.ts <dir>`: the chat throughput load against one Warmline started with
// --cpu-prof, so its profile (written to <dir> on exit) says where the message path's time goes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { throughput } from './chat/load.ts';
import { prepareShops, seedShops } from './chat/workspace.ts';
import { startWarmline } from './serverProcess.ts';

/** CPU ticks (1/100 s) by process, grouped by what the process is. */
function cpuByProcess(): Map<number, { what: string; ticks: number }> {
  const found = new Map<number, { what: string; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const what = cmd.includes('warmline.mjs')
        ? 'warmline'
        : cmd.startsWith('postgres')
          ? `postgres ${cmd.includes('[local]') ? 'backends' : cmd.split(':')[1]?.trim()}`
          : cmd.includes('profileChat')
            ? 'load generator'
            : 'other';
      found.set(Number(entry), { what, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {}
  }
  return found;
}

const profileDir = path.resolve(process.argv[2] ?? 'profiles');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-profile-chat-'));
const shops = await seedShops({ dataDir, databaseUrl: undefined }, 50);
const server = await startWarmline({
  dataDir,
  env: { DATABASE_URL: '' },
  nodeArgs: process.env.NO_PROFILE ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
try {
  const target = await prepareShops(server.url.replace('localhost', '127.0.0.1'), shops, 10);
  await throughput(target, { inFlight: 2, warmupMs: 0, measureMs: 3_000 });
  const before = cpuByProcess();
  const result = await throughput(target, { inFlight: 2, warmupMs: 1_000, measureMs: 8_000 });
  const after = cpuByProcess();
  const used = [...after].map(([pid, a]) => ({ what: a.what, ms: (a.ticks - (before.get(pid)?.ticks ?? 0)) * 10 }));
  const groups = new Map<string, number>();
  for (const u of used) groups.set(u.what, (groups.get(u.what) ?? 0) + u.ms);
  process.stdout.write(
    `CPU ms over the 9 s window: ${JSON.stringify(Object.fromEntries([...groups].filter(([, ms]) => ms > 50)))}\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (process.env.SHOW_OUTPUT) process.stdout.write(server.output());
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
