import { textTravels, type Recognition } from '../kudos';
import type { TenantSettings } from '../settings';
import type { Viewer } from './viewer';
import type { ValueName } from './views';

/**
 * The words of a kudos, where the tab may show them: when they may travel beyond the conversation
 * they were given in (core/kudos `textTravels`), or to `viewerId` when they gave or received it.
 * Without a viewer (an export, read beyond the tab) only the first holds. The one place the tab
 * applies the rule.
 */
export function shownText(
  recognition: Pick<
    Recognition,
    'place' | 'postToChannel' | 'managerMaySee' | 'message' | 'giver' | 'recipientIds'
  >,
  viewerId?: string,
): string | undefined {
  const onIt =
    viewerId !== undefined &&
    (recognition.giver.id === viewerId || recognition.recipientIds.includes(viewerId));
  return textTravels(recognition) || onIt ? recognition.message : undefined;
}

/** The zone the viewer's dates and weeks are in: their own, else the tenant's default. */
export function zoneOf(viewer: Pick<Viewer, 'person' | 'settings'>): string {
  return viewer.person?.timeZone ?? viewer.settings.defaultTimeZone;
}

/**
 * A value as the tenant names it now (a renamed value reads with its new name); a value the
 * settings no longer hold keeps the name it was given with.
 */
export function valueNamer(
  settings: Pick<TenantSettings, 'values'>,
): (id: string, storedName: string) => ValueName {
  const names = new Map(settings.values.map((value) => [value.id, value.name]));
  return (id, storedName) => ({ id, name: names.get(id) ?? storedName });
}

/** Counts per value, most used first, then by name. */
export function valueMix(
  counts: ReadonlyMap<string, { value: ValueName; count: number }>,
): Array<{ value: ValueName; count: number }> {
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count || a.value.name.localeCompare(b.value.name) || a.value.id.localeCompare(b.value.id),
  );
}

/** Adds one to `value`'s count in `counts`. */
export function countValue(counts: Map<string, { value: ValueName; count: number }>, value: ValueName): void {
  const entry = counts.get(value.id);
  if (entry) entry.count += 1;
  else counts.set(value.id, { value, count: 1 });
}
