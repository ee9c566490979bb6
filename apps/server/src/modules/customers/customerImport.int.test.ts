import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ImportReport } from '@warmline/shared';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../cli/importCommand.ts';
import { buildAgent, buildConversation, buildWorkspace, client, type Signed, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { importCustomers } from './customerImport.ts';
import { attributeDefinitions } from './repository/attributes.ts';
import { customers } from './repository/customers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

/** Sends a file as the agent app does: the raw bytes, with content-type text/csv. */
async function postCsv(who: Signed, file: string | Buffer) {
  const res = await fetch(`${t.url}/api/v1/imports/customers`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'text/csv' },
    body: file,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered
  return { status: res.status, body: (await res.json()) as any };
}

async function importing(who: Signed, file: string | Buffer): Promise<ImportReport> {
  const res = await postCsv(who, file);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

// biome-ignore lint/suspicious/noExplicitAny: exports are read as the JSON the server wrote
async function exported(who: Signed, what: 'customers' | 'conversations'): Promise<any[]> {
  const res = await client(t, who).get(`/api/v1/exports/${what}?format=json`);
  expect(res.status).toBe(200);
  return res.body[what];
}

async function exportedCsv(who: Signed, what: 'customers' | 'conversations') {
  const res = await client(t, who).get(`/api/v1/exports/${what}?format=csv`);
  expect(res.status).toBe(200);
  return { res, records: parse(res.body as string, { columns: true }) as Array<Record<string, string>> };
}

/** A shop with an admin signed in, an agent who can own customers, and a typed custom attribute. */
async function shop() {
  const workspace = await buildWorkspace(t);
  const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
  const owner = await buildAgent(t, workspace, { displayName: 'Jonas Berg' });
  await attributeDefinitions.put(t.db, workspace.id, {
    key: 'plan',
    label: 'Plan',
    type: 'choice',
    choices: ['bread club', 'wholesale'],
  });
  return { workspace, admin, owner };
}

/** A customer already known to the workspace by one contact point, proven unless told otherwise. */
async function customerWith(
  workspace: { id: string },
  kind: 'email' | 'phone' | 'external',
  value: string,
  opts: { name?: string | null; verified?: boolean } = {},
) {
  const customer = await customers.create(t.db, workspace.id, { name: opts.name ?? null });
  await customers.addIdentity(t.db, workspace.id, { customerId: customer.id, kind, value, verified: opts.verified ?? true });
  return customer;
}

async function customerCount(workspaceId: string) {
  const [row] = await t.db.query<{ customers: number; identities: number; organizations: number; audits: number }>(
    `select (select count(*)::int from customers where workspace_id = $1) as customers,
            (select count(*)::int from identities where workspace_id = $1) as identities,
            (select count(*)::int from organizations where workspace_id = $1) as organizations,
            (select count(*)::int from audit_log where workspace_id = $1 and action = 'customers.imported') as audits`,
    [workspaceId],
  );
  return row!;
}

describe(`customer import (${backend})`, () => {
  it('imports a good file: proven contact points, owner, organization with role, and custom attributes', async () => {
    const { workspace, admin, owner } = await shop();
    const report = await importing(
      admin,
      [
        'Email,Name,phone,external_id,owner_email,organization,role,attr:plan',
        `ana@example.com,Ana Wanjiru,+254712345678,crm-1,${owner.email.toUpperCase()},Acme Bakery,buyer,wholesale`,
        'bo@example.com,Bo Lind,,,,acme bakery,decision_maker,',
        ',Cy Moss,,crm-3,,,,bread club',
      ].join('\r\n'),
    );
    expect(report).toEqual({ imported: 3, merged: 0, rejected: 0, rows: [] });

    const all = await exported(admin, 'customers');
    const ana = all.find((c) => c.email === 'ana@example.com');
    expect(ana).toMatchObject({
      name: 'Ana Wanjiru',
      phone: '+254712345678',
      externalId: 'crm-1',
      verified: true,
      erased: false,
      ownerEmail: owner.email,
      organizations: [{ name: 'Acme Bakery', role: 'buyer' }],
      attributes: { plan: 'wholesale' },
    });
    expect(all.find((c) => c.email === 'bo@example.com').organizations).toEqual([
      { name: 'Acme Bakery', role: 'decision_maker' },
    ]);
    expect(all.find((c) => c.externalId === 'crm-3')).toMatchObject({ name: 'Cy Moss', attributes: { plan: 'bread club' } });
    const identities = await customers.identities(t.db, workspace.id, ana.id);
    expect(identities.map((i) => [i.kind, i.value, i.verified])).toEqual([
      ['external', 'crm-1', true],
      ['email', 'ana@example.com', true],
      ['phone', '+254712345678', true],
    ]);
    expect(await customerCount(workspace.id)).toEqual({ customers: 3, identities: 5, organizations: 1, audits: 1 });
    const [audit] = await t.db.query<{ data: unknown }>(
      `select data from audit_log where workspace_id = $1 and action = 'customers.imported'`,
      [workspace.id],
    );
    expect(audit!.data).toEqual({ imported: 3, merged: 0, rejected: 0, rows: 3 });
  });

  it('refuses a file with an unknown column, naming the expected ones, and writes nothing', async () => {
    const { workspace, admin } = await shop();
    const res = await postCsv(admin, 'email,surname\nana@example.com,Wanjiru\n');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Unknown column "surname". Expected: name, email, phone, external_id, owner_email, organization, role, attr:<key>.',
    );
    expect((await postCsv(admin, '')).body.error.message).toMatch(/The file is empty/);
    expect((await postCsv(admin, 'email,name\r\n')).body.error.message).toMatch(/no customers in it/);
    expect((await customerCount(workspace.id)).customers).toBe(0);
  });

  it('refuses a file that is not UTF-8, and reads one that starts with a byte-order mark', async () => {
    const { workspace, admin } = await shop();
    const latin1 = Buffer.from('name,email\nJos\xe9 P\xe9rez,jose@example.com\n', 'latin1');
    const res = await postCsv(admin, latin1);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The file is not UTF-8 text. Save it as "CSV UTF-8" and import it again.');
    expect((await customerCount(workspace.id)).customers).toBe(0);

    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,email\nJosé Pérez,jose@example.com\n')]);
    expect(await importing(admin, withBom)).toMatchObject({ imported: 1, rejected: 0 });
    expect((await exported(admin, 'customers'))[0].name).toBe('José Pérez');
  });

  it('folds duplicate rows of one file into one customer and says which row they joined', async () => {
    const { admin } = await shop();
    const report = await importing(
      admin,
      'name,email,phone\nAna,ana@example.com,\n,ANA@example.com,+254712345678\nAnother Ana,,+254 712 345 678\nBo,bo@example.com,\n',
    );
    expect(report).toEqual({
      imported: 2,
      merged: 2,
      rejected: 0,
      rows: [
        { row: 3, outcome: 'merged', customerId: expect.any(String), reason: 'same person as row 2 (email ana@example.com)' },
        { row: 4, outcome: 'merged', customerId: expect.any(String), reason: 'same person as row 3 (phone +254712345678)' },
      ],
    });
    const all = await exported(admin, 'customers');
    expect(all).toHaveLength(2);
    const ana = all.find((c) => c.email === 'ana@example.com');
    expect(ana).toMatchObject({ id: report.rows[0]!.customerId, name: 'Ana', phone: '+254712345678' });
  });

  it('rejects rows with invalid emails, phones and ids, a field of 10,000 characters, or no contact point; the rest go in', async () => {
    const { workspace, admin } = await shop();
    const report = await importing(
      admin,
      [
        'name,email,phone,external_id,owner_email,organization,role',
        'Ana,ana@example.com,,,,,',
        'Bad Email,ana@@example.com,,,,,',
        'Bad Phone,,0712 345 678,,,,',
        `Long,${'x'.repeat(10_000)}@example.com,,,,,`,
        'Nobody,,,,,,',
        'Owner,cy@example.com,,,ghost@example.com,,',
        'Role,dee@example.com,,,,,buyer',
        'Bo,bo@example.com,+254712345678,crm-2,,,',
      ].join('\n'),
    );
    expect(report.imported).toBe(2);
    expect(report.rejected).toBe(6);
    expect(report.rows).toEqual([
      { row: 3, outcome: 'rejected', customerId: null, reason: 'email "ana@@example.com" is not a valid email address' },
      {
        row: 4,
        outcome: 'rejected',
        customerId: null,
        reason: 'phone "0712 345 678" is not a valid phone number (write it with its +country code)',
      },
      { row: 5, outcome: 'rejected', customerId: null, reason: 'email is 10012 characters long (at most 1000)' },
      { row: 6, outcome: 'rejected', customerId: null, reason: 'needs at least one of email, phone or external_id' },
      {
        row: 7,
        outcome: 'rejected',
        customerId: null,
        reason: 'owner_email "ghost@example.com" is not an agent of this workspace',
      },
      { row: 8, outcome: 'rejected', customerId: null, reason: 'role is given without an organization' },
    ]);
    expect((await customerCount(workspace.id)).customers).toBe(2);
  });

  it('merges a row into the existing customer who holds its email proven, and refuses one pointing at two people', async () => {
    const { workspace, admin } = await shop();
    const known = await customerWith(workspace, 'email', 'ana@example.com');
    const other = await customerWith(workspace, 'phone', '+254711111111', { name: 'Bo' });
    // Only typed into the widget, never proven: not enough to say who someone is.
    const unproven = await customerWith(workspace, 'email', 'cy@example.com', { name: 'Maybe Cy', verified: false });

    const report = await importing(
      admin,
      [
        'name,email,phone,attr:plan',
        'Ana Wanjiru,Ana@Example.com,+254712345678,wholesale',
        'Confused,ana@example.com,+254711111111,',
        'Cy,cy@example.com,,',
      ].join('\n'),
    );
    expect(report).toMatchObject({ imported: 1, merged: 1, rejected: 1 });
    expect(report.rows).toEqual([
      { row: 2, outcome: 'merged', customerId: known.id, reason: 'matched an existing customer by email ana@example.com' },
      {
        row: 3,
        outcome: 'rejected',
        customerId: null,
        reason: `its contact points belong to different customers (email ana@example.com → row 2, phone +254711111111 → customer ${other.id})`,
      },
    ]);
    const ana = (await customers.byId(t.db, workspace.id, known.id))!;
    expect(ana).toMatchObject({
      name: 'Ana Wanjiru',
      email: 'ana@example.com',
      phone: '+254712345678',
      attributes: { plan: 'wholesale' },
    });
    expect((await customers.identities(t.db, workspace.id, known.id)).map((i) => [i.value, i.verified])).toEqual([
      ['ana@example.com', true],
      ['+254712345678', true],
    ]);
    expect((await customers.byId(t.db, workspace.id, other.id))!.name).toBe('Bo');
    expect((await customers.identities(t.db, workspace.id, unproven.id)).map((i) => i.verified)).toEqual([false]);
    expect((await customerCount(workspace.id)).customers).toBe(4);
  });

  it('keeps the name an existing customer already has', async () => {
    const { workspace, admin } = await shop();
    const known = await customerWith(workspace, 'external', 'crm-9', { name: 'Ana W.' });
    await importing(admin, 'external_id,name,email\ncrm-9,Someone Else,ana@example.com\n');
    expect(await customers.byId(t.db, workspace.id, known.id)).toMatchObject({ name: 'Ana W.', email: 'ana@example.com' });
  });

  it('leaves nothing written when the import fails part-way', async () => {
    const { workspace, admin } = await shop();
    const known = await customerWith(workspace, 'email', 'known@example.com');
    const before = await customerCount(workspace.id);
    // The memberships are written last: failing there means customers, identities and organizations were already in.
    const marker = `Failing Org ${workspace.id}`;
    const fn = `fail_import_${workspace.id.replaceAll('-', '')}`;
    await t.db.exec(`
      create function ${fn}() returns trigger language plpgsql as $$
      begin
        if (select name from organizations where id = new.organization_id) = '${marker}' then
          raise exception 'the disk is full';
        end if;
        return new;
      end $$;
      create trigger ${fn} before insert on organization_members for each row execute function ${fn}();`);
    try {
      const res = await postCsv(
        admin,
        `name,email,organization\nAna,ana@example.com,Acme\nKnown,known@example.com,\nBo,bo@example.com,${marker}\n`,
      );
      expect(res.status).toBe(500);
    } finally {
      await t.db.exec(`drop trigger ${fn} on organization_members; drop function ${fn}();`);
    }
    expect(await customerCount(workspace.id)).toEqual(before);
    expect((await customers.byId(t.db, workspace.id, known.id))!.name).toBeNull();
  });

  it('lets only supervisors and admins import and export', async () => {
    const { workspace } = await shop();
    const agent = await signIn(t, await buildAgent(t, workspace, { role: 'agent' }));
    const res = await postCsv(agent, 'email\nana@example.com\n');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Importing customers is for supervisors and admins.');
    expect((await client(t, agent).get('/api/v1/exports/customers')).status).toBe(403);
    expect((await client(t, agent).get('/api/v1/exports/conversations?format=json')).status).toBe(403);
    expect((await customerCount(workspace.id)).customers).toBe(0);

    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor' }));
    expect(await importing(supervisor, 'email\nana@example.com\n')).toMatchObject({ imported: 1 });
    expect((await client(t).get('/api/v1/exports/customers')).status).toBe(401);
    expect((await fetch(`${t.url}/api/v1/imports/customers`, { method: 'POST', body: 'email\n' })).status).toBe(401);
  });

  it('refuses a file over 50 MB with 413 before reading it', async () => {
    const { workspace } = await shop();
    const big = `email\n${'a'.repeat(50 * 1024 * 1024)}`;
    await expect(importCustomers(t, { kind: 'system', workspaceId: workspace.id }, big)).rejects.toMatchObject({
      status: 413,
      message: 'The file is 51 MB; import at most 50 MB at a time.',
    });
  });

  it('keeps workspaces apart: an import into one never touches the other, and an export lists only its own', async () => {
    const a = await shop();
    const b = await shop();
    const bCustomer = await customerWith(b.workspace, 'email', 'ana@example.com', { name: 'Ana in B' });
    await buildConversation(t, b.workspace, 'Hello from B');

    const report = await importing(a.admin, 'name,email,organization\nAna in A,ana@example.com,Acme\n');
    expect(report).toMatchObject({ imported: 1, merged: 0 });
    expect(await customers.byId(t.db, b.workspace.id, bCustomer.id)).toMatchObject({ name: 'Ana in B' });
    expect(await customerCount(b.workspace.id)).toMatchObject({ customers: 2, organizations: 0, audits: 0 });

    const aCustomers = await exported(a.admin, 'customers');
    expect(aCustomers.map((c) => c.name)).toEqual(['Ana in A']);
    expect(aCustomers[0].id).not.toBe(bCustomer.id);
    expect(await exported(a.admin, 'conversations')).toEqual([]);
    const { res } = await exportedCsv(a.admin, 'customers');
    expect(res.body).not.toContain(bCustomer.id);
    expect(res.body).not.toContain('Ana in B');
  });
});

describe(`customer and conversation exports (${backend})`, () => {
  it('neutralises formulas in CSV cells so a spreadsheet shows them, and keeps the text as written in JSON', async () => {
    const { admin } = await shop();
    const formula = "=cmd|' /C calc'!A0";
    await importing(admin, `name,email,organization\n"${formula}",ana@example.com,@SUM(1+1)\n`);
    const { res, records } = await exportedCsv(admin, 'customers');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      name: `'${formula}`,
      email: 'ana@example.com',
      organizations: "'@SUM(1+1) (other)",
      verified: 'true',
      erased: 'false',
      'attr:plan': '',
    });
    expect((await exported(admin, 'customers'))[0].name).toBe(formula);
  });

  it('shows an erased customer as erased, without their contact data', async () => {
    const { workspace, admin } = await shop();
    await importing(admin, 'name,email,phone,attr:plan\nAna,ana@example.com,+254712345678,wholesale\nBo,bo@example.com,,\n');
    const ana = (await exported(admin, 'customers')).find((c) => c.name === 'Ana');
    await t.db.query('update customers set erased_at = now() where workspace_id = $1 and id = $2', [workspace.id, ana.id]);
    const erased = (await exported(admin, 'customers')).find((c) => c.id === ana.id);
    expect(erased).toMatchObject({ erased: true, name: null, email: null, phone: null, externalId: null, attributes: {} });
    const { records } = await exportedCsv(admin, 'customers');
    expect(records.find((r) => r.id === ana.id)).toMatchObject({ erased: 'true', name: '', email: '', phone: '' });
  });

  it('leaves out a customer merged into another', async () => {
    const { workspace, admin } = await shop();
    await importing(admin, 'name,email\nAna,ana@example.com\nAna again,ana2@example.com\n');
    const [first, second] = await exported(admin, 'customers');
    await t.db.query('update customers set merged_into = $3 where workspace_id = $1 and id = $2', [
      workspace.id,
      second.id,
      first.id,
    ]);
    expect((await exported(admin, 'customers')).map((c) => c.id)).toEqual([first.id]);
  });

  it('lists conversations with their channel, status, clocks and message count', async () => {
    const { workspace, admin } = await shop();
    const { conversationId } = await buildConversation(t, workspace, 'My order is late');
    const [conversation] = await exported(admin, 'conversations');
    expect(conversation).toMatchObject({
      id: conversationId,
      channel: 'chat',
      status: 'waiting',
      team: null,
      assignee: null,
      humanConnectedAt: null,
      resolvedAt: null,
      messageCount: 1,
    });
    expect(Date.parse(conversation.startedAt)).not.toBeNaN();
    const { records } = await exportedCsv(admin, 'conversations');
    expect(records).toEqual([
      expect.objectContaining({
        id: conversationId,
        customer_id: conversation.customerId,
        message_count: '1',
        assignee_email: '',
      }),
    ]);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await client(t).get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/imports/customers', '/api/v1/exports/customers', '/api/v1/exports/conversations']),
    );
    expect(doc.paths['/api/v1/exports/customers'].get.parameters).toEqual([
      expect.objectContaining({ name: 'format', in: 'query', required: false }),
    ]);
  });
});

