import type { KudosProblem } from '../../core/kudos';
import type { Translator } from '../i18n/translator';

/** Why core refused kudos, as the giver reads it in `t`'s language. */
export function refusalText(t: Translator, problem: KudosProblem): string {
  switch (problem.code) {
    case 'KUDOS.NO_RECIPIENTS':
      return t.text('kudos.refusal.noRecipients');
    case 'KUDOS.TOO_MANY_RECIPIENTS':
      return problem.occasion === 'wishes'
        ? t.text('kudos.refusal.wishesForOne')
        : t.text('kudos.refusal.tooManyRecipients', { most: problem.most, chosen: problem.chosen });
    case 'KUDOS.SELF':
      return t.text('kudos.refusal.self');
    case 'KUDOS.EMPTY_MESSAGE':
      return t.text('kudos.refusal.emptyMessage');
    case 'KUDOS.MESSAGE_TOO_LONG':
      return t.text('kudos.refusal.messageTooLong', { most: problem.most, length: problem.length });
    case 'KUDOS.UNKNOWN_VALUE':
      // A value's name stays as the admins entered it.
      return problem.retired === undefined
        ? t.text('kudos.refusal.unknownValue')
        : t.text('kudos.refusal.retiredValue', { value: problem.retired });
    case 'KUDOS.UNKNOWN_RECIPIENT':
      return t.text('kudos.refusal.unknownRecipient', { missing: problem.missing });
    case 'KUDOS.DAILY_LIMIT':
      return t.text('kudos.refusal.dailyLimit', { given: problem.given });
  }
}
