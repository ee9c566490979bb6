/**
 * Placeholders a saved reply may hold, written `{{customer.first_name}}`: filled for the conversation's customer
 * and the agent who uses the reply. Zod-free, so the agent app's bundle can show the same list.
 */
export const PLACEHOLDERS = {
  'customer.first_name': "The customer's first name, or “there” when we don't know their name",
  'customer.name': "The customer's full name, or “there” when we don't know their name",
  'agent.first_name': 'Your first name',
  'agent.name': 'Your name, as customers see it',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** What fills a customer's name when the conversation does not know it: "Hi {{customer.first_name}}" reads "Hi there". */
export const NAMELESS_CUSTOMER = 'there';

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The people a reply is filled for. */
export interface PlaceholderValues {
  customer: { name: string | null };
  agent: { name: string };
}

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/**
 * The placeholders of `body` that Warmline does not know, as written (`{{customer.last_name}}`), each once.
 * @example unknownPlaceholders('Hi {{customer.nickname}}') // ['{{customer.nickname}}']
 */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PATTERN)) if (!isPlaceholder(match[1]!)) unknown.add(`{{${match[1]}}}`);
  return [...unknown];
}

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * The reply as the customer will read it: every known placeholder filled, unknown ones left as written.
 * @example fillPlaceholders('Hi {{customer.first_name}}, {{agent.first_name}} here', { customer: { name: 'Wanjiru Kamau' }, agent: { name: 'Amina Odhiambo' } })
 * // 'Hi Wanjiru, Amina here'
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  const customer = values.customer.name?.trim() || null;
  const agent = values.agent.name.trim();
  const filled: Record<Placeholder, string> = {
    'customer.first_name': customer ? firstWord(customer) : NAMELESS_CUSTOMER,
    'customer.name': customer ?? NAMELESS_CUSTOMER,
    'agent.first_name': firstWord(agent),
    'agent.name': agent,
  };
  return body.replace(PATTERN, (written, name: string) => (isPlaceholder(name) ? filled[name] : written));
}
