export { savedReplyRoutes } from './routes.ts';
export { listSavedReplies, useSavedReply } from './savedReplies.ts';
