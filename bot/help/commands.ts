import type { ConversationKind } from '../../core/delivery';

/** A chat command Moments understands, and where it works. */
export interface CommandInfo {
  section: 'Getting started' | 'Kudos' | 'Milestones' | 'Notes and digest' | 'Your data' | 'Team set-up';
  command: string;
  description: string;
  kinds: readonly ConversationKind[];
  /** False for things done in the Teams UI rather than typed to the bot. */
  typed?: false;
}

const everywhere: readonly ConversationKind[] = ['personal', 'groupChat', 'channel'];

/** Every command, in the order the help card shows them. Add a command here when it ships. */
export const COMMANDS: readonly CommandInfo[] = [
  { section: 'Getting started', command: 'help', description: 'Show this card.', kinds: everywhere },
  {
    section: 'Kudos',
    command: 'kudos',
    description: 'Open the kudos form: who, which company value, and what they did.',
    kinds: everywhere,
  },
  {
    section: 'Kudos',
    command: 'kudos @name #value message',
    description: 'Give kudos in one line, e.g. kudos @Megan #teamwork thanks for covering the launch.',
    kinds: ['groupChat', 'channel'],
  },
  {
    section: 'Kudos',
    command: 'Send kudos (message extension)',
    description: 'From the compose box, or on any message’s … menu to thank its author for it.',
    kinds: everywhere,
    typed: false,
  },
  {
    section: 'Notes and digest',
    command: 'note',
    description: 'Write a private note about someone, with an optional day to be nudged to follow up.',
    kinds: ['personal'],
  },
  {
    section: 'Notes and digest',
    command: 'notes',
    description: 'Your open notes, newest first, with Done, Edit and Delete.',
    kinds: ['personal'],
  },
  {
    section: 'Notes and digest',
    command: 'notes name',
    description: 'Your open notes about one person, e.g. notes Megan.',
    kinds: ['personal'],
  },
  {
    section: 'Notes and digest',
    command: 'digest',
    description:
      'This week’s digest of your direct reports: kudos, who is waiting for a thank-you, what is coming up.',
    kinds: ['personal'],
  },
  {
    section: 'Your data',
    command: 'my settings',
    description: 'Your birthday (month and day), which milestones are celebrated, your time zone and digest.',
    kinds: ['personal'],
  },
  {
    section: 'Your data',
    command: 'my data',
    description: 'Everything Moments keeps about you.',
    kinds: ['personal'],
  },
  {
    section: 'Your data',
    command: 'forget me',
    description: 'Erase your data from Moments (asks first); kudos stay with your name removed.',
    kinds: ['personal'],
  },
  {
    section: 'Team set-up',
    command: 'use this channel for kudos',
    description: 'Admins: post kudos given in this team here too.',
    kinds: ['channel'],
  },
  {
    section: 'Team set-up',
    command: 'settings',
    description: 'Company values, recognition channel, reminder and digest times.',
    kinds: everywhere,
  },
  {
    section: 'Team set-up',
    command: 'values add / rename / retire / restore',
    description: 'Admins: manage company values; retired values stay on past kudos.',
    kinds: everywhere,
  },
  {
    section: 'Team set-up',
    command: 'admins',
    description: 'Who the Moments admins are.',
    kinds: everywhere,
  },
  {
    section: 'Team set-up',
    command: 'admins add @name / admins remove @name',
    description: 'Admins: make someone an admin, or stop them being one.',
    kinds: everywhere,
  },
  {
    section: 'Team set-up',
    command: 'stats',
    description:
      'This month’s kudos, top values and how many have not been recognised in 30 days (who, only for managers and admins, in a personal chat).',
    kinds: everywhere,
  },
  {
    section: 'Team set-up',
    command: 'reach',
    description: 'Admins: how many people Moments can message, and who it cannot reach and why.',
    kinds: ['personal'],
  },
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
      command: kind === 'personal' || info.typed === false ? info.command : `@Moments ${info.command}`,
      description: info.description,
    });
    sections.set(info.section, list);
  }
  return [...sections].map(([title, commands]) => ({ title, commands }));
}
