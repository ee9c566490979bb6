import { parseArgs } from 'node:util';
import pino from 'pino';
import { migrationReport } from './cli/migrationReport.ts';
import { ConfigError, loadConfig } from './core/config.ts';
import { DataDirLocked } from './core/db/lock.ts';
import { AppError } from './core/errors.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';
import { createAdmin, firstAdminLink } from './modules/auth/index.ts';

/** After SIGTERM, how long /readyz answers 503 before the node stops accepting connections (docs/deploy.md). */
const READINESS_GRACE_MS = 1000;
/** A graceful shutdown that takes longer than this is cut short (exit 1). */
const SHUTDOWN_LIMIT_MS = 30_000;

/** The command line was used wrongly: exit 2, like other command-line tools. */
class UsageError extends Error {}

import { openServices, startServer } from './server.ts';

const usage = `warmline — customer service that gets every customer to a named human, fast

Usage:
  warmline start [--demo] [--role all|web|worker]
                                             start the server (embedded database in ./data unless DATABASE_URL is set)
  warmline migrate                           apply database migrations and exit
  warmline emotion                           read JSON lines {"text": "…"} on stdin, write {"emotion","sentiment","upset"} per line
  warmline admin create --email E --name N [--password P]
                                             create an admin account (password also from WARMLINE_ADMIN_PASSWORD)
  warmline import customers <file.csv> --workspace <key>
                                             import customers from a CSV file (UTF-8, header row); prints one line per rejected row
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  if (command === 'emotion') {
    // Needs no database or configuration: it reads JSON lines on stdin and answers on stdout.
    const { runEmotionCommand } = await import('./cli/emotionCommand.ts');
    return runEmotionCommand(process.stdin, process.stdout, process.stderr);
  }
  const config = loadConfig();
  const log = pino({ level: config.logLevel });

  if (command === 'start') {
    const { values } = parseArgs({
      args: rest,
      options: { demo: { type: 'boolean' }, role: { type: 'string', default: 'all' } },
    });
    const role = values.role ?? 'all';
    if (role !== 'all' && role !== 'web' && role !== 'worker')
      throw new UsageError(`Unknown role "${role}": use all, web or worker.`);
    const started = Date.now();
    const server = await startServer(config, log, role);
    const roleNote = role === 'all' ? '' : `, ${role} node`;
    const lines = [
      `Warmline is running (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}, ${config.redisUrl ? 'Redis bus' : 'in-process bus'}${roleNote}) — ready in ${Date.now() - started} ms`,
    ];
    if (role === 'worker')
      lines.push(`  Runs durable jobs; health, readiness and metrics on ${server.url}/healthz, /readyz, /metrics`);
    else {
      lines.push(
        `  Agent app:  ${config.publicUrl}/app`,
        `  Demo shop:  ${config.publicUrl}/demo`,
        `  API docs:   ${config.publicUrl}/api/v1/openapi.json`,
      );
      if (server.inboundSmtp && config.inboundSmtp) {
        const addresses = config.inboundSmtp.addresses.map((a) => a.address).join(', ') || 'reply addresses only';
        lines.push(`  Receiving:  email by SMTP on ${config.inboundSmtp.host}:${server.inboundSmtp.port} for ${addresses}`);
      }
    }
    if (role !== 'web') {
      lines.push(
        config.smtp
          ? `  Email:      replies sent from ${config.smtp.from} through ${config.smtp.host}:${config.smtp.port}`
          : '  Email:      not set up (SMTP_HOST, SMTP_FROM): replies to customers who left a message cannot be emailed',
      );
      if (config.inboundImap) {
        lines.push(`  Mailboxes:  reading by IMAP ${config.inboundImap.mailboxes.map((m) => m.name).join(', ')}`);
      }
    }
    if (values.demo) {
      await seedDemo(server);
      lines.push(
        '',
        `Demo workspace "Juniper & Rye": sign in as amina@juniper-rye.example (or jonas@…, priya@…) with password ${DEMO_PASSWORD}`,
      );
    }
    const link = await firstAdminLink(server);
    if (link) lines.push('', 'First start: open this one-time link to create the first admin account:', `  ${link}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    log.info({ role }, 'shutting down: finishing what is under way');
    // A second signal, or a shutdown that hangs, ends the process at once.
    const force = () => process.exit(1);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    setTimeout(force, SHUTDOWN_LIMIT_MS).unref();
    await server.stop({ readinessGraceMs: READINESS_GRACE_MS });
    log.info({ role }, 'stopped');
    return 0;
  }

  if (command === 'migrate') {
    const services = await openServices(config, log);
    await services.release();
    process.stdout.write(`${migrationReport(services.migrationsApplied)}\n`);
    return 0;
  }

  if (command === 'admin' && rest[0] === 'create') {
    const { values } = parseArgs({
      args: rest.slice(1),
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    });
    const password = values.password ?? process.env.WARMLINE_ADMIN_PASSWORD;
    const problems = [
      !values.email?.includes('@') && '--email must be an email address',
      !values.name?.trim() && '--name is required',
      (!password || password.length < 10) &&
        'a password of at least 10 characters is required (--password or WARMLINE_ADMIN_PASSWORD)',
    ].filter(Boolean);
    if (problems.length) throw new UsageError(problems.join('\n'));
    const services = await openServices(config, log);
    try {
      const agent = await createAdmin(services, { email: values.email!, displayName: values.name!.trim(), password: password! });
      process.stdout.write(`Created admin ${agent.displayName} <${agent.email}>. Sign in at ${config.publicUrl}/app\n`);
    } finally {
      await services.release();
    }
    return 0;
  }

  if (command === 'import') {
    const { runImportCommand } = await import('./cli/importCommand.ts');
    return runImportCommand(rest, () => openServices(config, log), { stdout: process.stdout, stderr: process.stderr });
  }

  process.stderr.write(`Unknown command "${argv.join(' ')}".\n\n${usage}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError || err instanceof DataDirLocked || err instanceof AppError || err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err instanceof UsageError ? 2 : 1);
    }
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
