/**
 * What the system clock of this process is made of, passed on to PostgreSQL: a machine (or a test run under
 * libfaketime) whose clock reads another hour must read it in the database too, or `now()` and the server disagree.
 */
export function clockEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['TZ', 'LD_PRELOAD', 'FAKETIME', 'FAKETIME_SHARED', 'FAKETIME_DONT_FAKE_MONOTONIC']) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return env;
}
