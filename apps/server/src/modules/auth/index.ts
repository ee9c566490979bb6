export { createAdmin, firstAdminLink } from './admin.ts';
export { createInvitation, currentSession, hashPassword, inviteAgent, sessionStanding } from './auth.ts';
export { authenticator, isOwnOrigin, requireAgent, requireVisitor, SESSION_COOKIE } from './authenticate.ts';
export { mayEmbed } from './embedding.ts';
export { invitationRoutes } from './invitationRoutes.ts';
export { authRoutes } from './routes.ts';
export { isSignedInUserToken, issueVisitorToken, visitorFromToken } from './visitors.ts';
export { signVisitorToken, verifyVisitorToken } from './visitorToken.ts';
