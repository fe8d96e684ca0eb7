import { scheduledJobCommand } from './scheduledJobCommand';

/** `digest`: the hourly weekly-digest job (each manager at their digest day and hour), at any instant. */
export const digestCommand = scheduledJobCommand({
  name: 'digest',
  summary: 'Run the weekly manager digest as of --at',
  details: [
    'Each manager whose digest day and hour (their own choice, else the tenant’s, in their zone) fell',
    'in the window gets this week’s digest in their personal chat, at most once per ISO week.',
  ],
  run: (runtime, options) => runtime.jobs.digest(options),
  describe: (s) => `digest ${s.week} (${s.reports} report(s)) → ${s.managerName}`,
});
