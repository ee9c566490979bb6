import { describe, expect, it } from 'vitest';
import { imapTestHold } from './imapTestHold.ts';

describe("the IMAP reader's test hold", () => {
  it('is inert in production: nothing holds without WARMLINE_TESTING=1, whatever else is set', () => {
    expect(imapTestHold({})).toBeUndefined();
    expect(imapTestHold({ WARMLINE_TEST_HOLD_IMAP: 'fetched' })).toBeUndefined();
    expect(imapTestHold({ WARMLINE_TESTING: 'true', WARMLINE_TEST_HOLD_IMAP: 'fetched' })).toBeUndefined();
    expect(imapTestHold({ WARMLINE_TESTING: '1', WARMLINE_TEST_HOLD_IMAP: 'somewhere' })).toBeUndefined();
  });

  it('with both set, holds at its point only', async () => {
    const hold = imapTestHold({ WARMLINE_TESTING: '1', WARMLINE_TEST_HOLD_IMAP: 'committed' })!;
    await expect(hold('fetched', 7)).resolves.toBeUndefined();
    const held = await Promise.race([hold('committed', 7).then(() => 'went on'), Promise.resolve('held')]);
    expect(held).toBe('held');
  });
});
