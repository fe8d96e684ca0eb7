import { meView } from '../../core/insights';
import { jsonAnswer } from './http';
import type { TabRoute } from './router';
import { routeViewer } from './viewerDeps';

/** GET me: who the viewer is, their language, the pages they may open and the tenant's values. */
export const meRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'me',
    async handle(context) {
      const viewer = await routeViewer(context);
      return jsonAnswer(200, meView(viewer, context.runtime.config.bot.appId));
    },
  },
];
