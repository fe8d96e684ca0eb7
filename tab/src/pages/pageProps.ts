import type { Api } from '../app/api';
import type { Host } from '../app/host';
import type { MeView } from '../app/shapes';

/** What every page gets: the API, who is looking, and where the tab runs. */
export interface PageProps {
  api: Api;
  me: MeView;
  host: Host;
}
