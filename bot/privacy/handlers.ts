import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { ConversationBook } from '../../core/delivery';
import { languageFrom, type Logger } from '../../core/shared';
import type { ErasureRegister, PeopleDirectory } from '../../core/people';
import {
  saveMySettings,
  exportMyData,
  forgetPerson,
  type NoteCounter,
  type NoteEraser,
  type PrivacyDeps,
} from '../../core/privacy';
import type { RecognitionStore } from '../../core/kudos';
import { tenantSettingsOf, type NamedAdmins, type SettingsStore } from '../../core/settings';
import { forgetConfirmCard, myDataCard, mySettingsCard, privacyNoticeCard } from './privacyCards';
import { cardAttachment, expandCard } from '../teams/cardRender';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { forgetConfirmCardData } from './forgetConfirmCard';
import { myDataCardData } from './myDataCard';
import { readPayload } from '../teams/payload';
import { saveMySettingsAction } from './actions';
import {
  mySettingsCardData,
  settingsInputOf,
  settingsValuesFrom,
  settingsValuesOf,
  type SettingsValues,
} from './mySettingsCard';
import { cancelledNoticeData, erasedNoticeData } from './privacyNoticeCard';
import { mySettingsProblemText } from './wording';
import { translatorOf } from '../i18n/turnLanguage';
import { translatorFor, type Translator } from '../i18n/translator';
import { commandPattern, type CommandId } from '../i18n/commands';
import { commandWordsIn } from '../help/commands';

/** What `my settings`, `my data` and `forget me` need. */
export interface PrivacyHandlerDeps {
  people: PeopleDirectory;
  settings: SettingsStore;
  recognitions: RecognitionStore;
  conversations: ConversationBook;
  logger: Logger;
  now: () => Date;
  defaultTimeZone: string;
  erasures: ErasureRegister;
  /**
   * Private notes to count (and, with the eraser methods, erase); the notes store fits. Without
   * it, `my data` counts 0 notes and `forget me` erases none.
   */
  notes?: NoteCounter & Partial<NoteEraser>;
  /** The people `MOMENTS_ADMINS` names, shown as admins in `my data`. */
  namedAdmins?: NamedAdmins;
  /** How rosters showed people can be reached; `forget me` removes the caller's. */
  memberships?: PrivacyDeps['memberships'];
}

/** The reply in group chats and channels: a pointer to the personal chat, never any data. */
export const personalChatOnly = (t: Translator, command: CommandId) =>
  t.text('privacy.personalChatOnly', { command: commandWordsIn(t)[command] });

/** Who is asking: always the sender, so nobody reaches another person's data. */
interface Caller {
  tenantId: string;
  personId: string;
  /** Their name as Teams gives it, for a directory record created by `my settings`. */
  name: string;
}

