import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildConversation, client, signIn } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import {
  customerCount,
  customerWith,
  exported,
  exportedCsv,
  importing,
  postCsv,
  shop,
  useServer,
} from './customerImport.testing.ts';
import { importCustomers } from './customerImport.ts';
import { customers } from './repository/customers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
});

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
