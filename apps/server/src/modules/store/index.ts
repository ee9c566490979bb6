export { type AppointmentReminder, noteReminder, reminderDue } from './appointmentReminders.ts';
export {
  APPOINTMENT_REMINDER,
  availability,
  bookAppointment,
  bookForConversation,
  changeAppointment,
  getAppointment,
  locationsForVisitors,
} from './appointments.ts';
export { checkIn } from './checkIn.ts';
export { storeRoutes } from './routes.ts';
export { readLink, signLink } from './signedLink.ts';
export { changeTicket, getTicket, locationOfTicket, publicLocation } from './tickets.ts';
export { walkInTimesToHuman } from './timeToHuman.ts';
export { noteTurn, turnDue, WALK_IN_TURN, type WalkInTurn } from './walkInTurn.ts';
