import { scheduledJobCommand } from './scheduledJobCommand';

/** `milestones`: the hourly milestone job (reminders to managers, celebrations on the day), at any instant. */
export const milestonesCommand = scheduledJobCommand({
  name: 'milestones',
  summary: 'Run the milestone job (reminders to managers, celebrations on the day) as of --at',
  details: [
    'Each reminder, celebration and congratulation is sent at most once, however often this runs:',
    'running it again for the same hour sends nothing. Messages reach Teams (or the Agents Playground',
    'of a running npm start) through the conversations Moments has stored.',
  ],
  run: (runtime, options) => runtime.jobs.milestones(options),
  describe: (s) => `${s.kind.padEnd(14)} ${s.milestone.padEnd(24)} ${s.personName} → ${s.to}`,
});
