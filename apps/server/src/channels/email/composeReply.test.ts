import { describe, expect, it } from 'vitest';
import { composeReply } from './composeReply.ts';

const reply = {
  business: "Rosie's Bakery",
  agentName: 'Olga Admin',
  fromAddress: 'help@bakery.example',
  to: 'sam@example.com',
  replyTo: 'reply+c0.1@bakery.example',
  body: 'Your cake is ready.\nCome by after 3 <b>pm</b>.',
  conversationId: '7b0c2f9e-0000-4000-8000-000000000001',
  entryId: '42',
  earlier: [],
};

describe('an agent reply as an email', () => {
  it('comes from the agent by name, naming the business, in text and in inert HTML', () => {
    const email = composeReply(reply);
    expect(email.from).toEqual({ name: 'Olga Admin', address: 'help@bakery.example' });
    expect(email.subject).toBe("Your message to Rosie's Bakery");
    expect(email.text).toContain('Come by after 3 <b>pm</b>.');
    expect(email.text).toContain("Olga Admin\nRosie's Bakery");
    expect(email.html).toContain('3 &#60;b&#62;pm&#60;/b&#62;');
    expect(email.html).not.toMatch(/<(a|img|script)\b/);
    expect(email.messageId).toBe(`<entry-42.${reply.conversationId}@bakery.example>`);
    expect(email).toMatchObject({ inReplyTo: null, references: [] });
  });

  it('threads a later reply under every earlier one', () => {
    const email = composeReply({ ...reply, entryId: '43', earlier: ['<a@x>', '<b@x>'] });
    expect(email.subject).toBe("Re: Your message to Rosie's Bakery");
    expect(email.inReplyTo).toBe('<b@x>');
    expect(email.references).toEqual(['<a@x>', '<b@x>']);
  });

  it("answers a customer's own email under its subject, without a second Re:", () => {
    const email = composeReply({ ...reply, earlier: ['<their@mail>'], theirSubject: 'Cake\r\nfor Saturday' });
    expect(email.subject).toBe('Re: Cake for Saturday');
    expect(composeReply({ ...reply, earlier: ['<their@mail>'], theirSubject: 'RE: Cake' }).subject).toBe('RE: Cake');
  });

  it('keeps a name with a line break from starting a new header', () => {
    expect(composeReply({ ...reply, agentName: 'Olga\r\nBcc: all@example.com' }).from.name).toBe('Olga Bcc: all@example.com');
  });
});
