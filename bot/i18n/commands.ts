import { LANGUAGES } from '../../core/shared';
import { CATALOGUES, SOURCE, type MessageKey } from './catalogues';

/** The commands typed to Moments that every language has its own words for. */
export const COMMAND_IDS = [
  'help',
  'kudos',
  'note',
  'notes',
  'digest',
  'brief',
  'mySettings',
  'myData',
  'forgetMe',
  'settings',
  'values',
  'admins',
  'stats',
  'reach',
  'useThisChannel',
] as const;

/** One of {@link COMMAND_IDS}. */
export type CommandId = (typeof COMMAND_IDS)[number];

const keyOf = (command: CommandId) => `command.${command}` as MessageKey;

/**
 * Every way to type `command`, lower-cased: the English word first, then each language's own
 * (a catalogue may give several, separated by `|`). English words work whatever the language.
 */
export function commandWords(command: CommandId): string[] {
  const words = new Set<string>();
  for (const language of LANGUAGES) {
    const text =
      CATALOGUES[language][keyOf(command)] ?? (language === 'en' ? SOURCE[keyOf(command)] : undefined);
    for (const word of (text ?? '').split('|')) {
      const clean = word.trim().toLowerCase().replace(/\s+/g, ' ');
      if (clean) words.add(clean);
    }
  }
  return [...words];
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

const patterns = new Map<string, RegExp>();

/**
 * A pattern for a message that is `command` in any language: alone (`rest: 'none'`), or followed
 * by whatever else (`rest: 'any'`) — `notes` is not read as `note` followed by `s`.
 */
export function commandPattern(command: CommandId, rest: 'none' | 'any' = 'none'): RegExp {
  const key = `${command} ${rest}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    // Longest first, so `my settings` is tried before a shorter word it starts with.
    const words = commandWords(command)
      .sort((a, b) => b.length - a.length)
      .map(escape);
    const tail = rest === 'none' ? '\\s*$' : '(?=\\s|$)';
    pattern = new RegExp(`^\\s*(?:${words.join('|')})${tail}`, 'iu');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** The text after `command`'s word at the start of `text` (trimmed), or `undefined` when it does not start with it. */
export function textAfterCommand(command: CommandId, text: string): string | undefined {
  const match = commandPattern(command, 'any').exec(text);
  return match ? text.slice(match[0].length).trim() : undefined;
}
