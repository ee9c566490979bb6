import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Services } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { checkImportSize, importCustomers } from '../modules/customers/index.ts';
import { workspaces } from '../modules/workspaces/index.ts';

export const IMPORT_USAGE = 'warmline import customers <file.csv> --workspace <key>';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `warmline import customers <file.csv> --workspace <key>`: imports the file as the system (no agent), prints
 * the counts and one line per rejected row. Resolves to the exit code: 0 when the file was read, even with
 * rejected rows; 1 when the file, or the workspace, was refused; 2 when the command line was wrong.
 */
export async function runImportCommand(
  args: string[],
  open: () => Promise<Services & { release(): Promise<void> }>,
  io: Io,
): Promise<number> {
  let values: { workspace?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { workspace: { type: 'string' } } }));
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\nUsage: ${IMPORT_USAGE}\n`);
    return 2;
  }
  const [what, path, ...extra] = positionals;
  if (what !== 'customers' || !path || extra.length > 0 || !values.workspace) {
    io.stderr.write(`Usage: ${IMPORT_USAGE}\n`);
    return 2;
  }

  let file: Buffer;
  try {
    checkImportSize((await stat(path)).size);
    file = await readFile(path);
  } catch (err) {
    const why = err instanceof AppError ? err.message : `cannot read it (${(err as NodeJS.ErrnoException).code ?? err})`;
    io.stderr.write(`${path}: ${why}\n`);
    return 1;
  }

  const services = await open();
  try {
    const workspace = await workspaces.byKey(services.db, values.workspace);
    if (!workspace) {
      io.stderr.write(`No workspace has the key "${values.workspace}".\n`);
      return 1;
    }
    const report = await importCustomers(services, { kind: 'system', workspaceId: workspace.id }, file);
    const lines = [
      `${path} → ${workspace.name}: ${report.imported} imported, ${report.merged} merged, ${report.rejected} rejected`,
      ...report.rows.filter((r) => r.outcome === 'rejected').map((r) => `row ${r.row}: ${r.reason}`),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    io.stderr.write(`${path}: ${err.message}\n`);
    return 1;
  } finally {
    await services.release();
  }
}
