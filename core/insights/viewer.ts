import { languageOf, type PeopleDirectory, type Person } from '../people';
import { callerIsAdmin, type AdminDirectoryDeps, type TenantSettings } from '../settings';
import type { MeView, TabPage } from './views';

/** Who opened the tab, as the API authenticated them: the tenant and user come only from the token. */
export interface TabCaller {
  tenantId: string;
  /** AAD object id (`oid`). */
  personId: string;
}

/** What the tab may show the caller: the pages follow from who they are, never from the request. */
export interface Viewer extends TabCaller {
  /** The caller in the tenant's directory; absent when Moments does not know them yet. */
  person?: Person;
  settings: TenantSettings;
  isManager: boolean;
  isAdmin: boolean;
}

/** What {@link viewerOf} reads. */
export interface ViewerDeps extends AdminDirectoryDeps {
  people: Pick<PeopleDirectory, 'get' | 'findMany' | 'findByEmails' | 'reportsOf'>;
  /** The tenant's settings, defaults when none are stored. */
  tenantSettings(tenantId: string): Promise<TenantSettings>;
}

/**
 * The caller as the tab sees them: a manager has direct reports in the directory, an admin is on
 * the tenant's list or named by `MOMENTS_ADMINS` (the same rule as the settings card).
 */
export async function viewerOf(deps: ViewerDeps, caller: TabCaller): Promise<Viewer> {
  const settings = await deps.tenantSettings(caller.tenantId);
  const [person, reports, isAdmin] = await Promise.all([
    deps.people.get(caller.tenantId, caller.personId),
    deps.people.reportsOf(caller.tenantId, caller.personId),
    callerIsAdmin(deps, caller.tenantId, caller.personId, settings),
  ]);
  return { ...caller, ...(person ? { person } : {}), settings, isManager: reports.length > 0, isAdmin };
}

/** The pages `viewer` may open, in the tab's order. */
export function pagesOf(viewer: Pick<Viewer, 'isManager' | 'isAdmin'>): TabPage[] {
  return [
    'recognition',
    ...(viewer.isManager ? (['team'] as const) : []),
    ...(viewer.isAdmin ? (['organisation'] as const) : []),
    'settings',
  ];
}

/** Whether `viewer` may open `page`: what every page's API checks before it reads anything else. */
export function mayOpen(viewer: Pick<Viewer, 'isManager' | 'isAdmin'>, page: TabPage): boolean {
  return pagesOf(viewer).includes(page);
}

/** GET /tab/api/me. */
export function meView(viewer: Viewer, botId?: string): MeView {
  return {
    name: viewer.person?.displayName ?? '',
    language: languageOf(viewer.person, viewer.settings.defaultLanguage),
    pages: pagesOf(viewer),
    values: viewer.settings.values.map((v) => ({ id: v.id, name: v.name })),
    ...(botId ? { botId } : {}),
  };
}

/** Thrown by a page's use case when the viewer may not open it: the API answers 403 and reads nothing more. */
export class NotAllowed extends Error {
  constructor(readonly page: TabPage) {
    super(`This page is not open to the caller: ${page}`);
    this.name = 'NotAllowed';
  }
}

/** Throws {@link NotAllowed} unless `viewer` may open `page`. */
export function checkMayOpen(viewer: Pick<Viewer, 'isManager' | 'isAdmin'>, page: TabPage): void {
  if (!mayOpen(viewer, page)) throw new NotAllowed(page);
}
