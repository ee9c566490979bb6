export { supervisorRoutes } from './routes.ts';
export { quantile } from './supervisor.ts';
