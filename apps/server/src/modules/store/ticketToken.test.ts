import { describe, expect, it } from 'vitest';
import { ticketToken, walkInOfToken } from './ticketToken.ts';

const SECRET = 'a-secret-key-for-tickets';
const ID = '7d8c1a52-5a52-4c7e-9d3b-0f2c7f6e3b10';

describe('ticket tokens', () => {
  it('the same walk-in always gets the same token, and the token leads back to it', () => {
    expect(ticketToken(SECRET, ID)).toBe(ticketToken(SECRET, ID));
    expect(walkInOfToken(SECRET, ticketToken(SECRET, ID))).toBe(ID);
  });

  it('a token changed in any way, signed with another key or malformed leads nowhere', () => {
    const token = ticketToken(SECRET, ID);
    const other = '0b6b7f0e-2b9a-4f53-9a3e-6f1f7c0c2d41';
    for (const bad of [
      `${other}.${token.split('.')[1]}`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      ticketToken('another-secret-key-entirely', ID),
      ID,
      `${token}.extra`,
      'not-a-token',
      '',
    ]) {
      expect(walkInOfToken(SECRET, bad), bad).toBeNull();
    }
  });
});
