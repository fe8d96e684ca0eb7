import { FORMER_COLLEAGUE, type MyData } from '../../core/privacy';
import type { Translator } from '../i18n/translator';
import type { ForgetConfirmCardData } from './privacyCards';
import { wordsOf } from './wording';

const TEXT_KEYS = {
  title: 'privacy.forget.title',
  erases: 'privacy.forget.erases',
  stays: 'privacy.forget.stays',
  warning: 'privacy.forget.warning',
  erase: 'privacy.forget.erase',
  cancel: 'privacy.forget.cancel',
} as const;

/** The `forget me` confirmation: what would go and what would stay, from the person's data. */
export function forgetConfirmCardData(
  t: Translator,
  data: MyData,
  options: { notesErasable: boolean },
): ForgetConfirmCardData {
  const kudos = data.kudosGiven.count + data.kudosReceived.count;
  const line = (...args: Parameters<Translator['text']>) => ({ text: t.text(...args) });
  const erased = [
    ...(data.person ? [line('privacy.forget.record')] : []),
    ...(data.conversations > 0 ? [line('privacy.forget.chat')] : []),
    ...(data.celebrated > 0 ? [line('privacy.forget.celebrations', { count: data.celebrated })] : []),
    ...(kudos > 0 ? [line('privacy.forget.kudosNames', { count: kudos })] : []),
    ...(data.reportCount > 0 ? [line('privacy.forget.reports', { count: data.reportCount })] : []),
    ...(options.notesErasable ? [line('privacy.forget.notes')] : []),
  ];
  return {
    texts: wordsOf(t, TEXT_KEYS),
    erased: erased.length > 0 ? erased : [line('privacy.forget.nothing')],
    kept: [
      // The stored name erased people's kudos show, quoted as it appears on them.
      ...(kudos > 0
        ? [line('privacy.forget.keptKudos', { count: kudos, formerColleague: FORMER_COLLEAGUE })]
        : []),
      ...(data.reportCount > 0 ? [line('privacy.forget.keptReports')] : []),
      ...(data.isAdmin ? [line('privacy.forget.keptAdmin')] : []),
      line('privacy.forget.keptAccount'),
    ],
  };
}