describe(`warmline import customers (${backend})`, () => {
  function sink() {
    let text = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += chunk;
        done();
      },
    });
    return { stream, text: () => text };
  }

  async function run(args: string[]) {
    const stdout = sink();
    const stderr = sink();
    const code = await runImportCommand(args, async () => ({ ...t, release: async () => {} }), {
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  function file(text: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-import-'));
    const where = path.join(dir, 'customers.csv');
    fs.writeFileSync(where, text);
    return where;
  }

  it('imports as the system, prints the counts and one line per rejected row, and exits 0', async () => {
    const { workspace, admin } = await shop();
    const where = file('name,email\nAna,ana@example.com\nBad,not-an-email\n');
    expect(await run(['customers', where, '--workspace', workspace.key])).toEqual({
      code: 0,
      stdout: `${where} → ${workspace.name}: 1 imported, 0 merged, 1 rejected\nrow 3: email "not-an-email" is not a valid email address\n`,
      stderr: '',
    });
    expect((await exported(admin, 'customers')).map((c) => c.email)).toEqual(['ana@example.com']);
    const [audit] = await t.db.query<{ actorId: string | null }>(
      `select actor_id as "actorId" from audit_log where workspace_id = $1 and action = 'customers.imported'`,
      [workspace.id],
    );
    expect(audit).toEqual({ actorId: null });
  });

  it('exits 1 when the file or the workspace is refused, and 2 when the command line is wrong', async () => {
    const { workspace } = await shop();
    const badHeader = await run(['customers', file('mail\nana@example.com\n'), '--workspace', workspace.key]);
    expect(badHeader.code).toBe(1);
    expect(badHeader.stderr).toMatch(/Unknown column "mail"/);
    expect((await run(['customers', file('email\n'), '--workspace', 'no-such-shop'])).stderr).toBe(
      'No workspace has the key "no-such-shop".\n',
    );
    expect((await run(['customers', '/nonexistent/customers.csv', '--workspace', workspace.key])).code).toBe(1);
    for (const args of [
      [],
      ['customers', 'x.csv'],
      ['orders', 'x.csv', '--workspace', 'k'],
      ['customers', 'x.csv', '--wrokspace', 'k'],
    ]) {
      const usage = await run(args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr).toMatch(/Usage: warmline import customers <file.csv> --workspace <key>/);
    }
    expect((await customerCount(workspace.id)).customers).toBe(0);
  });
});
