import type { AttributeDefinition, AttributeValue } from '@warmline/shared';

export type AttributeInput = { ok: true; value: AttributeValue } | { ok: false; problem: string };

const TEXT_MAX = 2_000;

/** What an attribute's input shows for a stored value: '' for none; booleans as 'true' / 'false'. */
export function toInputValue(definition: AttributeDefinition, value: AttributeValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (definition.type === 'boolean') return value === true || value === 'true' ? 'true' : 'false';
  return String(value);
}

/**
 * Reads what an agent typed or picked as the value the API stores: numbers as numbers, dates as
 * YYYY-MM-DD, yes/no as booleans, and an emptied input as `null` (cleared). A value the server
 * would refuse comes back as a problem worded for the agent, before any request is made.
 */
export function fromInput(definition: AttributeDefinition, raw: string): AttributeInput {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (definition.type) {
    case 'text':
      return text.length <= TEXT_MAX
        ? { ok: true, value: text }
        : { ok: false, problem: `Keep it under ${TEXT_MAX} characters.` };
    case 'number': {
      // "4,5" is how half of the world writes four and a half.
      const n = Number(/^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'Enter a number, like 12 or 4.5.' };
    }
    case 'date':
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, problem: 'Pick a date.' };
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, problem: 'Choose yes or no.' };
    case 'choice':
      return definition.choices.includes(text)
        ? { ok: true, value: text }
        : { ok: false, problem: `Choose one of: ${definition.choices.join(', ')}.` };
  }
}

/** A stored value as a person reads it: "Yes", "3 Jan 2025", "—" for nothing. */
export function formatAttribute(definition: AttributeDefinition, value: AttributeValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (definition.type === 'boolean') return value === true || value === 'true' ? 'Yes' : 'No';
  if (definition.type === 'date' && typeof value === 'string' && isCalendarDate(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(undefined, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  return String(value);
}

/** The whole attribute map with one value changed, so a save never depends on the server merging. */
export function withAttribute(
  attributes: Readonly<Record<string, AttributeValue>>,
  key: string,
  value: AttributeValue,
): Record<string, AttributeValue> {
  return { ...attributes, [key]: value };
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
