export * from './api.ts';
export * from './coach.ts';
export * from './customers.ts';
export * from './domain.ts';
export * from './empathy.ts';
export * from './errors.ts';
export * from './realtime.ts';
export * from './webUrl.ts';
