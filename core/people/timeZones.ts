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
 * such as `US/Eastern` included.
 */
export function canonicalTimeZone(value: string): string | undefined {
  return zoneLookup().get(value.trim().toLowerCase());
}

/** A chosen time zone: one of {@link timeZoneNames}, in any case, read as its stored spelling. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (zone === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: 'not a time zone Moments knows' });
      return z.NEVER;
    }
    return zone;
  });
