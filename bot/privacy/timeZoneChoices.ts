import { offsetMinutesAt } from '../../core/shared';
import { isTimeZone } from '../../core/people';
import type { ChoiceData } from './privacyCards';
import { pad } from './wording';

/** The zones `my settings` offers (plus the person's own, when it is another one). */
export const COMMON_TIME_ZONES: readonly string[] = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Halifax',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/St_Johns',
  'Atlantic/Reykjavik',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Africa/Lagos',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** `(UTC+05:30) Asia/Kolkata`. */
function zoneTitle(zone: string, now: Date): string {
  const offset = offsetMinutesAt(now, zone);
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `(UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}) ${zone}`;
}

/** The time zones to offer, ordered by their offset now, with `extra` zones (if real) added. */
export function zoneChoices(extra: readonly string[], now: Date): ChoiceData[] {
  const zones = new Set(COMMON_TIME_ZONES);
  for (const zone of extra) if (zone && isTimeZone(zone)) zones.add(zone);
  return [...zones]
    .map((zone) => ({ zone, offset: offsetMinutesAt(now, zone) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone }) => ({ title: zoneTitle(zone, now), value: zone }));
}
