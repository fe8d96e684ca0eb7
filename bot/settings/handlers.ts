import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { PeopleDirectory } from '../../core/people';
import {
  AUDIT_ENTRIES_SHOWN,
  changeTenantSettings,
  callerIsAdmin,
  tenantAdmins,
  parseSettingValues,
  sameSetting,
  settingTexts,
  tenantSettingsOf,
  type AuditTrail,
  type NamedAdmins,
  type SettingName,
  type SettingsStore,
  type TenantSettings,
} from '../../core/settings';
import { expandCard } from '../teams/cardRender';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { readPayload } from '../teams/payload';
import { conversationKindOf } from '../teams/turnContext';
import { saveTenantSettingsAction, shownOf, submittedFields } from './actions';
import { tenantSettingsCard, tenantSettingsCardData } from './tenantSettingsCard';
import { changedMeanwhileMessage, onlyAdmins, savedStatus, settingProblemText } from './wording';
import { translatorOf } from '../i18n/turnLanguage';
import type { Translator } from '../i18n/translator';
import { commandPattern } from '../i18n/commands';

/** What the tenant settings card needs. */
export interface TenantSettingsDeps {
  people: PeopleDirectory;
  settings: SettingsStore;
  audit: AuditTrail;
  /** The people `MOMENTS_ADMINS` names: admins whatever the tenant's settings say. */
  namedAdmins: NamedAdmins;
  now: () => Date;
  defaultTimeZone: string;
}

/** An expanded card as the type teams-ai returns from Action.Execute handlers. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

/**
 * Registers `settings` in a personal chat (the tenant settings card for an admin; for anyone else,
 * who the admins are) and the card's save. Register before the team set-up, which answers
 * `settings` in teams and group chats.
 */
export function registerTenantSettings(app: Application<TurnState>, deps: TenantSettingsDeps): void {
  const callerOf = async (context: TurnContext) => {
    const tenantId = tenantOf(context.activity);
    const personId = senderOf(context.activity);
    if (!tenantId || !personId || conversationKindOf(context) !== 'personal') return undefined;
    const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
    return { tenantId, personId, settings, name: context.activity.from?.name ?? '' };
  };

  const refusal = async (t: Translator, tenantId: string, settings: TenantSettings) => {
    const admins = await tenantAdmins(deps, tenantId, settings);
    return onlyAdmins(
      t,
      admins.map((admin) => admin.name),
    );
  };

  const card = async (
    t: Translator,
    settings: TenantSettings,
    extra: Omit<Parameters<typeof tenantSettingsCardData>[0], 't' | 'settings' | 'audit'> = {},
  ) =>
    expandCard(
      tenantSettingsCard,
      tenantSettingsCardData({
        t,
        settings,
        audit: await deps.audit.latest(settings.tenantId, AUDIT_ENTRIES_SHOWN),
        ...extra,
      }),
    );

  app.message(
    async (context) =>
      context.activity.type === 'message' &&
      commandPattern('settings').test(context.activity.text ?? '') &&
      conversationKindOf(context) === 'personal',
    async (context) => {
      const caller = await callerOf(context);
      if (!caller) return;
      const t = translatorOf(context);
      if (!(await callerIsAdmin(deps, caller.tenantId, caller.personId, caller.settings))) {
        await context.sendActivity(await refusal(t, caller.tenantId, caller.settings));
        return;
      }
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await card(t, caller.settings))] });
    },
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'saveTenantSettings',
    async (context, _state, payload) => {
      const t = translatorOf(context);
      const caller = await callerOf(context);
      if (!caller) return t.text('settings.personalChatOnly');
      if (!(await callerIsAdmin(deps, caller.tenantId, caller.personId, caller.settings))) {
        return refusal(t, caller.tenantId, caller.settings);
      }
      const data = readPayload(saveTenantSettingsAction, payload);
      if (!data) return asCard(await card(t, caller.settings, { problems: [t.text('settings.unreadable')] }));

      const fields = submittedFields(data);
      const shown = shownOf(data);
      const basis = { version: data.version ?? '', shown: data.shown ?? JSON.stringify(shown) };
      const result = await changeTenantSettings(
        {
          settings: deps.settings,
          audit: deps.audit,
          now: deps.now(),
          defaultTimeZone: deps.defaultTimeZone,
        },
        {
          tenantId: caller.tenantId,
          by: { id: caller.personId, name: caller.name, via: 'teams' },
          fields,
          basis: { version: data.version || undefined, fields: shown },
        },
      );
      if (result.ok)
        return asCard(await card(t, result.settings, { status: savedStatus(t, result.changes.length) }));
      if (result.code === 'SETTINGS.INVALID') {
        // The card comes back as the admin filled it, on the same basis: nothing of theirs is lost.
        return asCard(
          await card(t, caller.settings, {
            fields,
            basis,
            problems: [
              ...result.problems.map((problem) => settingProblemText(t, problem)),
              t.text('settings.nothingSaved'),
            ],
          }),
        );
      }
      return asCard(
        await card(t, result.settings, {
          fields: keptEntries(fields, shown, result.settings),
          problems: [changedMeanwhileMessage(t, result.changedMeanwhile)],
        }),
      );
    },
  );
}

/**
 * After a refused save, the inputs for the second try: what the admin changed stays as they
 * entered it; what they left as shown takes the value saved meanwhile, so saving again keeps both.
 */
function keptEntries(
  submitted: Record<string, string>,
  shown: Record<string, string>,
  now: TenantSettings,
): Partial<Record<SettingName, string>> {
  const current = settingTexts(now);
  const entered = parseSettingValues(submitted).values;
  const before = parseSettingValues(shown).values;
  const kept: Partial<Record<SettingName, string>> = {};
  for (const name of Object.keys(current) as SettingName[]) {
    const touched = !(name in before) || !sameSetting(entered[name], before[name]);
    kept[name] = touched && submitted[name] !== undefined ? submitted[name] : current[name];
  }
  return kept;
}
