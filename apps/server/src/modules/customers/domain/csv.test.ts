import type { AttributeDefinition } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, type ImportColumn, type ImportRowContext, readImportHeader, readImportRow } from './csv.ts';

describe('writing CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 asks, and leaves plain text alone', () => {
    expect(csvRow(['Ana', 'Wanjiru, Jr.', 'said "hi"', 'two\nlines', null, 3, true])).toBe(
      'Ana,"Wanjiru, Jr.","said ""hi""","two\nlines",,3,true\r\n',
    );
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+254712345678')).toBe('+254712345678'); // a phone number runs nothing: kept as written
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('+254712345678+cmd')).toBe("'+254712345678+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, even negative ones', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(2.5)).toBe('2.5');
  });
});

describe('an import header', () => {
  it('accepts the known columns in any order and any case, and attr:<key> for custom attributes', () => {
    expect(readImportHeader([' Email', 'NAME', 'attr:Plan', 'role', 'organization', 'external_id'])).toEqual({
      ok: true,
      columns: [
        { field: 'email' },
        { field: 'name' },
        { attribute: 'plan' },
        { field: 'role' },
        { field: 'organization' },
        { field: 'external_id' },
      ],
    });
  });

  it('refuses unknown columns and lists the expected ones', () => {
    const check = readImportHeader(['email', 'Surname', '']);
    expect(check).toEqual({
      ok: false,
      problem:
        'Unknown columns "Surname", (unnamed column 3). Expected: name, email, phone, external_id, owner_email, organization, role, attr:<key>.',
    });
  });

  it('hints at commas when a spreadsheet saved the header with semicolons', () => {
    const check = readImportHeader(['name;email']);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/Separate the columns with commas\.$/);
  });

  it('refuses a repeated column and a header with no way to recognise anyone', () => {
    expect(readImportHeader(['email', 'Email'])).toEqual({ ok: false, problem: 'Column "email" appears more than once.' });
    const check = readImportHeader(['name', 'organization']);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/at least one of email, phone or external_id/);
  });
});

describe('an import row', () => {
  const definitions: AttributeDefinition[] = [
    { key: 'plan', label: 'Plan', type: 'choice', choices: ['bread club', 'wholesale'] },
  ];
  const context: ImportRowContext = {
    phoneCountry: 'KE',
    attributes: definitions,
    agentIdByEmail: new Map([['jonas@juniper-rye.example', 'agent-1']]),
  };
  const header = readImportHeader(['name', 'email', 'phone', 'external_id', 'owner_email', 'organization', 'role', 'attr:plan']);
  const columns = (header.ok ? header.columns : []) as ImportColumn[];
  const read = (cells: string[]) => readImportRow(columns, cells, context);

  it('comes out in stored form: contact points normalised, owner and attributes resolved', () => {
    expect(
      read([
        ' Ana Wanjiru ',
        'Ana@Example.COM',
        '0712 345 678',
        'crm-42',
        'Jonas@Juniper-Rye.example',
        'Acme',
        'Buyer',
        'wholesale',
      ]),
    ).toEqual({
      ok: true,
      row: {
        name: 'Ana Wanjiru',
        email: 'ana@example.com',
        phone: '+254712345678',
        externalId: 'crm-42',
        ownerAgentId: 'agent-1',
        organization: 'Acme',
        role: 'buyer',
        attributes: { plan: 'wholesale' },
      },
    });
  });

  it('puts a member of an organization without a role down as other', () => {
    const check = read(['', 'ana@example.com', '', '', '', 'Acme', '', '']);
    expect(check.ok === true && check.row.role).toBe('other');
  });

  it('names every problem in a row', () => {
    expect(read(['Ana', 'ana@', '12', '', 'nobody@example.com', '', 'buyer', 'gold'])).toEqual({
      ok: false,
      reason: [
        'email "ana@" is not a valid email address',
        'phone "12" is not a valid phone number (write it with its +country code)',
        'owner_email "nobody@example.com" is not an agent of this workspace',
        'role is given without an organization',
        'attr:plan: must be one of: bread club, wholesale',
      ].join('; '),
    });
  });

  it('refuses a row with no contact point, a field over 1,000 characters and control characters', () => {
    expect(read(['Ana', '', '', '', '', '', '', ''])).toEqual({
      ok: false,
      reason: 'needs at least one of email, phone or external_id',
    });
    expect(read(['x'.repeat(10_000), 'ana@example.com', '', '', '', '', '', ''])).toEqual({
      ok: false,
      reason: 'name is 10000 characters long (at most 1000)',
    });
    expect(read(['A\u0000na', 'ana@example.com', '', '', '', '', '', ''])).toEqual({
      ok: false,
      reason: 'name contains control characters',
    });
    expect(read(['Ana', 'ana@example.com', '', '', '', 'Acme', 'cousin', ''])).toMatchObject({
      ok: false,
      reason: 'role "cousin" must be one of: decision_maker, buyer, user, beneficiary, other',
    });
  });

  it('refuses a row whose field count differs from the header, and skips a blank one', () => {
    expect(read(['Ana', 'ana@example.com'])).toEqual({ ok: false, reason: 'has 2 fields but the header has 8' });
    expect(read(['', ' ', '', '', '', '', '', ''])).toEqual({ ok: 'blank' });
  });
});
