import type { ImapReaderOptions } from './imapReader.ts';

/**
 * For fault tests only, and inert unless `WARMLINE_TESTING=1`: `WARMLINE_TEST_HOLD_IMAP=fetched|committed` makes the
 * reader print `[test hold] imap <point> uid <uid>` and wait there for good, so the test kills the node at exactly
 * that point. Without both variables nothing waits and nothing is printed.
 */
export function imapTestHold(env: NodeJS.ProcessEnv): ImapReaderOptions['hold'] {
  const point = env.WARMLINE_TEST_HOLD_IMAP;
  if (env.WARMLINE_TESTING !== '1' || (point !== 'fetched' && point !== 'committed')) return undefined;
  return (at, uid) => {
    if (at !== point) return Promise.resolve();
    process.stdout.write(`[test hold] imap ${at} uid ${uid}\n`);
    return new Promise<void>(() => {});
  };
}
