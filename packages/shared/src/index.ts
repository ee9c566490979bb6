export * from './api.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './realtime.ts';
