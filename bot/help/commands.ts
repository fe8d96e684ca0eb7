import type { ConversationKind } from '../../core/delivery';
import type { MessageKey } from '../i18n/catalogues';
import { COMMAND_IDS, type CommandId } from '../i18n/commands';
import type { Translator } from '../i18n/translator';

/** The help card's sections, in the order it shows them. */
type Section = 'start' | 'kudos' | 'notes' | 'data' | 'team';

/** A chat command Moments understands, and where it works. */
export interface CommandInfo {
  section: Section;
  /** Names its help texts: `help.usage.<id>` and `help.description.<id>`. */
  id: string;
  /** The command word it is typed with; absent for things done in the Teams UI. */
  command?: CommandId;
  /** Words that follow the command word, in English (`values add`). */
  subcommands?: readonly string[];
  kinds: readonly ConversationKind[];
}

const everywhere: readonly ConversationKind[] = ['personal', 'groupChat', 'channel'];
const personal: readonly ConversationKind[] = ['personal'];

/** Every command, in the order the help card shows them. Add a command here when it ships. */
export const COMMANDS: readonly CommandInfo[] = [
  { section: 'start', id: 'help', command: 'help', kinds: everywhere },
  { section: 'kudos', id: 'kudos', command: 'kudos', kinds: everywhere },
  { section: 'kudos', id: 'kudosLine', command: 'kudos', kinds: ['groupChat', 'channel'] },
  { section: 'kudos', id: 'kudosExtension', kinds: everywhere },
  { section: 'notes', id: 'note', command: 'note', kinds: personal },
  { section: 'notes', id: 'notes', command: 'notes', kinds: personal },
  { section: 'notes', id: 'notesAbout', command: 'notes', kinds: personal },
  { section: 'notes', id: 'digest', command: 'digest', kinds: personal },
  { section: 'notes', id: 'brief', command: 'brief', kinds: personal },
  { section: 'data', id: 'mySettings', command: 'mySettings', kinds: personal },
  { section: 'data', id: 'myData', command: 'myData', kinds: personal },
  { section: 'data', id: 'forgetMe', command: 'forgetMe', kinds: personal },
  { section: 'team', id: 'useThisChannel', command: 'useThisChannel', kinds: ['channel'] },
  { section: 'team', id: 'settings', command: 'settings', kinds: everywhere },
  {
    section: 'team',
    id: 'values',
    command: 'values',
    subcommands: ['add', 'rename', 'retire', 'restore'],
    kinds: everywhere,
  },
  { section: 'team', id: 'admins', command: 'admins', kinds: everywhere },
  {
    section: 'team',
    id: 'adminsChange',
    command: 'admins',
    subcommands: ['add', 'remove'],
    kinds: everywhere,
  },
  { section: 'team', id: 'stats', command: 'stats', kinds: everywhere },
  { section: 'team', id: 'reach', command: 'reach', kinds: personal },
];

/** The command words in the translator's language, as help texts use them (`{kudos}`, `{mySettings}`). */
export function commandWordsIn(t: Translator): Record<CommandId, string> {
  return Object.fromEntries(
    COMMAND_IDS.map((id) => [id, (t.text(`command.${id}` as MessageKey).split('|')[0] ?? id).trim()]),
  ) as Record<CommandId, string>;
}

/** The commands that work in a conversation of `kind`, grouped by section in catalogue order. */
export function commandsFor(
  kind: ConversationKind,
  t: Translator,
): Array<{ title: string; commands: Array<{ command: string; description: string }> }> {
  const words = commandWordsIn(t);
  const sections = new Map<Section, Array<{ command: string; description: string }>>();
  for (const info of COMMANDS) {
    if (!info.kinds.includes(kind)) continue;
    const usage = t.text(`help.usage.${info.id}` as MessageKey, words);
    const list = sections.get(info.section) ?? [];
    list.push({
      command: kind === 'personal' || !info.command ? usage : `@Moments ${usage}`,
      description: t.text(`help.description.${info.id}` as MessageKey, words),
    });
    sections.set(info.section, list);
  }
  return [...sections].map(([section, commands]) => ({
    title: t.text(`help.section.${section}` as MessageKey),
    commands,
  }));
}
