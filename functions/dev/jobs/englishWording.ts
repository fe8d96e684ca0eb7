import type { AdminChange, SettingProblem } from '../../../core/settings';

// The jobs CLI speaks English to the operators who run it: core says what happened as codes and
// values, and these words are the CLI's own (Teams users read the bot's catalogues instead).

/** `a, b or c`. */
function either(choices: readonly string[]): string {
  return choices.length <= 1
    ? (choices[0] ?? '')
    : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/** `a, b and c`. */
function all(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One problem with a settings change, as one English sentence. */
export function settingProblemText(problem: SettingProblem): string {
  const { field, given } = problem;
  switch (problem.code) {
    case 'unknown':
      return `${given} is not a setting. The settings are ${either(problem.settings)}.`;
    case 'range': {
      const note =
        problem.note === 'offForNoLimit'
          ? ', or off for no limit'
          : problem.note === 'workingDays'
            ? ' (working days)'
            : '';
      return `${field} must be a whole number from ${problem.min} to ${problem.max}${note}; “${given}” is not.`;
    }
    case 'oneOf':
      return `${field} must be ${either(problem.choices)}; “${given}” is not.`;
    case 'onOff':
      return `${field} must be on or off; “${given}” is not.`;
    case 'weekday':
      return `${field} must be a weekday (Monday … Sunday, or 1 … 7); “${given}” is not.`;
    case 'checkIns':
      return `${field} must be the new-hire check-in days to keep, from ${all(problem.days.map(String))} (e.g. 0,30), or none; “${given}” is not.`;
    case 'language':
      return `${field} must be ${either(problem.languages)}; “${given}” is not.`;
  }
}

/** What an admin change did, or why it did nothing, as English sentences. */
export function adminChangeText(change: AdminChange): string {
  if (change.ok) {
    const { name } = change.person;
    if (change.outcome === 'added') return `${name} is now a Moments admin.`;
    if (change.outcome === 'removed') return `${name} is no longer a Moments admin.`;
    const admin = change.admins.find((a) => a.id === change.person.id);
    if (!admin) return `${name} is not an admin. Nothing was changed.`;
    return `${name} is already an admin${admin.named && !admin.listed ? ' (named in MOMENTS_ADMINS)' : ''}. Nothing was changed.`;
  }
  switch (change.code) {
    case 'ADMINS.NOT_AN_ADMIN':
      return 'Only Moments admins can add or remove admins. Nothing was changed.';
    case 'ADMINS.UNKNOWN_PERSON':
      return change.email
        ? `Nobody in this tenant's directory has the e-mail ${change.target}. Import or sync people first, or give their Entra object id. Nothing was changed.`
        : `${change.target} is neither an e-mail address nor an Entra object id of someone in this tenant's directory. Nothing was changed.`;
    case 'ADMINS.AMBIGUOUS_EMAIL':
      return `${change.count} people in this tenant's directory have the e-mail ${change.target}; give the object id of the one you mean. Nothing was changed.`;
    case 'ADMINS.NAMED_IN_SETTING':
      return `${change.person.name} is named in the MOMENTS_ADMINS app setting and stays an admin as long as it names them; only a change to that setting removes them. Nothing was changed.`;
    case 'ADMINS.LAST_ADMIN':
      return 'You are the last Moments admin, so you cannot remove yourself: add another admin first. Nothing was changed.';
    case 'ADMINS.CHANGED_MEANWHILE':
      return 'The admins or settings changed while this was being saved. Nothing was changed: try again.';
  }
}
