import { describe, expect, it } from 'vitest';
import { migrationReport } from './migrationReport.ts';

describe('migrationReport', () => {
  it('says how many migrations were applied, naming the first and last of many', () => {
    expect(migrationReport(['001_foundation.sql'])).toBe('Applied 1 migration (001_foundation). The database is up to date.');
    expect(migrationReport(['012_a.sql', '013_b.sql'])).toBe('Applied 2 migrations (012_a, 013_b). The database is up to date.');
    expect(migrationReport(['001_a.sql', '002_b.sql', '003_c.sql', '004_d.sql'])).toBe(
      'Applied 4 migrations (001_a … 004_d). The database is up to date.',
    );
  });

  it('says when there was nothing to apply, rather than claiming work it did not do', () => {
    expect(migrationReport([])).toBe('The database was already up to date: no migrations to apply.');
  });
});
