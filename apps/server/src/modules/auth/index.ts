export { createInvitation, currentSession, hashPassword, inviteAgent } from './auth.ts';
export { SESSION_COOKIE, isOwnOrigin, requireAgent, requireVisitor } from './authenticate.ts';
export { authRoutes } from './routes.ts';
export { signVisitorToken, verifyVisitorToken } from './visitorToken.ts';
export { visitorFromToken } from './visitors.ts';
export { authenticator } from './authenticate.ts';
export { createAdmin, firstAdminLink } from './admin.ts';
export { invitationRoutes } from './invitationRoutes.ts';
