import { z } from 'zod';
import { SETTING_NAMES, type SettingName } from '../../core/settings';
import { cardId } from '../teams/payload';

// What the tenant settings card sends back: each setting's input as a string (core checks the
// values and explains what is wrong), and what the card showed, so that a save made while someone
// else saved is caught and explained.

const input = z.string().max(64).optional();
const inputs = Object.fromEntries(SETTING_NAMES.map((name) => [name, input])) as Record<
  SettingName,
  typeof input
>;

/** `saveTenantSettings`: the card's inputs, the version it was shown with and its values then. */
export const saveTenantSettingsAction = z.object({
  ...inputs,
  version: cardId.optional(),
  /** The settings as the card showed them, as JSON text (a card's data holds strings). */
  shown: z.string().max(4000).optional(),
});
export type SaveTenantSettings = z.infer<typeof saveTenantSettingsAction>;

const shownSettings = z.record(z.string().max(64));

/** The values the card showed, or none when they cannot be read (a forged or damaged card). */
export function shownOf(data: SaveTenantSettings): Record<string, string> {
  try {
    const parsed = shownSettings.safeParse(JSON.parse(data.shown ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The settings' inputs as submitted. A multi-select with nothing chosen may be left out: none. */
export function submittedFields(data: SaveTenantSettings): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = data[name];
    if (value !== undefined) fields[name] = value;
  }
  fields.checkIns ??= '';
  return fields;
}
