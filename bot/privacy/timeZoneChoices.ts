import { offsetMinutesAt } from '../../core/shared';
import { listedTimeZone, isTimeZone, timeZoneNames } from '../../core/people';
import type { Translator } from '../i18n/translator';
import type { ChoiceData } from './privacyCards';
import { pad } from './wording';

/**
 * How a zone is titled in `t`'s language, e.g. `(UTC+05:30) Asia/Kolkata`. The message is
 * formatted once with markers in its places and filled per zone: formatting it for each of the
 * 400-odd zones took several times longer than everything else the card does.
 */
function zoneTitles(t: Translator): (zone: string, offset: number) => string {
  const pattern = t.text('privacy.settings.zone', { offset: '\u0000offset\u0000', zone: '\u0000zone\u0000' });
  return (zone, offset) => {
    const sign = offset < 0 ? '−' : '+';
    const abs = Math.abs(offset);
    const utc = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    return pattern.replace('\u0000offset\u0000', () => utc).replace('\u0000zone\u0000', () => zone);
  };
}

/**
 * Every time zone a person can choose (the card's list is filtered as they type, so all of them
 * fit), ordered by their offset now, with `extra` zones (if real and not listed, such as an
 * imported `US/Eastern`) added so a stored choice still shows.
 */
export function zoneChoices(t: Translator, extra: readonly string[], now: Date): ChoiceData[] {
  const zones = new Set(timeZoneNames());
  for (const zone of extra) {
    if (zone && !listedTimeZone(zone) && isTimeZone(zone)) zones.add(zone);
  }
  const title = zoneTitles(t);
  return [...zones]
    .map((zone) => ({ zone, offset: offsetMinutesAt(now, zone) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone, offset }) => ({ title: title(zone, offset), value: zone }));
}
