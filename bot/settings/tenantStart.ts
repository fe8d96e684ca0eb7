import type { Activity } from 'botbuilder';
import { DEFAULT_VALUE_IDS, type DefaultValueId, type TenantStart } from '../../core/settings';
import { languageFrom } from '../../core/shared';
import type { MessageKey } from '../i18n/catalogues';
import { translatorFor } from '../i18n/translator';

/** Where each starting value's name is in the catalogues. */
const VALUE_KEYS: Record<DefaultValueId, MessageKey> = {
  teamwork: 'values.default.teamwork',
  'customer-first': 'values.default.customer-first',
  ownership: 'values.default.ownership',
  innovation: 'values.default.innovation',
  growth: 'values.default.growth',
  'above-and-beyond': 'values.default.above-and-beyond',
};

/**
 * How a tenant first met through `activity` starts: in the language of its Teams client (English
 * when Moments does not speak it), with its starting values named in that language.
 */
export function tenantStartOf(activity: Pick<Activity, 'locale'>): TenantStart {
  const defaultLanguage = languageFrom([activity.locale]);
  const t = translatorFor(defaultLanguage);
  return {
    defaultLanguage,
    valueNames: Object.fromEntries(DEFAULT_VALUE_IDS.map((id) => [id, t.text(VALUE_KEYS[id])])),
  };
}
