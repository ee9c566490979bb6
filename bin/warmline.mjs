#!/usr/bin/env node
// The `warmline` command: runs the TypeScript server directly (tsx), in this one process.
import { register } from 'tsx/esm/api';

register();
await import('../apps/server/src/main.ts');
