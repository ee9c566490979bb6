import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../apps/server/src/core/config.ts';
import type { Sql } from '../../apps/server/src/core/db/client.ts';
import { importCustomers } from '../../apps/server/src/modules/customers/customerImport.ts';
import { csvRow } from '../../apps/server/src/modules/customers/domain/csv.ts';
import { workspaces } from '../../apps/server/src/modules/workspaces/repository.ts';
import { newWorkspaceKey } from '../../apps/server/src/modules/workspaces/settings.ts';
import { openServices } from '../../apps/server/src/server.ts';
import type { Figure } from '../index.ts';
import { round } from '../size.ts';

const ROWS = 100_000;
const BATCH = 5_000;

interface Row {
  name: string;
  email: string;
  phone: string;
  externalId: string;
  organization: string | null;
  role: string | null;
}

/** A customer list as a shop exports it from its old system: every row distinct, one in ten in one of 500 businesses. */
function customerList(): Row[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    name: `Customer ${i}`,
    email: `customer.${i}@example.com`,
    // Kenyan mobile numbers, written with their country code.
    phone: `+25471${String(i).padStart(7, '0')}`,
    externalId: `crm-${i}`,
    organization: i % 10 === 0 ? `Business ${i % 500}` : null,
    role: i % 10 === 0 ? 'buyer' : null,
  }));
}

/**
 * customers.import_rate: a 100,000-row CSV imported into a fresh embedded database, from bytes to commit (UTF-8
 * check, parsing, every row checked, matches looked up, customers, proven identities, organizations and members
 * written in one transaction). Baseline: the same rows inserted into a plain table of text columns, batched the same
 * way, in one transaction, in the same database.
 */
export async function importRateFigure(): Promise<Figure> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-import-'));
  const services = await openServices(loadConfig({ WARMLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  try {
    const workspace = await workspaces.create(services.db, { name: 'Import bench', key: newWorkspaceKey() });
    const rows = customerList();
    const file = Buffer.from(
      csvRow(['name', 'email', 'phone', 'external_id', 'organization', 'role']) +
        rows.map((r) => csvRow([r.name, r.email, r.phone.replace('+254', '0'), r.externalId, r.organization, r.role])).join(''),
    );
    // National numbers: the workspace's country reads them, as it would for a Kenyan shop's own list.
    await services.db.query(`update workspaces set phone_country = 'KE' where id = $1`, [workspace.id]);

    const t0 = performance.now();
    const report = await importCustomers(services, { kind: 'system', workspaceId: workspace.id }, file);
    const importSeconds = (performance.now() - t0) / 1000;
    if (report.imported !== ROWS) {
      throw new Error(`expected ${ROWS} imported, got ${JSON.stringify({ ...report, rows: report.rows.slice(0, 3) })}`);
    }

    await services.db.exec(
      'create table bench_customer_rows (name text, email text, phone text, external_id text, organization text, role text)',
    );
    const t1 = performance.now();
    await services.db.transaction((tx) => bareInsert(tx, rows));
    const bareSeconds = (performance.now() - t1) / 1000;

    const rate = ROWS / importSeconds;
    const bareRate = ROWS / bareSeconds;
    return {
      bench: 'customers.import_rate',
      value: Math.round(rate),
      unit: 'rows/s',
      baseline: Math.round(bareRate),
      ratio: round(rate / bareRate),
      notes: `${ROWS.toLocaleString('en')} rows (${round(file.length / 1024 / 1024, 1)} MB, ${ROWS / 10} with an organization) into a fresh embedded database in ${round(importSeconds, 1)} s; baseline: the same rows batch-inserted into a plain table (${round(bareSeconds, 2)} s)`,
    };
  } finally {
    await services.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function bareInsert(sql: Sql, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await sql.query(
      `insert into bench_customer_rows select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        batch.map((r) => r.name),
        batch.map((r) => r.email),
        batch.map((r) => r.phone),
        batch.map((r) => r.externalId),
        batch.map((r) => r.organization),
        batch.map((r) => r.role),
      ],
    );
  }
}
