export { alerts } from './alertsRepository.ts';
export { empathyListeners } from './listeners.ts';
export { MISSED_CONTACT_EMAIL_JOB, type MissedContactNotice, missedContacts } from './missedContacts.ts';
export { watchMood } from './moodWatch.ts';
export { presentAlert } from './presentAlert.ts';
export { raiseAlert } from './raiseAlert.ts';
export { recoveries } from './recoveriesRepository.ts';
export { recoveryFollowUpDue, startRecovery } from './recovery.ts';
export { empathyRoutes } from './routes.ts';
