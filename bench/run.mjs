// `npm run bench [-- name…]`: every benchmark, one JSON object per line (DESIGN §6).
import { register } from 'tsx/esm/api';

register();
await import('./index.ts');