/** An expanded card as the type teams-ai returns from Action.Execute handlers. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

/** Registers `my settings`, `my data` and `forget me` (with its confirmation). Personal chat only. */
export function registerPrivacy(app: Application<TurnState>, deps: PrivacyHandlerDeps): void {
  const privacy: PrivacyDeps = {
    people: deps.people,
    recognitions: deps.recognitions,
    conversations: deps.conversations,
    settings: deps.settings,
    erasures: deps.erasures,
    logger: deps.logger,
    ...(deps.notes ? { notes: deps.notes } : {}),
    ...(deps.namedAdmins ? { namedAdmins: deps.namedAdmins } : {}),
    ...(deps.memberships ? { memberships: deps.memberships } : {}),
  };

  /** The caller, in a personal chat; otherwise the reason to give instead. */
  const callerOf = (context: TurnContext, command: CommandId): Caller | { refusal: string } => {
    const t = translatorOf(context);
    if (conversationKindOf(context) !== 'personal') return { refusal: personalChatOnly(t, command) };
    const tenantId = tenantOf(context.activity);
    const personId = senderOf(context.activity);
    if (!tenantId || !personId) return { refusal: t.text('privacy.notFromTeams') };
    return { tenantId, personId, name: context.activity.from?.name ?? '' };
  };

  const settingsCard = async (
    t: Translator,
    tenantId: string,
    personId: string,
    extra: { values?: SettingsValues; status?: string; error?: string } = {},
  ) => {
    const [person, reports, settings] = await Promise.all([
      deps.people.get(tenantId, personId),
      deps.people.reportsOf(tenantId, personId),
      tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone),
    ]);
    return expandCard(
      mySettingsCard,
      mySettingsCardData({
        t,
        person,
        values: extra.values ?? settingsValuesOf(person, settings),
        isManager: reports.length > 0,
        calendarBriefs: settings.calendarBriefs,
        now: deps.now(),
        ...(extra.status ? { status: extra.status } : {}),
        ...(extra.error ? { error: extra.error } : {}),
      }),
    );
  };

  app.message(commandPattern('mySettings'), async (context) => {
    const caller = callerOf(context, 'mySettings');
    if ('refusal' in caller) {
      await context.sendActivity(caller.refusal);
      return;
    }
    const card = await settingsCard(translatorOf(context), caller.tenantId, caller.personId);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'saveMySettings',
    async (context, _state, payload) => {
      const caller = callerOf(context, 'mySettings');
      if ('refusal' in caller) return caller.refusal;
      const t = translatorOf(context);
      const data = readPayload(saveMySettingsAction, payload);
      if (!data) {
        const error = t.text('privacy.settings.unreadable');
        return asCard(await settingsCard(t, caller.tenantId, caller.personId, { error }));
      }
      const values = settingsValuesFrom(data);
      const [reports, before] = await Promise.all([
        deps.people.reportsOf(caller.tenantId, caller.personId),
        tenantSettingsOf(deps.settings, caller.tenantId, deps.defaultTimeZone),
      ]);
      const isManager = reports.length > 0;
      const result = await saveMySettings(
        deps.people,
        {
          tenantId: caller.tenantId,
          personId: caller.personId,
          displayName: caller.name,
          input: settingsInputOf(values, isManager),
        },
        deps.erasures,
        before,
      );
      if (!result.ok) {
        const problems = result.problems.map((problem) => mySettingsProblemText(t, problem)).join(' ');
        return asCard(
          await settingsCard(t, caller.tenantId, caller.personId, {
            values,
            error: t.text('privacy.settings.refused', { problems }),
          }),
        );
      }
      // From the confirmation on, Moments speaks the language just chosen (automatic: the Teams
      // client's, as the turn's own language was worked out).
      const settings = await tenantSettingsOf(deps.settings, caller.tenantId, deps.defaultTimeZone);
      const chosen = translatorFor(
        languageFrom([result.person.language, context.activity.locale, settings.defaultLanguage]),
        result.person.timeZone ?? settings.defaultTimeZone,
      );
      return asCard(
        await settingsCard(chosen, caller.tenantId, caller.personId, {
          status: chosen.text(result.created ? 'privacy.settings.savedNew' : 'privacy.settings.saved'),
        }),
      );
    },
  );

  app.message(commandPattern('myData'), async (context) => {
    const caller = callerOf(context, 'myData');
    if ('refusal' in caller) {
      await context.sendActivity(caller.refusal);
      return;
    }
    const [data, settings] = await Promise.all([
      exportMyData(privacy, caller.tenantId, caller.personId),
      tenantSettingsOf(deps.settings, caller.tenantId, deps.defaultTimeZone),
    ]);
    const card = myDataCardData(translatorOf(context), data, settings);
    await context.sendActivity({ attachments: [cardAttachment(myDataCard, card)] });
  });

  app.message(commandPattern('forgetMe'), async (context) => {
    const caller = callerOf(context, 'forgetMe');
    if ('refusal' in caller) {
      await context.sendActivity(caller.refusal);
      return;
    }
    const data = await exportMyData(privacy, caller.tenantId, caller.personId);
    await context.sendActivity({
      attachments: [
        cardAttachment(
          forgetConfirmCard,
          forgetConfirmCardData(translatorOf(context), data, {
            notesErasable: Boolean(deps.notes?.removeAbout && deps.notes.removeByAuthor),
          }),
        ),
      ],
    });
  });

  app.adaptiveCards.actionExecute('forgetMe', async (context) => {
    const caller = callerOf(context, 'forgetMe');
    if ('refusal' in caller) return caller.refusal;
    const report = await forgetPerson(privacy, caller.tenantId, caller.personId, { now: deps.now() });
    return asCard(expandCard(privacyNoticeCard, erasedNoticeData(translatorOf(context), report)));
  });

  app.adaptiveCards.actionExecute('cancelForgetMe', async (context) => {
    const caller = callerOf(context, 'forgetMe');
    if ('refusal' in caller) return caller.refusal;
    return asCard(expandCard(privacyNoticeCard, cancelledNoticeData(translatorOf(context))));
  });
}
