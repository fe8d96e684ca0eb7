/**
 * Every text a card shows comes from the catalogues, in its reader's language: no template writes a
 * word of its own. Checked on every template, so a new one cannot slip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const BOT = join(__dirname, '..', '..', 'bot');
/** Keys whose string values a person reads on a card. */
const SHOWN = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'errorMessage',
  'fallbackText',
  'altText',
  'value',
]);

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'i18n'
        ? []
        : templates(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** `path: text` of every shown text in `node` that has letters outside a `${…}` binding. */
function ownWords(node: unknown, where: string, parentType = '', found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => ownWords(item, `${where}[${i}]`, parentType, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    const type = typeof element.type === 'string' ? element.type : parentType;
    for (const [key, value] of Object.entries(element)) {
      // An input's `value` and a choice's `value` are data the card sends back, not text shown.
      const shown = SHOWN.has(key) && !(key === 'value' && !/^(Fact)$/.test(type));
      if (shown && typeof value === 'string' && /\p{L}/u.test(value.replace(/\$\{[^}]*\}/g, ''))) {
        found.push(`${where}.${key}: ${value}`);
      } else ownWords(value, `${where}.${key}`, type, found);
    }
  }
  return found;
}

test('no card template writes a word of its own: every text is bound from the catalogues', () => {
  const found = templates(BOT).flatMap((file) =>
    ownWords(JSON.parse(readFileSync(file, 'utf8')), relative(BOT, file)),
  );
  expect(found).toEqual([]);
});

test('the check finds a word written into a template', () => {
  const card = {
    type: 'AdaptiveCard',
    body: [
      { type: 'TextBlock', text: '${title}' },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Saved: ${count}' }] },
      { type: 'Input.Text', id: 'x', label: 'Name', value: '${name}' },
    ],
    actions: [{ type: 'Action.Execute', title: '🎉', verb: 'celebrate' }],
  };
  expect(ownWords(card, 'card')).toEqual([
    'card.body[1].inlines[0].text: Saved: ${count}',
    'card.body[2].label: Name',
  ]);
});
