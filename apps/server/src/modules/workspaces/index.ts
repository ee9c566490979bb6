export { answerBy, dueInWords } from './answerBy.ts';
export { audit } from './audit.ts';
export type { Holiday, OpeningHours } from './openingHours.ts';
export { callbackWindows, isWithinOpeningHours, localTime, normalisePhone } from './openingHours.ts';
export type { WorkspaceRecord } from './repository.ts';
export { instance, workspaces } from './repository.ts';
export { workspaceRoutes } from './routes.ts';
export { newWorkspaceKey, widgetConfig } from './settings.ts';
