import { scheduledJobCommand } from './scheduledJobCommand';

/** `followups`: the hourly follow-up nudges of private notes, at any instant. */
export const followUpsCommand = scheduledJobCommand({
  name: 'followups',
  summary: 'Run the follow-up nudges of private notes as of --at',
  details: [
    'Each note is nudged once for its follow-up date, in its author’s personal chat only,',
    'and once when it is still marked for the next 1:1 fourteen days after it was marked.',
  ],
  run: (runtime, options) => runtime.jobs.followups(options),
  describe: (s) =>
    s.kind === 'oneOnOne'
      ? `nudge ${s.noteId} (still marked for the next 1:1 on ${s.followUpOn}) → its author`
      : `nudge ${s.noteId} (follow-up ${s.followUpOn}) → its author`,
});
