import type { BriefSend } from '../../../core/briefs';
import { scheduledJobCommand } from './scheduledJobCommand';

const WHAT: Record<BriefSend['kind'], string> = {
  oneOnOne: 'brief before a 1:1',
  teamMeeting: 'opener before the team meeting',
  notice: 'calendar permission notice',
  calendar: 'calendar could not be read',
};

/** `briefs`: the calendar briefs job (every five minutes), at any instant. */
export const briefsCommand = scheduledJobCommand({
  name: 'briefs',
  summary: 'Run the calendar briefs as of --at',
  details: [
    'Each opted-in manager whose 1:1 with a report or team meeting starts their chosen lead after',
    '--at (in the window since the last run, at most 30 minutes back) gets the brief or the opener in',
    'their personal chat, once per occurrence. Locally the demo organisation’s calendar is served as',
    'Graph would; elsewhere CALENDAR_BRIEFS=graph reads Microsoft Graph.',
  ],
  run: (runtime, options) => runtime.jobs.briefs(options),
  describe: (s) =>
    `${WHAT[s.kind]}${s.personId ? ` about ${s.personId}` : ''} → ${s.managerId}${s.deliveryId ? ` (${s.deliveryId})` : ''}`,
});
