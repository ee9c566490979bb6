import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversationOfReplyToken, replyAddress, replyToken } from './replyToken.ts';

const SECRET = 'a-secret-of-this-installation-0123456789';

describe('the reply token of a conversation', () => {
  it("leads a customer's answer back to its conversation", () => {
    const id = randomUUID();
    expect(conversationOfReplyToken(SECRET, replyToken(SECRET, id))).toBe(id);
    expect(replyAddress(SECRET, id, 'help@bakery.example')).toMatch(/^reply\+c[0-9a-f]{32}\.[0-9a-f]{24}@bakery\.example$/);
  });

  it('survives a mail system folding the address to upper case', () => {
    const id = randomUUID();
    expect(conversationOfReplyToken(SECRET, replyToken(SECRET, id).toUpperCase())).toBe(id);
  });

  it("cannot be made up for someone else's conversation", () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const forged = `c${theirs.replaceAll('-', '')}.${replyToken(SECRET, mine).split('.')[1]}`;
    expect(conversationOfReplyToken(SECRET, forged)).toBeNull();
    expect(conversationOfReplyToken('another-installation-secret-0123456789', replyToken(SECRET, mine))).toBeNull();
    expect(conversationOfReplyToken(SECRET, 'not-a-token')).toBeNull();
  });
});
