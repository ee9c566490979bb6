export { checkIn } from './checkIn.ts';
export { storeRoutes } from './routes.ts';
export { changeTicket, getTicket, locationOfTicket, publicLocation } from './tickets.ts';
export { walkInTimesToHuman } from './timeToHuman.ts';
