import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:faults`: each file starts its own PostgreSQL, Redis, nginx and Warmline nodes, so files run
// one after another (two clusters at once would only fight over the two cores).
export default defineConfig({
  test: {
    name: 'faults',
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    include: ['faults/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
