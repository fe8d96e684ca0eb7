import { FORMER_COLLEAGUE, nothingErased, type ErasureReport } from '../../core/privacy';
import { commandWordsIn } from '../help/commands';
import type { Translator } from '../i18n/translator';
import type { PrivacyNoticeCardData } from './privacyCards';

/** What `forget me` did, to replace the confirmation. */
export function erasedNoticeData(t: Translator, report: ErasureReport): PrivacyNoticeCardData {
  // What forget me promises for afterwards (core/people/erasures.ts).
  const staysForgotten = t.text('privacy.erased.staysForgotten', {
    mySettings: commandWordsIn(t).mySettings,
  });
  const line = (...args: Parameters<Translator['text']>) => ({ text: t.text(...args) });
  if (nothingErased(report)) {
    return {
      title: t.text('privacy.erased.nothingTitle'),
      lines: [line('privacy.erased.nothingLine')],
      note: staysForgotten,
    };
  }
  const anonymised = report.kudosGiven + report.kudosReceived;
  const lines = [
    ...(report.personRecord ? [line('privacy.erased.record')] : []),
    ...(report.personalChat ? [line('privacy.erased.chat')] : []),
    ...(report.celebrations > 0 ? [line('privacy.erased.celebrations', { count: report.celebrations })] : []),
    ...(anonymised > 0
      ? [
          line('privacy.erased.kudos', {
            given: report.kudosGiven,
            received: report.kudosReceived,
            formerColleague: FORMER_COLLEAGUE,
          }),
        ]
      : []),
    ...(report.reportsUnlinked > 0
      ? [line('privacy.erased.reports', { count: report.reportsUnlinked })]
      : []),
    ...(report.mutesCleared > 0 ? [line('privacy.erased.mutes')] : []),
    ...(report.notes
      ? [line('privacy.erased.notes', { written: report.notes.written, aboutThem: report.notes.aboutThem })]
      : []),
  ];
  return { title: t.text('privacy.erased.title'), lines, note: staysForgotten };
}

/** The answer to cancelling `forget me`: nothing changed. */
export function cancelledNoticeData(t: Translator): PrivacyNoticeCardData {
  return {
    title: t.text('privacy.cancelled.title'),
    lines: [{ text: t.text('privacy.cancelled.line', { myData: commandWordsIn(t).myData }) }],
    note: '',
  };
}
