import { z } from 'zod';

/**
 * Old spellings that the runtime's time zone data (ICU) still lists but IANA renamed: the person
 * chooses, and Moments stores, the current name. Merged zones (Europe/Bratislava and Prague) are
 * not renames: people there keep their own city's name.
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

let byLowerCase: ReadonlyMap<string, string> | undefined;

/** Every spelling Moments accepts, lower-cased, to the name it stores. Built once: it never changes. */
function zoneLookup(): ReadonlyMap<string, string> {
  if (byLowerCase) return byLowerCase;
  const lookup = new Map<string, string>();
  // The runtime does not list UTC itself, yet it is every tenant's default zone.
  for (const zone of ['UTC', 'Etc/UTC', ...Intl.supportedValuesOf('timeZone')]) {
    lookup.set(zone.toLowerCase(), zone === 'Etc/UTC' ? 'UTC' : (RENAMED_ZONES[zone] ?? zone));
  }
  byLowerCase = lookup;
  return lookup;
}

/**
 * Every IANA time zone a person can choose, in the name Moments stores, sorted: the runtime's whole
 * list (`Intl.supportedValuesOf`), renamed zones under their current name, and `UTC`.
 */
export function timeZoneNames(): string[] {
  return [...new Set(zoneLookup().values())].sort();
}

/**
 * The stored spelling of a zone from {@link timeZoneNames} (`europe/prague` → `Europe/Prague`,
 * `Asia/Calcutta` → `Asia/Kolkata`), or `undefined` for anything else, offsets and aliases
 * such as `US/Eastern` included: what a person may choose.
 */
export function listedTimeZone(value: string): string | undefined {
  return zoneLookup().get(value.trim().toLowerCase());
}

/**
 * The IANA canonical name of any zone the runtime accepts: a listed one as {@link listedTimeZone}
 * reads it, and a link such as `US/Eastern` as the zone it resolves to (`America/New_York`), so
 * that one zone is stored one way and re-imports compare equal. Undefined when it is not a zone
 * name; offsets such as `+01:00`, which newer runtimes accept, are refused.
 */
export function canonicalTimeZone(value: string): string | undefined {
  const listed = listedTimeZone(value);
  if (listed !== undefined || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return listed;
  try {
    const resolved = new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone;
    // Zones the runtime keeps off its list (`Etc/GMT-5`) are zones all the same.
    return listedTimeZone(resolved) ?? RENAMED_ZONES[resolved] ?? resolved;
  } catch {
    return undefined;
  }
}

/** A chosen time zone: one of {@link timeZoneNames}, in any case, read as its stored spelling. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .transform((value, context) => {
    const zone = listedTimeZone(value);
    if (zone === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: 'not a time zone Moments knows' });
      return z.NEVER;
    }
    return zone;
  });
