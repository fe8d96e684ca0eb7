import { z } from 'zod';
import { exportMyData, forgetPerson, saveMySettings, type PrivacyDeps } from '../../core/privacy';
import { ApiFailure, jsonAnswer, readJson } from './http';
import { mySettingsChange, mySettingsInputOf, mySettingsView } from './mySettingsView';
import type { TabRoute } from './router';
import type { TabRuntime } from './tabRuntime';
import { routeViewer } from './viewerDeps';

/** What `my data` and `forget me` read and change, as the bot's privacy handlers wire them. */
function privacyDepsOf(runtime: TabRuntime): PrivacyDeps {
  const { stores } = runtime;
  return {
    people: stores.people,
    recognitions: stores.recognitions,
    conversations: runtime.conversations,
    memberships: stores.memberships,
    settings: stores.settings,
    erasures: stores.erasures,
    notes: stores.notes,
    namedAdmins: runtime.config.namedAdmins,
    logger: runtime.logger,
  };
}

/** POST my/forget: only with the confirmation the `forget me` card asks for. */
const forgetRequest = z.object({ confirm: z.literal(true) });

/**
 * The viewer's own settings and data, from the same core code as `my settings`, `my data` and
 * `forget me`: always the caller's, whom the token names.
 */
export const myRoutes: TabRoute[] = [
  {
    method: 'GET',
    path: 'my/settings',
    async handle(context) {
      const viewer = await routeViewer(context);
      return jsonAnswer(200, mySettingsView(viewer.person, viewer.settings, viewer.isManager));
    },
  },
  {
    method: 'POST',
    path: 'my/settings',
    async handle(context) {
      const viewer = await routeViewer(context);
      const change = await readJson(context.request, mySettingsChange);
      const result = await saveMySettings(
        context.runtime.stores.people,
        {
          tenantId: viewer.tenantId,
          personId: viewer.personId,
          displayName: viewer.person?.displayName ?? '',
          input: mySettingsInputOf(change, viewer.isManager),
        },
        context.runtime.stores.erasures,
        viewer.settings,
      );
      if (!result.ok) throw new ApiFailure(400, 'mySettings.invalid', { problems: result.problems });
      return jsonAnswer(200, {
        ...mySettingsView(result.person, viewer.settings, viewer.isManager),
        created: result.created,
      });
    },
  },
  {
    method: 'GET',
    path: 'my/data',
    async handle({ runtime, caller }) {
      const data = await exportMyData(privacyDepsOf(runtime), caller.tenantId, caller.personId);
      const person = data.person;
      return jsonAnswer(200, {
        ...(person ? { name: person.displayName } : {}),
        ...(person?.email ? { email: person.email } : {}),
        ...(data.manager ? { manager: data.manager.name ?? '' } : {}),
        ...(person?.birthday ? { birthday: person.birthday } : {}),
        ...(person?.hireDate ? { hireDate: person.hireDate } : {}),
        ...(person?.timeZone ? { timeZone: person.timeZone } : {}),
        ...(person?.language ? { language: person.language } : {}),
        ...(person?.locale ? { locale: person.locale } : {}),
        ...(person ? { celebrate: person.celebrate } : {}),
        reportCount: data.reportCount,
        isAdmin: data.isAdmin,
        kudosGiven: data.kudosGiven.count,
        kudosReceived: data.kudosReceived.count,
        celebrated: data.celebrated,
        conversations: data.conversations,
        notesAboutThem: data.notesAboutThem,
        forgotten: data.forgotten,
      });
    },
  },
  {
    method: 'POST',
    path: 'my/forget',
    async handle({ request, runtime, caller }) {
      const body = await readJson(request, z.unknown());
      if (!forgetRequest.safeParse(body).success) throw new ApiFailure(400, 'forget.notConfirmed');
      const report = await forgetPerson(privacyDepsOf(runtime), caller.tenantId, caller.personId, {
        now: runtime.now(),
      });
      return jsonAnswer(200, { erased: report });
    },
  },
];
