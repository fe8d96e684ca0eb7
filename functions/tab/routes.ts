import { jsonAnswer, ApiFailure } from './http';
import { meRoutes } from './meRoutes';
import { myRoutes } from './myRoutes';
import { pageRoutes } from './pageRoutes';
import { previewMode, previewPeople } from './preview';
import type { TabRoute } from './router';
import { settingsRoutes } from './settingsRoutes';

/** GET preview/people: whom the local preview can act as; 404 whenever it is not the preview. */
const previewRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'preview/people',
    open: true,
    async handle({ runtime }) {
      if (!previewMode(runtime.config)) throw new ApiFailure(404, 'notFound');
      return jsonAnswer(200, await previewPeople(runtime));
    },
  },
];

/** Every route of the tab's API, by group. */
export const TAB_ROUTES: readonly TabRoute[] = [
  ...meRoutes,
  ...pageRoutes,
  ...settingsRoutes,
  ...myRoutes,
  ...previewRoutes,
];
