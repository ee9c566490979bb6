// The agent app runs under a Content-Security-Policy without 'unsafe-eval' (apps/server/src/pages.ts). zod would
// compile its object parsers with new Function, and even its check whether it may is reported as a violation:
// this module is imported first, before any schema is built.
import { config } from 'zod';

config({ jitless: true });
