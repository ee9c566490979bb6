/**
 * What `warmline migrate` says: how many migrations it applied just now (a fresh database gets them all), or that
 * there was nothing to do.
 *
 * @example migrationReport(['001_foundation.sql']) // "Applied 1 migration (001_foundation). The database is up to date."
 */
export function migrationReport(applied: readonly string[]): string {
  if (applied.length === 0) return 'The database was already up to date: no migrations to apply.';
  const names = applied.map((f) => f.replace(/\.sql$/, ''));
  const list = names.length <= 3 ? names.join(', ') : `${names[0]} … ${names.at(-1)}`;
  return `Applied ${applied.length} ${applied.length === 1 ? 'migration' : 'migrations'} (${list}). The database is up to date.`;
}
