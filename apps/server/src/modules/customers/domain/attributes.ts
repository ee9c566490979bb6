import type { AttributeDefinition, AttributeValue } from '@warmline/shared';

export type AttributeCheck = { ok: true; values: Record<string, AttributeValue> } | { ok: false; problems: string[] };

const TEXT_MAX = 2_000;

/**
 * Checks custom attribute values against the workspace's definitions and returns them in stored form
 * (numbers as numbers, dates as YYYY-MM-DD). `null` clears a value. Unknown keys are refused, so a typo
 * never silently becomes a new field.
 */
export function checkAttributes(definitions: readonly AttributeDefinition[], input: Record<string, unknown>): AttributeCheck {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const values: Record<string, AttributeValue> = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const definition = byKey.get(key);
    if (!definition) {
      problems.push(`${key}: no such attribute in this workspace`);
      continue;
    }
    if (raw === null || raw === '') {
      values[key] = null;
      continue;
    }
    const value = coerce(definition, raw);
    if (value === undefined) problems.push(`${key}: ${expected(definition)}`);
    else values[key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function coerce(definition: AttributeDefinition, raw: unknown): AttributeValue | undefined {
  switch (definition.type) {
    case 'text':
      return typeof raw === 'string' && raw.length <= TEXT_MAX ? raw : undefined;
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'yes') return true;
      if (raw === 'false' || raw === 'no') return false;
      return undefined;
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw.trim()) ? raw.trim() : undefined;
    case 'choice':
      return typeof raw === 'string' && definition.choices.includes(raw) ? raw : undefined;
  }
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function expected(definition: AttributeDefinition): string {
  switch (definition.type) {
    case 'text':
      return `must be text of at most ${TEXT_MAX} characters`;
    case 'number':
      return 'must be a number';
    case 'boolean':
      return 'must be true or false';
    case 'date':
      return 'must be a date written YYYY-MM-DD';
    case 'choice':
      return `must be one of: ${definition.choices.join(', ')}`;
  }
}
