import { viewerOf, type Viewer, type ViewerDeps } from '../../core/insights';
import { tenantSettingsOf } from '../../core/settings';
import type { RouteContext } from './router';
import type { TabRuntime } from './tabRuntime';

/** What {@link viewerOf} reads, from the runtime's stores: the directory, settings and named admins. */
export function viewerDepsOf(runtime: Pick<TabRuntime, 'stores' | 'config'>): ViewerDeps {
  const { people, settings } = runtime.stores;
  return {
    people,
    settings,
    namedAdmins: runtime.config.namedAdmins,
    tenantSettings: (tenantId) => tenantSettingsOf(settings, tenantId, runtime.config.defaultTimeZone),
  };
}

/** The route's caller as the tab sees them (pages, manager, admin), from the token's caller only. */
export function routeViewer({ runtime, caller }: Pick<RouteContext, 'runtime' | 'caller'>): Promise<Viewer> {
  return viewerOf(viewerDepsOf(runtime), caller);
}
