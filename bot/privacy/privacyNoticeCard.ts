import { FORMER_COLLEAGUE, nothingErased, type ErasureReport } from '../../core/privacy';
import type { PrivacyNoticeCardData } from './privacyCards';
import { plural } from './wording';

/** What forget me promises for afterwards (core/people/erasures.ts). */
const STAYS_FORGOTTEN =
  'Moments will not add you back from HR files, Microsoft Graph or Teams rosters. To use it again, type “my settings” here.';

/** What `forget me` did, to replace the confirmation. */
export function erasedNoticeData(report: ErasureReport): PrivacyNoticeCardData {
  if (nothingErased(report)) {
    return {
      title: 'There was nothing left to erase',
      lines: [{ text: 'Moments keeps no data about you.' }],
      note: STAYS_FORGOTTEN,
    };
  }
  const anonymised = report.kudosGiven + report.kudosReceived;
  const lines = [
    ...(report.personRecord ? [{ text: 'Your directory record.' }] : []),
    ...(report.personalChat
      ? [{ text: 'The reference to this personal chat (a new one is kept if you message Moments again).' }]
      : []),
    ...(report.celebrations > 0 ? [{ text: `${plural(report.celebrations, 'celebration')} on kudos.` }] : []),
    ...(anonymised > 0
      ? [
          {
            text: `Your name on ${plural(report.kudosGiven, 'kudos', 'kudos')} you gave and ${report.kudosReceived} you received: they now show “${FORMER_COLLEAGUE}”.`,
          },
        ]
      : []),
    ...(report.reportsUnlinked > 0
      ? [
          {
            text: `You as manager on ${plural(report.reportsUnlinked, 'person’s record', 'people’s records')}.`,
          },
        ]
      : []),
    ...(report.mutesCleared > 0 ? [{ text: 'Your manager’s “don’t remind me” setting about you.' }] : []),
    ...(report.notes
      ? [
          {
            text: `${plural(report.notes.written, 'note')} you wrote and ${plural(report.notes.aboutThem, 'note')} about you.`,
          },
        ]
      : []),
  ];
  return { title: 'Your data was erased from Moments', lines, note: STAYS_FORGOTTEN };
}
