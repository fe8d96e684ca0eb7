import { viewerOf, type TabCaller } from '../../core/insights';
import { inPool } from '../../core/shared';
import { isAnonymousLocal, type Config } from '../config';
import type { TabRuntime } from './tabRuntime';
import { viewerDepsOf } from './viewerDeps';

/** The header that names the caller in the local preview: `<tenantId>/<personId>`. */
export const PREVIEW_HEADER = 'x-moments-preview-as';

/** How many people the preview offers to act as. */
export const PREVIEW_PEOPLE = 200;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * Whether the tab runs as the local preview: exactly when the bot runs anonymous on this machine
 * (no `BOT_ID`, started by the local tooling), never when an app id is configured.
 */
export function previewMode(config: Pick<Config, 'bot' | 'local'>): boolean {
  return isAnonymousLocal(config);
}

/** The caller the preview header names, or undefined when it is not `<tenantId>/<personId>`. */
export function previewCallerOf(header: string | null | undefined): TabCaller | undefined {
  if (!header || header.length > 201) return undefined;
  const [tenantId, personId, ...rest] = header.trim().split('/');
  if (rest.length > 0 || !tenantId || !personId || !ID.test(tenantId) || !ID.test(personId)) return undefined;
  return { tenantId, personId };
}

/** Someone the preview can act as. */
export interface PreviewPerson {
  tenantId: string;
  id: string;
  name: string;
  manager: boolean;
  admin: boolean;
}

/**
 * The people of the stored tenants, the first {@link PREVIEW_PEOPLE} by name, each with what the
 * tab would make of them (manager, admin: the tab's own rule, core/insights viewerOf).
 */
export async function previewPeople(
  runtime: Pick<TabRuntime, 'stores' | 'config'>,
): Promise<PreviewPerson[]> {
  const tenantIds = await runtime.stores.settings.tenantIds();
  // Everyone whose last kudos is before the end of time, or who never had any: the whole
  // directory, by name, in one bounded query per tenant.
  const found = await inPool(
    tenantIds,
    4,
    async (tenantId) =>
      (await runtime.stores.people.notRecognisedSince(tenantId, '9999-12-31', PREVIEW_PEOPLE)).first,
  );
  const people = found
    .flat()
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, PREVIEW_PEOPLE);
  const deps = viewerDepsOf(runtime);
  return inPool(people, 8, async (person) => {
    const viewer = await viewerOf(deps, { tenantId: person.tenantId, personId: person.id });
    return {
      tenantId: person.tenantId,
      id: person.id,
      name: person.displayName,
      manager: viewer.isManager,
      admin: viewer.isAdmin,
    };
  });
}
