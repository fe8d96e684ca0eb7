import type { ValueChange } from '../../core/settings';
import { commandWordsIn } from '../help/commands';
import type { Translator } from '../i18n/translator';
import { enumeration } from './words';

/**
 * What a change to the company values did, or why it changed nothing, as the admin reads it in
 * `t`'s language. Value names stay as the admins entered them; the `values` command is written in
 * the reader's words, its `add`, `rename`, `retire` and `restore` in English, as they are typed.
 */
export function valueChangeText(t: Translator, change: ValueChange): string {
  const { values, settings } = commandWordsIn(t);
  if (change.ok) {
    const { name, id } = change.value;
    switch (change.done) {
      case 'added':
        return t.text('team.values.added', { name, id });
      case 'renamed':
        return t.text('team.values.renamed', { from: change.formerName, to: name });
      case 'retired':
        return t.text('team.values.retired', { name });
      case 'restored':
        return t.text('team.values.restored', { name });
    }
  }
  switch (change.code) {
    case 'VALUES.NAME_REQUIRED':
      return t.text('team.values.nameRequired', { values });
    case 'VALUES.NAME_TOO_LONG':
      return t.text('team.values.nameTooLong', { most: change.most });
    case 'VALUES.DUPLICATE':
      return change.clash.retired
        ? t.text('team.values.duplicateRetired', { name: change.clash.name, id: change.clash.id, values })
        : t.text('team.values.duplicate', { name: change.clash.name });
    case 'VALUES.UNKNOWN': {
      const quoted = (names: string[]) =>
        enumeration(
          t,
          names.map((name) => t.text('team.values.quoted', { name })),
        );
      return t.text('team.values.unknown', {
        reference: change.reference,
        hasActive: change.active.length > 0 ? 'yes' : 'no',
        active: quoted(change.active),
        hasRetired: change.retired.length > 0 ? 'yes' : 'no',
        retired: quoted(change.retired),
        settings,
      });
    }
    case 'VALUES.LAST_ONE':
      return t.text('team.values.lastOne');
  }
}
