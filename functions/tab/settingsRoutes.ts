import { z } from 'zod';
import type { Viewer } from '../../core/insights';
import {
  AUDIT_ENTRIES_SHOWN,
  changeTenantSettings,
  settingTexts,
  SETTING_NAMES,
  type AuditEntry,
  type TenantSettings,
} from '../../core/settings';
import { ApiFailure, jsonAnswer, readJson } from './http';
import type { RouteContext, TabRoute } from './router';
import { routeViewer } from './viewerDeps';

const text = z.union([z.string().max(64), z.number(), z.boolean()]).transform(String);
const fieldTexts = z.record(text).refine((fields) => Object.keys(fields).length <= SETTING_NAMES.length * 2);

/** POST settings/tenant: the settings to change, as text, on the version the tab read. */
const tenantSettingsChange = z.object({
  version: z.string().max(200).optional(),
  values: fieldTexts,
  /** The settings as the tab showed them: lets a refused save say what changed meanwhile. */
  shown: fieldTexts.optional(),
});

/** The tenant settings as the settings card shows them: each as text, with the version read. */
function settingsView(settings: TenantSettings) {
  return { ...(settings.version ? { version: settings.version } : {}), fields: settingTexts(settings) };
}

/** The audit trail's newest entries, as data (the card shows the same). */
function auditView(entries: AuditEntry[]) {
  return entries.map(({ at, by, subject, field, from, to }) => ({
    at,
    by: { id: by.id, name: by.name, via: by.via },
    subject,
    field,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  }));
}

/** The viewer, when they are one of the tenant's admins (the settings card's rule); else 403. */
async function adminOf(context: RouteContext): Promise<Viewer> {
  const viewer = await routeViewer(context);
  if (!viewer.isAdmin) throw new ApiFailure(403, 'notAllowed');
  return viewer;
}

/**
 * settings/tenant for admins: GET the settings and the newest audit entries; POST a change, checked,
 * saved and audited by core/settings exactly as the settings card does it.
 */
export const settingsRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'settings/tenant',
    async handle(context) {
      const viewer = await adminOf(context);
      const audit = await context.runtime.stores.audit.latest(viewer.tenantId, AUDIT_ENTRIES_SHOWN);
      return jsonAnswer(200, { ...settingsView(viewer.settings), audit: auditView(audit) });
    },
  },
  {
    method: 'POST',
    path: 'settings/tenant',
    async handle(context) {
      const viewer = await adminOf(context);
      const body = await readJson(context.request, tenantSettingsChange);
      const { runtime } = context;
      const result = await changeTenantSettings(
        {
          settings: runtime.stores.settings,
          audit: runtime.stores.audit,
          now: runtime.now(),
          defaultTimeZone: runtime.config.defaultTimeZone,
        },
        {
          tenantId: viewer.tenantId,
          by: { id: viewer.personId, name: viewer.person?.displayName ?? '', via: 'tab' },
          fields: body.values,
          basis: { version: body.version, fields: body.shown ?? {} },
        },
      );
      if (result.ok) {
        return jsonAnswer(200, { ...settingsView(result.settings), saved: result.changes.length });
      }
      if (result.code === 'SETTINGS.INVALID') {
        throw new ApiFailure(400, 'settings.invalid', { problems: result.problems });
      }
      throw new ApiFailure(409, 'settings.changedMeanwhile', {
        changedMeanwhile: result.changedMeanwhile,
        settings: settingsView(result.settings),
      });
    },
  },
];
