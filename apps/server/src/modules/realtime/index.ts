export type { AgentsOnline } from './agentsOnline.ts';
export { redisAgentsOnline, singleNode } from './agentsOnline.ts';
export type { Connection } from './connections.ts';
export { Connections, TRY_AGAIN_LATER } from './connections.ts';
export { deliveryFor } from './recipients.ts';
export { TeamVisibility } from './teamVisibility.ts';
