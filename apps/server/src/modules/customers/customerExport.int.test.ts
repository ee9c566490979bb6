import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../cli/importCommand.ts';
import { buildConversation, client } from '../../testing/factories.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';
import { customerCount, exported, exportedCsv, importing, shop, useServer } from './customerImport.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
  useServer(t);
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
