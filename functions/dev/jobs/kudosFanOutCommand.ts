import { scheduledJobCommand } from './scheduledJobCommand';

/** `kudos-fan-out`: the notices and posts of kudos whose process stopped before sending them. */
export const kudosFanOutCommand = scheduledJobCommand({
  name: 'kudos-fan-out',
  summary: 'Send the notices and channel posts of kudos left pending, as of --at',
  details: [
    'Kudos still pending five minutes after they were given are fanned out again; what already',
    'went out is skipped. The hourly follow-up trigger runs this after the follow-up nudges.',
  ],
  run: (runtime, options) => runtime.jobs.kudosFanOuts(options),
  describe: (s) => `fan-out of ${s.recognitionId}`,
});
