import { FORMER_COLLEAGUE, type MyData } from '../../core/privacy';
import type { ForgetConfirmCardData } from './privacyCards';
import { plural } from './wording';

/** The `forget me` confirmation: what would go and what would stay, from the person's data. */
export function forgetConfirmCardData(
  data: MyData,
  options: { notesErasable: boolean },
): ForgetConfirmCardData {
  const given = data.kudosGiven.count;
  const received = data.kudosReceived.count;
  const erased = [
    ...(data.person
      ? [
          {
            text: 'Your directory record: name, email, manager link, time zone, birthday, hire date, celebration and digest preferences.',
          },
        ]
      : []),
    ...(data.conversations > 0 ? [{ text: 'The reference to this personal chat.' }] : []),
    ...(data.celebrated > 0 ? [{ text: `Your ${plural(data.celebrated, 'celebration')} on kudos.` }] : []),
    ...(given + received > 0
      ? [{ text: `Your name and id on ${plural(given + received, 'kudos', 'kudos')} you gave or received.` }]
      : []),
    ...(data.reportCount > 0
      ? [
          {
            text: `You as manager on the records of the ${plural(data.reportCount, 'person', 'people')} who report to you.`,
          },
        ]
      : []),
    ...(options.notesErasable
      ? [{ text: 'Private notes you wrote, and the notes other people keep about you.' }]
      : []),
  ];
  return {
    erased: erased.length > 0 ? erased : [{ text: 'Nothing: Moments keeps no data about you.' }],
    kept: [
      ...(given + received > 0
        ? [
            {
              text: `The ${plural(given + received, 'kudos', 'kudos')} themselves: they belong to the other people on them too, and show “${FORMER_COLLEAGUE}” instead of your name. Their messages stay as their authors wrote them.`,
            },
          ]
        : []),
      ...(data.reportCount > 0
        ? [{ text: 'The records of the people who report to you (without you).' }]
        : []),
      ...(data.isAdmin ? [{ text: 'Your place on the Moments admins list: an admin changes that.' }] : []),
      {
        text: 'Your Teams account. If you use Moments again, or your organisation imports its people again, Moments learns your name again.',
      },
    ],
  };
}
