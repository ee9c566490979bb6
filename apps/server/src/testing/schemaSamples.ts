import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The parts of a JSON Schema (as zod writes them) that the samples below read. */
interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  propertyNames?: Schema;
  additionalProperties?: Schema | boolean;
  items?: Schema | false;
  prefixItems?: Schema[];
  minItems?: number;
}

export type Path = Array<string | number>;

/** A place in a request part where a string goes: at a value, or as an object's key (`key`). */
export interface StringSlot {
  path: Path;
  key: boolean;
  /** The whole part, valid in shape, with `text` in this place. */
  build(text: string): unknown;
}

/** A zod schema as the JSON Schema its input follows. */
export function jsonSchemaOf(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
}

// Strings that pass the patterns the API's schemas use, so a sample is refused for the one place under test only.
const PATTERN_SAMPLES: Array<[RegExp, string]> = [
  [/^\^\[A-Z\]\{3\}\$$/, 'EUR'],
  [/^\^\[A-Z\]\{2\}\$$/, 'GB'],
  [/\[a-z\]\{2,3\}/, 'en'],
  [/^\^\[a-z\]\[a-z0-9_\]\*\$$/, 'plan'],
  [/\\p\{L\}/, 'billing'],
  [/\[01\]\\d\|2\[0-3\]/, '09:00'],
  [/@/, 'someone@example.com'],
  [/\\d\{4\}/, '2030-01-01T09:00:00Z'],
  [/\[0-9a-fA-F\]\{8\}/, '00000000-0000-4000-8000-000000000000'],
];

function types(s: Schema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

function stringSample(s: Schema): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'email') return `edge-${randomUUID()}@example.com`;
  if (s.format === 'uri') return 'https://example.com/';
  if (s.format === 'date-time') return '2030-01-01T09:00:00.000Z';
  if (s.pattern) for (const [pattern, sample] of PATTERN_SAMPLES) if (pattern.test(s.pattern)) return sample;
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** The smallest value of the shape `s` asks for: required properties only, the first choice of a union. */
export function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return sample(branches.find((b) => !types(b).includes('null')) ?? branches[0]!);
  const type = types(s).find((t) => t !== 'null') ?? types(s)[0];
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((name) => [name, sample(s.properties?.[name] ?? {})]));
    case 'array':
      if (s.prefixItems) return s.prefixItems.map(sample);
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items || {}));
    case 'string':
      return stringSample(s);
    case 'number':
    case 'integer':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

/**
 * Every place in the shape `s` where a string may go, optional properties, union branches, array items and record
 * keys included, each with a builder of the whole value. Places reached by two union branches are listed once.
 */
export function stringSlots(s: Schema): StringSlot[] {
  const seen = new Map<string, StringSlot>();
  for (const slot of slotsOf(s)) seen.set(`${slot.key}:${slot.path.join('.')}`, slot);
  return [...seen.values()];
}

function slotsOf(s: Schema): StringSlot[] {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return branches.flatMap(slotsOf);
  const out: StringSlot[] = [];
  const kinds = types(s);
  if (kinds.includes('string') || (s.const !== undefined && typeof s.const === 'string')) {
    out.push({ path: [], key: false, build: (text) => text });
  }
  if (kinds.includes('object')) {
    const base = () => sample({ ...s, type: 'object' }) as Record<string, unknown>;
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      for (const inner of slotsOf(property)) {
        out.push({ path: [name, ...inner.path], key: inner.key, build: (text) => ({ ...base(), [name]: inner.build(text) }) });
      }
    }
    const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : null;
    if (s.propertyNames || values) {
      const value = values ?? { type: 'string' };
      out.push({ path: [], key: true, build: (text) => ({ ...base(), [text]: sample(value) }) });
      for (const inner of slotsOf(value)) {
        out.push({ path: ['k', ...inner.path], key: inner.key, build: (text) => ({ ...base(), k: inner.build(text) }) });
      }
    }
  }
  if (kinds.includes('array')) {
    const items = s.prefixItems ?? (s.items ? [s.items] : []);
    items.forEach((item, i) => {
      for (const inner of slotsOf(item)) {
        out.push({
          path: [i, ...inner.path],
          key: inner.key,
          build: (text) => {
            const array = sample({ ...s, type: 'array' }) as unknown[];
            while (array.length <= i) array.push(sample(item));
            array[i] = inner.build(text);
            return array;
          },
        });
      }
    });
  }
  return out;
}
