import { describe } from 'vitest';
import { missingEngines } from './prerequisites.ts';

/** What the fault tests cannot run without and did not find (scripts/test.mjs prints it as the reason they were skipped). */
export const missing = missingEngines();

/** `describe` when PostgreSQL, Redis and nginx are all there; skipped (and counted as skipped) otherwise. */
export const describeWithEngines = missing.length ? describe.skip : describe;
