import type { JobCommand } from './job';
import { importPeopleCommand } from './importPeopleCommand';
import { milestonesCommand } from './milestonesCommand';
import { followUpsCommand } from './followUpsCommand';
import { kudosFanOutCommand } from './kudosFanOutCommand';
import { syncPeopleCommand } from './syncPeopleCommand';
import { digestCommand } from './digestCommand';
import { nudgesCommand } from './nudgesCommand';
import { briefsCommand } from './briefsCommand';
import { adminsCommand } from './adminsCommand';
import { auditCommand } from './auditCommand';
import { settingsCommand } from './settingsCommand';
import { reachCommand } from './reachCommand';

/**
 * The commands of `npm run job -- <command>`. A new command is a file exporting a
 * {@link JobCommand}, added here; the CLI does the parsing, the runtime and the output channels.
 */
export const commands: readonly JobCommand[] = [
  importPeopleCommand,
  syncPeopleCommand,
  milestonesCommand,
  followUpsCommand,
  kudosFanOutCommand,
  digestCommand,
  nudgesCommand,
  briefsCommand,
  adminsCommand,
  auditCommand,
  settingsCommand,
  reachCommand,
];

/** The command called `name`, if there is one. */
export function findCommand(name: string): JobCommand | undefined {
  return commands.find((command) => command.name === name);
}
