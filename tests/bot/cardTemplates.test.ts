/**
 * Names and messages people typed are shown as typed. A TextBlock renders a markdown subset, so a
 * bound value in it could turn `[verify here](https://…)` into a link or `**x**` into bold; a
 * TextRun (in a RichTextBlock) does not. Every card template is checked, so a new one cannot slip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expandCard } from '../../bot/teams/cardRender';
import { recognitionCard } from '../../bot/kudos/kudosCards';
import { recognitionCardData } from '../../bot/kudos/recognitionView';
import { recognitionMessages } from '../../bot/kudos/recognitionMessages';
import { translatorFor } from '../../bot/i18n/translator';
import type { Recognition } from '../../core/kudos';

const BOT = join(__dirname, '..', '..', 'bot');

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templates(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** `file: path` of every TextBlock whose text binds data. */
function boundTextBlocks(node: unknown, where: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => boundTextBlocks(item, `${where}[${i}]`, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string' && element.text.includes('${')) {
      found.push(`${where}: ${element.text}`);
    }
    for (const [key, value] of Object.entries(element)) boundTextBlocks(value, `${where}.${key}`, found);
  }
  return found;
}

/** Every text a TextRun shows in `card`. */
function textRuns(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => textRuns(item, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') found.push(element.text);
    Object.values(element).forEach((value) => textRuns(value, found));
  }
  return found;
}

/** Every text a TextBlock shows in `card`. */
function textBlocks(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => textBlocks(item, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
    Object.values(element).forEach((value) => textBlocks(value, found));
  }
  return found;
}

test('no card template binds data in a TextBlock, where markdown is rendered', () => {
  const files = templates(BOT);
  expect(files.length).toBeGreaterThan(15);
  const offending = files.flatMap((file) =>
    boundTextBlocks(JSON.parse(readFileSync(file, 'utf8')), relative(BOT, file)),
  );
  expect(offending).toEqual([]);
});

const PHISHING = '[verify here](https://evil.example)';
const BOLD_NAME = '**bold** Bowen';

const recognition: Recognition = {
  tenantId: 't',
  id: 'kudos-1',
  giver: { id: 'alex', name: BOLD_NAME },
  recipients: [{ id: 'megan', name: BOLD_NAME }],
  recipientIds: ['megan'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: PHISHING,
  place: { kind: 'channel', conversationId: '19:general', teamId: '19:team', channelId: '19:general' },
  postToChannel: true,
  createdAt: '2027-03-11T09:00:00.000Z',
  givenOn: '2027-03-11',
  celebrations: [{ id: 'adele', name: BOLD_NAME, at: '2027-03-11T10:00:00.000Z' }],
};

test('the recognition card shows a link-like message and a markdown name in TextRuns only', () => {
  const card = expandCard(recognitionCard, recognitionCardData(recognition, translatorFor('en')));
  const runs = textRuns(card).join('\n');
  expect(runs).toContain(PHISHING);
  expect(runs).toContain(BOLD_NAME);
  expect(textBlocks(card).filter((t) => t.includes(PHISHING) || t.includes('**bold**'))).toEqual([]);
});

test('the manager copy shows the message and names in TextRuns only', () => {
  const english = { language: 'en', timeZone: 'UTC' } as const;
  const card = recognitionMessages.managerNotice(recognition, recognition.recipients, english).card ?? {};
  const runs = textRuns(card).join('\n');
  expect(runs).toContain(PHISHING);
  expect(runs).toContain(BOLD_NAME);
  expect(textBlocks(card).filter((t) => t.includes(PHISHING) || t.includes('**bold**'))).toEqual([]);
});
