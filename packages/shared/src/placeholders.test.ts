import { describe, expect, it } from 'vitest';
import { fillPlaceholders, unknownPlaceholders } from './placeholders.ts';
import { normaliseTag } from './tags.ts';

const amina = { name: 'Amina Odhiambo' };

describe('filling a saved reply', () => {
  it("greets the customer by first name and signs with the agent's", () => {
    const text = fillPlaceholders('Hi {{customer.first_name}}, {{agent.first_name}} here. — {{agent.name}}', {
      customer: { name: 'Wanjiru Kamau' },
      agent: amina,
    });
    expect(text).toBe('Hi Wanjiru, Amina here. — Amina Odhiambo');
  });

  it('a customer without a name is greeted "there", never "undefined" or "null"', () => {
    for (const name of [null, '', '   ']) {
      expect(fillPlaceholders('Hi {{customer.first_name}}! ({{customer.name}})', { customer: { name }, agent: amina })).toBe(
        'Hi there! (there)',
      );
    }
  });

  it('reads placeholders written with spaces inside the braces, and fills each occurrence', () => {
    expect(
      fillPlaceholders('{{ customer.name }} / {{customer.name}}', { customer: { name: ' Ngozi  Eze ' }, agent: amina }),
    ).toBe('Ngozi  Eze / Ngozi  Eze');
  });

  it('leaves text that only looks like a placeholder alone, and names the unknown ones once each', () => {
    const body = 'Order {{order.id}} for {{ customer.nickname }}, {{order.id}} again; {single} braces';
    expect(fillPlaceholders(body, { customer: { name: 'W' }, agent: amina })).toBe(body);
    expect(unknownPlaceholders(body)).toEqual(['{{order.id}}', '{{customer.nickname}}']);
    expect(unknownPlaceholders('Hi {{customer.first_name}} from {{agent.name}}')).toEqual([]);
  });

  it('a filled name is text, not a placeholder again', () => {
    expect(fillPlaceholders('Hi {{customer.name}}', { customer: { name: '{{agent.name}}' }, agent: amina })).toBe(
      'Hi {{agent.name}}',
    );
  });
});

describe('a tag', () => {
  it('is kept trimmed and lower case, spaces as dashes', () => {
    expect(normaliseTag('  Late Delivery ')).toEqual({ tag: 'late-delivery' });
    expect(normaliseTag('Rückgabe_2')).toEqual({ tag: 'rückgabe_2' });
  });

  it('is refused, saying why, when empty, too long or holding other characters', () => {
    expect(normaliseTag('  ')).toEqual({ error: 'tag must not be empty' });
    expect(normaliseTag('x'.repeat(33))).toEqual({ error: 'tag is at most 32 characters' });
    expect(normaliseTag('x'.repeat(32))).toEqual({ tag: 'x'.repeat(32) });
    expect(normaliseTag('refund!')).toEqual({ error: 'tag uses letters, digits, - or _ only' });
  });
});
