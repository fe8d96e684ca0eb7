import { scheduledJobCommand } from './scheduledJobCommand';

/** `nudges`: the hourly weekly-nudge job (each person at their nudge day and hour), at any instant. */
export const nudgesCommand = scheduledJobCommand({
  name: 'nudges',
  summary: 'Run the weekly "remind me to recognise someone" nudge as of --at',
  details: [
    'Everyone with the nudge on (their own choice in my settings, else the tenant’s weeklyNudge) whose',
    'day and hour (theirs, else the tenant’s digest day and hour, in their zone) fell in the window gets',
    'up to three people to thank in their personal chat, at most once per ISO week; someone with',
    'nobody to suggest gets nothing.',
  ],
  run: (runtime, options) => runtime.jobs.nudges(options),
  describe: (s) => `nudge ${s.week} (${s.suggestions} to thank) → ${s.personName}`,
});
