// What runs SQL: the port every repository takes, whichever engine is behind it.
/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  /** `embedded`: the PostgreSQL Warmline started in its data directory; `postgres`: the server of DATABASE_URL. */
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
