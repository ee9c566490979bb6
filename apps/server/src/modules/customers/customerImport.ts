import { randomUUID } from 'node:crypto';
import type { ImportReport } from '@warmline/shared';
import { parse } from 'csv-parse/sync';
import type { AgentActor, Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { AppError, Conflict, Forbidden, Invalid } from '../../core/errors.ts';
import { audit } from '../workspaces/index.ts';
import { type ImportRow, type ImportRowContext, readImportHeader, readImportRow } from './domain/csv.ts';
import { type ContactPoint, contactKey, contactPointsOf, type ImportPlan, planImport } from './domain/importPlan.ts';
import { attributeDefinitions } from './repository/attributes.ts';
import { customerImport } from './repository/customerImport.ts';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

/** Who imports: an agent from the app or the API, or the command line on the server (no one signed in). */
export type ImportActor = AgentActor | { kind: 'system'; workspaceId: string };

type Checked = Array<{ row: number; data: ImportRow }>;

/**
 * Imports customers from a CSV file into the actor's workspace, all or nothing. A whole-file problem (not
 * UTF-8, not CSV, an unknown column, too big, empty) refuses the file; a bad row is refused with its reason
 * while the others go in. A row whose contact point is proven on an existing customer, or given by an earlier
 * row, is merged into that customer. The business vouches for its own records: imported contact points are proven.
 */
export async function importCustomers(services: Services, actor: ImportActor, file: Buffer | string): Promise<ImportReport> {
  if (actor.kind === 'agent' && actor.role === 'agent') throw new Forbidden('Importing customers is for supervisors and admins.');
  const workspaceId = actor.workspaceId;
  const [header, ...records] = readRecords(file);
  const head = readImportHeader(header!);
  if (!head.ok) throw new Invalid(head.problem);
  if (records.length === 0) throw new Invalid('The file has a header but no customers in it.');

  // Rows are checked before the transaction opens: on the embedded database a transaction holds up everyone else.
  const context: ImportRowContext = {
    phoneCountry: await customerImport.phoneCountry(services.db, workspaceId),
    attributes: await attributeDefinitions.list(services.db, workspaceId),
    agentIdByEmail: await customerImport.agentIdsByEmail(services.db, workspaceId),
  };
  const refused: ImportReport['rows'] = [];
  const checked: Checked = [];
  records.forEach((cells, i) => {
    const row = i + 2;
    const check = readImportRow(head.columns, cells, context);
    if (check.ok === true) checked.push({ row, data: check.row });
    else if (check.ok === false) refused.push({ row, outcome: 'rejected', customerId: null, reason: check.reason });
  });

  try {
    return await services.db.transaction(async (tx) => {
      const holders = await customerImport.verifiedHolders(tx, workspaceId, uniquePoints(checked));
      const plan = planImport(checked, holders, randomUUID);
      await write(tx, workspaceId, plan);
      const rows = [...refused, ...plan.rows].sort((a, b) => a.row - b.row);
      const report: ImportReport = {
        imported: plan.imported,
        merged: plan.merged,
        rejected: rows.filter((r) => r.outcome === 'rejected').length,
        rows,
      };
      await audit.record(tx, workspaceId, {
        actorId: actor.kind === 'agent' ? actor.agentId : null,
        action: 'customers.imported',
        subjectType: 'workspace',
        subjectId: workspaceId,
        data: { imported: report.imported, merged: report.merged, rejected: report.rejected, rows: records.length },
      });
      return report;
    });
  } catch (err) {
    // 23505: a contact point was proven on someone else, 23503: an owner removed, both while the file was importing.
    const code = (err as { code?: string }).code;
    if (code === '23505' || code === '23503') {
      throw new Conflict(
        'Someone changed these customers or agents while the file was importing; nothing was imported. Import it again.',
      );
    }
    throw err;
  }
}

/** Refuses a file over the size limit (413), before anyone reads it into memory. */
export function checkImportSize(bytes: number): void {
  if (bytes <= IMPORT_MAX_BYTES) return;
  const mb = (n: number) => Math.ceil(n / 1024 / 1024);
  throw new AppError(
    'payload_too_large',
    413,
    `The file is ${mb(bytes)} MB; import at most ${mb(IMPORT_MAX_BYTES)} MB at a time.`,
  );
}

/** The file's records, header first. Whole-file problems are thrown here, before anything is written. */
function readRecords(file: Buffer | string): string[][] {
  checkImportSize(typeof file === 'string' ? Buffer.byteLength(file) : file.length);
  let text: string;
  if (typeof file === 'string') text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  else {
    try {
      // Strips a byte-order mark; refuses what is not UTF-8 rather than guessing at it.
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw new Invalid('The file is not UTF-8 text. Save it as "CSV UTF-8" and import it again.');
    }
  }
  if (text.trim() === '') throw new Invalid('The file is empty. The first row names the columns, then one row per customer.');
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: IMPORT_MAX_ROWS + 2 });
  } catch (err) {
    throw new Invalid(`The file is not valid CSV: ${(err as Error).message}`);
  }
  if (records.length > IMPORT_MAX_ROWS + 1) {
    throw new Invalid(`The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} customers; split it into smaller files.`);
  }
  return records;
}

function uniquePoints(rows: Checked): ContactPoint[] {
  const points = new Map<string, ContactPoint>();
  for (const { data } of rows) for (const point of contactPointsOf(data)) points.set(contactKey(point), point);
  return [...points.values()];
}

async function write(tx: Sql, workspaceId: string, plan: ImportPlan): Promise<void> {
  const organizationNames = new Map<string, string>();
  for (const c of plan.customers)
    for (const [key, m] of c.memberships) if (!organizationNames.has(key)) organizationNames.set(key, m.organization);
  const organizationIds = await customerImport.findOrCreateOrganizations(tx, workspaceId, [...organizationNames.values()]);
  await customerImport.insertCustomers(
    tx,
    workspaceId,
    plan.customers.filter((c) => c.isNew),
  );
  await customerImport.updateCustomers(
    tx,
    workspaceId,
    plan.customers.filter((c) => !c.isNew),
  );
  await customerImport.addVerifiedIdentities(
    tx,
    workspaceId,
    plan.customers.flatMap((c) => [...c.identities.values()].map((p) => ({ customerId: c.id, ...p }))),
  );
  await customerImport.putMemberships(
    tx,
    workspaceId,
    plan.customers.flatMap((c) =>
      [...c.memberships].map(([key, m]) => ({ organizationId: organizationIds.get(key)!, customerId: c.id, role: m.role })),
    ),
  );
}
