import { describe, expect, it } from 'vitest';
import { messageIdOf } from './composeReply.ts';
import { replyAddress } from './replyToken.ts';
import { conversationOfReplyAddress, conversationsInOurMessageIds, type ThreadCandidate, threadFor } from './threading.ts';

const conversation = '7b0c2f9e-0000-4000-8000-000000000001';
const sams: ThreadCandidate = { id: conversation, customerId: 'sam', replyEmail: 'sam@example.com', senderWroteBefore: false };

describe('where an email threads', () => {
  it("finds the conversation of our own replies' Message-IDs and of a reply token we signed, nothing else", () => {
    const ours = messageIdOf('42', conversation, 'help@bakery.example');
    expect(conversationsInOurMessageIds([ours, '<CAF=abc@mail.gmail.com>', ours])).toEqual([conversation]);
    expect(conversationOfReplyAddress('secret', replyAddress('secret', conversation, 'help@bakery.example'))).toBe(conversation);
    expect(conversationOfReplyAddress('another secret', replyAddress('secret', conversation, 'help@bakery.example'))).toBeNull();
    expect(conversationOfReplyAddress('secret', 'help@bakery.example')).toBeNull();
  });

  it('joins the named conversation when the sender is its customer, the address we write to, or wrote there before', () => {
    expect(threadFor([sams], { address: 'someone@else.example', customerId: 'sam' })).toEqual({
      conversationId: conversation,
      forged: false,
    });
    expect(threadFor([sams], { address: 'sam@example.com', customerId: null })).toEqual({
      conversationId: conversation,
      forged: false,
    });
    expect(
      threadFor([{ ...sams, replyEmail: 'other@example.com', senderWroteBefore: true }], {
        address: 'sam@example.com',
        customerId: null,
      }),
    ).toEqual({ conversationId: conversation, forged: false });
  });

  it("never joins someone else's conversation: a forged In-Reply-To opens a new one, flagged", () => {
    expect(threadFor([sams], { address: 'eve@example.com', customerId: null })).toEqual({ conversationId: null, forged: true });
    expect(threadFor([sams], { address: 'eve@example.com', customerId: 'eve' })).toEqual({ conversationId: null, forged: true });
  });

  it('opens a new conversation, unflagged, when the email names none', () => {
    expect(threadFor([], { address: 'sam@example.com', customerId: 'sam' })).toEqual({ conversationId: null, forged: false });
  });
});
