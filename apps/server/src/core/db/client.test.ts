import { describe, expect, it } from 'vitest';
import { isConnectionError } from './client.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling a lost database from a bad query', () => {
  it('a refused, reset or timed-out connection, a shutdown and a dropped session mean "try again"', () => {
    for (const err of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('ECONNRESET'),
      withCode('ENOENT', 'connect ENOENT /data/postgres/.s.PGSQL.5432'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
    ]) {
      expect(isConnectionError(err), String(err)).toBe(true);
    }
  });

  it('constraint violations, syntax errors and anything else are not', () => {
    for (const err of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42601', 'syntax error at or near "selec"'),
      withCode('40P01', 'deadlock detected'),
      new Error('something else'),
      'ECONNREFUSED',
      null,
    ]) {
      expect(isConnectionError(err), String(err)).toBe(false);
    }
  });
});
