import type { AttributeDefinition, AttributeValue, MemberRole } from '@warmline/shared';
import { checkAttributes } from './attributes.ts';
import { describeInvalid, normaliseEmail, normaliseExternalId, normalisePhone } from './contactPoints.ts';

/**
 * Customer files in and out: CSV written so a spreadsheet shows it as text and never runs it, and import
 * rows read into checked values with a reason for every refusal.
 */

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and CR, may strip its way to one).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d[\d ]*(?:\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that would start a formula gets a leading `'`, so a spreadsheet shows it instead of running it. */
export function neutraliseFormula(text: string): string {
  // A phone number (+254 712 345 678) or a plain signed number cannot run anything: kept as written.
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, formulas neutralised.
 * Numbers and booleans are written as they are: they cannot carry a formula.
 *
 * @example csvCell('=1+2') // "'=1+2"
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

// ── import files ────────────────────────────────────────────────────────
export const IMPORT_FIELDS = ['name', 'email', 'phone', 'external_id', 'owner_email', 'organization', 'role'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** What one column of an import file holds: a field, or a custom attribute (`attr:<key>`). */
export type ImportColumn = { field: ImportField } | { attribute: string };

const CONTACT_FIELDS: readonly ImportField[] = ['email', 'phone', 'external_id'];
const MEMBER_ROLES: readonly MemberRole[] = ['decision_maker', 'buyer', 'user', 'beneficiary', 'other'];
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]*$/;
/** The longest value any one cell may hold. */
export const FIELD_MAX = 1_000;
const NAME_MAX = 200;

/** The columns an import file may have, as its error messages list them. */
export const EXPECTED_COLUMNS = `${IMPORT_FIELDS.join(', ')}, attr:<key>`;

export type HeaderCheck = { ok: true; columns: ImportColumn[] } | { ok: false; problem: string };

/** Reads an import file's header: names are case-insensitive and in any order; every column must be known. */
export function readImportHeader(cells: readonly string[]): HeaderCheck {
  const columns: ImportColumn[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (seen.has(name)) repeated.push(name);
    seen.add(name);
    if ((IMPORT_FIELDS as readonly string[]).includes(name)) columns.push({ field: name as ImportField });
    else if (name.startsWith('attr:') && ATTRIBUTE_KEY.test(name.slice(5))) columns.push({ attribute: name.slice(5) });
    else unknown.push(name === '' ? `(unnamed column ${index + 1})` : `"${cell.trim()}"`);
  });
  if (unknown.length > 0) {
    // A spreadsheet set to another locale saves with semicolons or tabs: the whole header lands in one cell.
    const hint = cells.length === 1 && /[;\t]/.test(cells[0]!) ? ' Separate the columns with commas.' : '';
    const list = unknown.join(', ');
    return {
      ok: false,
      problem: `Unknown column${unknown.length > 1 ? 's' : ''} ${list}. Expected: ${EXPECTED_COLUMNS}.${hint}`,
    };
  }
  if (repeated.length > 0) return { ok: false, problem: `Column "${repeated[0]}" appears more than once.` };
  if (!columns.some((c) => 'field' in c && CONTACT_FIELDS.includes(c.field))) {
    return { ok: false, problem: `The header needs at least one of email, phone or external_id. Expected: ${EXPECTED_COLUMNS}.` };
  }
  return { ok: true, columns };
}

/** One row of an import file, checked and in stored form. */
export interface ImportRow {
  name: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  ownerAgentId: string | null;
  organization: string | null;
  role: MemberRole | null;
  attributes: Record<string, AttributeValue>;
}

export interface ImportRowContext {
  /** The workspace's country for phone numbers written without +country; null when it has none. */
  phoneCountry: string | null;
  attributes: readonly AttributeDefinition[];
  /** The workspace's agents by lowercased email. */
  agentIdByEmail: ReadonlyMap<string, string>;
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; reason: string } | { ok: 'blank' };

/**
 * Checks one data row against its header. Every problem in the row is named, so one pass over a rejected
 * file is enough to fix it. A row with nothing in it is `blank` (spreadsheets leave those at the end).
 */
export function readImportRow(columns: readonly ImportColumn[], cells: readonly string[], context: ImportRowContext): RowCheck {
  if (cells.every((c) => c.trim() === '')) return { ok: 'blank' };
  if (cells.length !== columns.length) {
    return { ok: false, reason: `has ${cells.length} fields but the header has ${columns.length}` };
  }
  const problems: string[] = [];
  const fields = new Map<ImportField, string>();
  const rawAttributes: Record<string, string> = {};
  columns.forEach((column, i) => {
    const value = cells[i]!.trim();
    const label = 'field' in column ? column.field : `attr:${column.attribute}`;
    if (value.length > FIELD_MAX) problems.push(`${label} is ${value.length} characters long (at most ${FIELD_MAX})`);
    else if (hasControlCharacters(value)) problems.push(`${label} contains control characters`);
    else if (value === '') return;
    else if ('field' in column) fields.set(column.field, value);
    else rawAttributes[column.attribute] = value;
  });
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };

  const contact = (field: ImportField, normalise: (v: string) => string | null, kind: 'email' | 'phone' | 'external') => {
    const value = fields.get(field);
    if (value === undefined) return null;
    const normal = normalise(value);
    if (normal === null) problems.push(`${field} ${quote(value)} ${describeInvalid(kind)}`);
    return normal;
  };
  const email = contact('email', normaliseEmail, 'email');
  const phone = contact('phone', (v) => normalisePhone(v, context.phoneCountry), 'phone');
  const externalId = contact('external_id', normaliseExternalId, 'external');
  if (!CONTACT_FIELDS.some((f) => fields.has(f))) problems.push('needs at least one of email, phone or external_id');

  const name = fields.get('name') ?? null;
  if (name !== null && name.length > NAME_MAX) problems.push(`name is longer than ${NAME_MAX} characters`);

  let ownerAgentId: string | null = null;
  const ownerEmail = fields.get('owner_email');
  if (ownerEmail !== undefined) {
    ownerAgentId = context.agentIdByEmail.get(ownerEmail.toLowerCase()) ?? null;
    if (ownerAgentId === null) problems.push(`owner_email ${quote(ownerEmail)} is not an agent of this workspace`);
  }

  const organization = fields.get('organization') ?? null;
  if (organization !== null && organization.length > NAME_MAX) {
    problems.push(`organization is longer than ${NAME_MAX} characters`);
  }
  const roleText = fields.get('role');
  let role: MemberRole | null = organization === null ? null : 'other';
  if (roleText !== undefined) {
    const wanted = roleText.toLowerCase().replaceAll(' ', '_') as MemberRole;
    if (!MEMBER_ROLES.includes(wanted)) problems.push(`role ${quote(roleText)} must be one of: ${MEMBER_ROLES.join(', ')}`);
    else if (organization === null) problems.push('role is given without an organization');
    else role = wanted;
  }

  const attributes = checkAttributes(context.attributes, rawAttributes);
  if (!attributes.ok) problems.push(...attributes.problems.map((p) => `attr:${p}`));

  if (problems.length > 0 || !attributes.ok) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    row: { name, email, phone, externalId, ownerAgentId, organization, role, attributes: attributes.values },
  };
}

/** Line breaks and tabs may sit in a quoted cell; other control characters (NUL above all) cannot be stored as text. */
function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** A value quoted for a message: short, and with line breaks shown rather than broken. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}
