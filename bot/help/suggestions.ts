import type { ConversationKind } from '../../core/delivery';
import { editDistance } from '../../core/shared';
import { commandWords } from '../i18n/commands';
import { COMMANDS } from './commands';

/** Only the start of a message is compared: the distance costs the product of both lengths. */
const COMPARED_CHARACTERS = 120;

/**
 * The words each command typed in a conversation of `kind` starts with, in every language:
 * `kudos`, `my settings`, `values rename`, `admins remove`, `hilfe`, `meine einstellungen`…
 */
export function commandWordsFor(kind: ConversationKind): string[] {
  const heads = new Set<string>();
  for (const info of COMMANDS) {
    if (!info.command || !info.kinds.includes(kind)) continue;
    for (const word of commandWords(info.command)) {
      // `values` alone is no command: only with what it does (`values add`).
      if (!info.subcommands) heads.add(word);
      for (const sub of info.subcommands ?? []) heads.add(`${word} ${sub}`);
    }
  }
  return [...heads];
}

// Short words get one slip (`hlep`), longer ones two (`setings`, `my setting`); more would turn
// ordinary words into commands.
const allowance = (head: string) => (head.replace(/ /g, '').length <= 4 ? 1 : 2);

/**
 * The command someone most likely meant by `text`, with the rest of what they typed kept
 * (`kudo @Megan thanks` → `kudos @Megan thanks`, `note s` → `notes`), the bare command when it
 * was typed with words it does not take (`help me` → `help`), or `undefined` when nothing is close
 * enough.
 */
export function suggestCommand(text: string, kind: ConversationKind): string | undefined {
  const words = text.slice(0, COMPARED_CHARACTERS).trim().split(/\s+/).filter(Boolean);
  const typed = words.map((word) => word.toLowerCase());
  let best: { head: string; distance: number; used: number } | undefined;
  for (const head of commandWordsFor(kind)) {
    const length = head.split(' ').length;
    for (let used = 1; used <= Math.min(length + 1, typed.length); used++) {
      const prefix = typed.slice(0, used).join(' ');
      const distance = Math.min(
        editDistance(prefix, head),
        // `note s`, `mysettings`: a space too many or too few is one slip, not a different word.
        editDistance(prefix.replace(/ /g, ''), head.replace(/ /g, '')),
      );
      if (distance > allowance(head)) continue;
      if (!best || distance < best.distance || (distance === best.distance && used > best.used)) {
        best = { head, distance, used };
      }
    }
  }
  if (!best) return undefined;
  const suggestion = [best.head, ...text.trim().split(/\s+/).slice(best.used)].join(' ');
  if (suggestion.toLowerCase() !== typed.join(' ')) return suggestion;
  // The command itself with words it does not take (`help me`, `stats please`): the bare command.
  return best.used < typed.length ? best.head : undefined;
}

/**
 * True when `text` is a command with its spaces wrong (`note s`, `mysettings`): a handler that
 * takes arguments would read `s` as one, so such a message is answered with the suggestion before
 * the commands' own handlers see it.
 */
export function isMisspacedCommand(text: string, kind: ConversationKind): boolean {
  if (text.length > COMPARED_CHARACTERS) return false;
  const typed = text.trim().toLowerCase().split(/\s+/).join(' ');
  const squashed = typed.replace(/ /g, '');
  return commandWordsFor(kind).some((head) => head !== typed && head.replace(/ /g, '') === squashed);
}
