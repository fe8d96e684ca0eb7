import { offsetMinutesAt } from '../../core/shared';
import { listedTimeZone, isTimeZone, timeZoneNames } from '../../core/people';
import type { Translator } from '../i18n/translator';
import type { ChoiceData } from './privacyCards';
import { pad } from './wording';

/** `(UTC+05:30) Asia/Kolkata`. */
function zoneTitle(t: Translator, zone: string, offset: number): string {
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return t.text('privacy.settings.zone', {
    offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
    zone,
  });
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
  return [...zones]
    .map((zone) => ({ zone, offset: offsetMinutesAt(now, zone) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone, offset }) => ({ title: zoneTitle(t, zone, offset), value: zone }));
}
