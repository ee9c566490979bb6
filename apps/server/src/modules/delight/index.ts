export { delightListeners } from './listeners.ts';
export { conversationMoments, decideMoment, markMessage } from './moments.ts';
export { delightRoutes } from './routes.ts';
export { NO_WALL_PAGE, publicWallPage } from './wallPage.ts';
export { getWall, listWalls, publicWall, revokeWallShare, shareWall } from './walls.ts';
