import type { TurnContext } from 'botbuilder';
import { firstSpoken, isLocaleTag, languageFrom } from '../../core/shared';
import type { PeopleDirectory } from '../../core/people';
import { tenantSettingsOf, type SettingsStore } from '../../core/settings';
import { tenantOf } from '../teams/conversationRecord';
import { translatorFor, type Translator } from './translator';

const TRANSLATOR = Symbol('moments.translator');

/** What working out a turn's language reads. */
export interface TurnLanguageDependencies {
  people: PeopleDirectory;
  settings: SettingsStore;
  defaultTimeZone: string;
}

/**
 * Works out the language of the turn's answers and keeps it on the turn: the caller's choice in
 * `my settings`, else the locale their Teams client reports, else the tenant's default. The
 * locale is recorded on the caller's directory record, so messages Moments sends them later
 * (reminders, digests, nudges) are in the language they use.
 */
export async function settleTurnLanguage(
  context: TurnContext,
  deps: TurnLanguageDependencies,
): Promise<Translator> {
  const tenantId = tenantOf(context.activity);
  const userId = context.activity.from?.aadObjectId;
  const locale = isLocaleTag(context.activity.locale) ? context.activity.locale : undefined;
  const person = tenantId && userId ? await deps.people.get(tenantId, userId) : undefined;
  if (person && locale && person.locale !== locale)
    await deps.people.rememberLocale(person.tenantId, person.id, locale);
  let language = firstSpoken([person?.language, locale]);
  if (!language && tenantId) {
    language = (await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone)).defaultLanguage;
  }
  const translator = translatorFor(languageFrom([language]), person?.timeZone ?? deps.defaultTimeZone);
  context.turnState.set(TRANSLATOR, translator);
  return translator;
}

/**
 * The turn's translator (see {@link settleTurnLanguage}); before it is settled (an activity that
 * failed early), the language of the activity's locale.
 */
export function translatorOf(context: TurnContext): Translator {
  const settled = context.turnState.get(TRANSLATOR) as Translator | undefined;
  return settled ?? translatorFor(languageFrom([context.activity.locale]));
}
