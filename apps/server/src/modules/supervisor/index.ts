export { supervisorRoutes } from './routes.ts';
