import { z } from 'zod';

// What the `my settings` card sends back. Every input is a string from a choice set, a toggle or
// a short text field; core checks the values themselves and explains what is wrong.

const input = z.string().max(64).optional();

/** `saveMySettings`: the card's inputs. */
export const saveMySettingsAction = z.object({
  birthdayMonth: input,
  birthdayDay: input,
  celebrateBirthday: input,
  celebrateAnniversary: input,
  timeZone: input,
  digestEnabled: input,
  digestDay: input,
  digestHour: input,
  language: input,
  briefLead: input,
  nudgeEnabled: input,
  nudgeDay: input,
  nudgeHour: input,
});
