import type { ConversationKind } from '../core/conversations';

/** A chat command Moments understands, and where it works. */
export interface CommandInfo {
  section: 'Getting started' | 'Kudos' | 'Milestones' | 'Notes and digest' | 'Your data' | 'Team set-up';
  command: string;
  description: string;
  kinds: readonly ConversationKind[];
}

const everywhere: readonly ConversationKind[] = ['personal', 'groupChat', 'channel'];

/** Every command, in the order the help card shows them. Add a command here when it ships. */
export const COMMANDS: readonly CommandInfo[] = [
  { section: 'Getting started', command: 'help', description: 'Show this card.', kinds: everywhere },
];

/** The commands that work in a conversation of `kind`, grouped by section in catalogue order. */
export function commandsFor(
  kind: ConversationKind,
): Array<{ title: string; commands: Array<{ command: string; description: string }> }> {
  const sections = new Map<string, Array<{ command: string; description: string }>>();
  for (const info of COMMANDS) {
    if (!info.kinds.includes(kind)) continue;
    const list = sections.get(info.section) ?? [];
    list.push({
      command: kind === 'personal' ? info.command : `@Moments ${info.command}`,
      description: info.description,
    });
    sections.set(info.section, list);
  }
  return [...sections].map(([title, commands]) => ({ title, commands }));
}
