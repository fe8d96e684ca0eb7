import { meView, viewerOf } from '../../core/insights';
import { jsonAnswer } from './http';
import type { TabRoute } from './router';
import { viewerDepsOf } from './viewerDeps';

/** GET me: who the viewer is, their language, the pages they may open and the tenant's values. */
export const meRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'me',
    async handle({ runtime, caller }) {
      const viewer = await viewerOf(viewerDepsOf(runtime), caller);
      return jsonAnswer(200, meView(viewer, runtime.config.bot.appId));
    },
  },
];
